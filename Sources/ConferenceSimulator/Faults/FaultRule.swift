/// One injected fault: what goes wrong, how often, and for which HTTP methods.
///
/// Written on the command line as `KIND[=ARG][@RATE|xCOUNT][/METHODS]`, for example
/// `503@0.1` (one request in ten answers 503), `429=2x3` (the next three answer 429 with
/// `Retry-After: 2`), `reset@0.05/GET`, `latency=100-400`.
public struct FaultRule: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Wait this many seconds (a random value in the range) before answering.
        case latency(ClosedRange<Double>)
        /// Answer with this status and Twilio's error JSON (500, 503, 429…); `retryAfter` adds the header.
        case status(Int, retryAfter: Int?)
        /// Send half of the body, then close the connection.
        case reset
        /// Send a well-formed HTTP answer whose JSON body is cut in half.
        case truncate
        /// Send a body that is not JSON at all.
        case malformed
        /// Send valid JSON of the wrong shape.
        case wrongShape
        /// Send a valid answer padded to this many bytes.
        case huge(bytes: Int)
        /// Never answer.
        case hang
        /// A JSON list page whose `next_page_uri` names a page again (its own URI), so paging never ends.
        case endlessPages
    }

    public enum Trigger: Sendable, Hashable {
        case always
        /// Each request with this probability.
        case rate(Double)
        /// The next N matching requests.
        case count(Int)
    }

    public var kind: Kind
    public var trigger: Trigger
    /// Upper-case HTTP methods it applies to; empty means all.
    public var methods: Set<String>

    public init(_ kind: Kind, trigger: Trigger = .always, methods: Set<String> = []) {
        self.kind = kind
        self.trigger = trigger
        self.methods = methods
    }

    public var description: String {
        var text: String
        switch kind {
        case .latency(let range):
            text = range.lowerBound == range.upperBound ? "latency=\(Self.ms(range.lowerBound))" : "latency=\(Self.ms(range.lowerBound))-\(Self.ms(range.upperBound))"
        case .status(let code, let retryAfter): text = retryAfter.map { "\(code)=\($0)" } ?? "\(code)"
        case .reset: text = "reset"
        case .truncate: text = "truncate"
        case .malformed: text = "malformed"
        case .wrongShape: text = "wrong-shape"
        case .huge(let bytes): text = "huge=\(bytes / 1_000_000)"
        case .hang: text = "hang"
        case .endlessPages: text = "endless-pages"
        }
        switch trigger {
        case .always: break
        case .rate(let rate): text += "@\(rate)"
        case .count(let count): text += "x\(count)"
        }
        if !methods.isEmpty { text += "/" + methods.sorted().joined(separator: ",") }
        return text
    }

    private static func ms(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) }

    /// The syntax, for `confwatch sim --help`.
    public static let syntax = """
        KIND[=ARG][@RATE|xCOUNT][/METHODS], repeatable. KIND is one of:
          500, 503         that status with Twilio's error JSON
          401, 403         refuse the credentials (20003), as a revoked token would
          502, 504         that status with an HTML page, as a proxy sends
          429[=SECONDS]    429 (code 20429), with Retry-After: SECONDS if given
          reset            half the body, then the connection is dropped
          truncate         a JSON body cut in half (valid HTTP)
          malformed        a body that is not JSON
          wrong-shape      valid JSON of the wrong shape
          huge[=MB]        a valid answer padded to MB megabytes (default 10)
          hang             no answer at all
          endless-pages    JSON list pages always name a next page (their own)
          latency=MS[-MS]  wait MS milliseconds (or a random time in range)
        @RATE fires on that share of requests (0.1 = one in ten); xCOUNT on
        the next COUNT requests; neither means every request. /METHODS limits
        it to those methods, e.g. /GET or /POST,DELETE. Examples:
          --fault 503@0.1  --fault 429=2x3/GET  --fault latency=50-300
        """

    /// Parses one `--fault` value, with an error naming what is wrong and how to write it.
    public static func parse(_ spec: String) throws(FaultSpecError) -> FaultRule {
        var rest = Substring(spec.trimmingCharacters(in: .whitespaces))
        var methods: Set<String> = []
        if let slash = rest.firstIndex(of: "/") {
            let list = rest[rest.index(after: slash)...].split(separator: ",").map { $0.uppercased() }
            guard !list.isEmpty, list.allSatisfy({ ["GET", "POST", "DELETE", "PUT"].contains($0) }) else {
                throw FaultSpecError(spec: spec, problem: "methods after '/' must be GET, POST, DELETE or PUT, comma-separated")
            }
            methods = Set(list)
            rest = rest[..<slash]
        }
        var trigger = Trigger.always
        if let at = rest.firstIndex(of: "@") {
            guard let rate = Double(rest[rest.index(after: at)...]), rate >= 0, rate <= 1 else {
                throw FaultSpecError(spec: spec, problem: "the rate after '@' must be a number from 0 to 1, e.g. @0.1")
            }
            trigger = .rate(rate)
            rest = rest[..<at]
        } else if let x = rest.lastIndex(of: "x"), let count = Int(rest[rest.index(after: x)...]) {
            guard count > 0 else { throw FaultSpecError(spec: spec, problem: "the count after 'x' must be at least 1") }
            trigger = .count(count)
            rest = rest[..<x]
        }
        let parts = rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? String(parts[1]) : nil
        let kind: Kind
        switch name {
        case "401", "403", "500", "502", "503", "504":
            guard argument == nil else { throw FaultSpecError(spec: spec, problem: "\(name) takes no '=' argument") }
            kind = .status(Int(name)!, retryAfter: nil)
        case "429":
            if let argument {
                guard let seconds = Int(argument), seconds >= 0 else { throw FaultSpecError(spec: spec, problem: "429=SECONDS needs whole seconds, e.g. 429=2") }
                kind = .status(429, retryAfter: seconds)
            } else {
                kind = .status(429, retryAfter: nil)
            }
        case "reset": kind = .reset
        case "truncate": kind = .truncate
        case "malformed": kind = .malformed
        case "wrong-shape": kind = .wrongShape
        case "hang": kind = .hang
        case "endless-pages": kind = .endlessPages
        case "huge":
            let megabytes = argument.map { Double($0) } ?? 10
            guard let megabytes, megabytes > 0, megabytes <= 512 else { throw FaultSpecError(spec: spec, problem: "huge=MB needs a size from 1 to 512") }
            kind = .huge(bytes: Int(megabytes * 1_000_000))
        case "latency":
            guard let argument else { throw FaultSpecError(spec: spec, problem: "latency needs milliseconds, e.g. latency=200 or latency=100-400") }
            let bounds = argument.split(separator: "-").map { Double($0) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low >= 0, high >= low else {
                throw FaultSpecError(spec: spec, problem: "latency needs milliseconds, e.g. latency=200 or latency=100-400")
            }
            kind = .latency((low / 1000)...(high / 1000))
        default:
            throw FaultSpecError(spec: spec, problem: "unknown fault '\(name)'; use 500, 503, 429, reset, truncate, malformed, wrong-shape, huge, hang, endless-pages or latency")
        }
        return FaultRule(kind, trigger: trigger, methods: methods)
    }
}

public struct FaultSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public var spec: String
    public var problem: String
    public var description: String { "fault '\(spec)': \(problem)" }
}
