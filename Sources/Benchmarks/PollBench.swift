import ArgumentParser
import CommandLineSupport
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// CPU per poll for the whole chain a poll costs the dashboard: the GET, decoding (only what changed),
/// the snapshot diff in the reducer, and the view drawn into its cell grid.
struct PollBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll", abstract: "CPU time per poll: GET + decode + diff + view model, against a running simulator.")

    @Option(help: "The conference to poll (SID or friendly name).") var conference = "standup"
    @Option(help: "Polls measured.") var polls = 300
    @Option(help: "Polls first, not measured.") var warmup = 30
    @Flag(help: "One JSON object per line.") var json = false
    @OptionGroup var api: APIOptions

    func run() async throws {
        try await reportingFailures {
            try await withClient(api) { client in
                let found = try await client.resolveConference(conference)
                var state = DashboardState(now: Date())
                _ = Reducer.reduce(&state, .resized(width: 160, height: 50))
                _ = Reducer.start(&state, conference: found)
                let poll = ParticipantsPoll()
                let cache = FrameCache()
                var decoded = 0, changed = 0, requests = 0, bytes = 0, participants = 0
                var cpuStart = 0.0, wallStart = ContinuousClock.now
                for i in 0..<(warmup + polls) {
                    if i == warmup {
                        cpuStart = ProcessCPU.seconds()
                        wallStart = .now
                        (decoded, changed, requests, bytes) = (0, 0, 0, 0)
                    }
                    let started = ContinuousClock.now
                    let outcome = try await client.pollParticipants(conferenceSid: found.sid, through: poll)
                    let latency = (ContinuousClock.now - started).inSeconds
                    let message: Message = outcome.changed
                        ? .polled(participants: outcome.participants, conference: nil, latency: latency, at: Date())
                        : .pollUnchanged(conference: nil, latency: latency, at: Date())
                    _ = Reducer.reduce(&state, message)
                    _ = DashboardView.render(state, cache: cache)
                    decoded += outcome.decoded
                    changed += outcome.changed ? 1 : 0
                    requests += outcome.requests
                    bytes += outcome.bytes
                    participants = outcome.participants.count
                }
                let cpu = ProcessCPU.seconds() - cpuStart
                let wall = (ContinuousClock.now - wallStart).inSeconds
                BenchOutput.emit([
                    "bench": "poll", "participants": participants, "polls": polls,
                    "cpu_us_per_poll": (cpu / Double(polls) * 1e6).rounded(),
                    "wall_us_per_poll": (wall / Double(polls) * 1e6).rounded(),
                    "changed_polls": changed, "decoded_per_poll": Double(decoded) / Double(polls),
                    "requests_per_poll": Double(requests) / Double(polls), "bytes_per_poll": bytes / polls,
                ], json: json)
            }
        }
    }

}
