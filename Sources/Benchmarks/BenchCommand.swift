import ArgumentParser
import CommandLineSupport
import Foundation

public struct BenchCommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure confwatch's own costs (see BENCHMARKS.md; scripts/bench.py runs the whole set).",
        subcommands: [PollBench.self, RenderBench.self])
}

/// CPU time this process has used (user + system), in seconds.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// CPU time the calling thread has used, in seconds: what a frame costs, whatever else the machine does.
enum ThreadCPU {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

enum Stats {
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

/// Prints a result as one JSON object per line (for scripts/bench.py) and a readable line.
enum BenchOutput {
    static func emit(_ fields: [String: Any], json: Bool) {
        if json {
            let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
            StandardOutput.line(String(decoding: data ?? Data(), as: UTF8.self))
        } else {
            StandardOutput.line(fields.keys.sorted().map { "\($0)=\(fields[$0]!)" }.joined(separator: "  "))
        }
    }
}
