import ArgumentParser
import CommandLineSupport
import CursesUI
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// Frame cost (diff + layout + ncurses drawing, in the drawing thread's CPU time) on a pseudo-terminal,
/// and the bytes a poll sends to the terminal.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Frame time and terminal bytes per poll, drawn through ncurses on a pseudo-terminal.")

    @Option(help: "Participants in the conference.") var participants = 250
    @Option(help: "Frames measured.") var frames = 500
    @Flag(help: "One JSON object per line.") var json = false

    static let start = Date(timeIntervalSince1970: 1_764_000_000)

    func meeting(_ n: Int) -> [Participant] {
        (0..<n).map { i in
            Participant(
                accountSid: "ACc0ffee00000000000000000000000000", callSid: "CA" + String(format: "%032x", i + 1),
                conferenceSid: "CF0123456789abcdef0123456789abcdef", label: i % 6 == 0 ? nil : "person-\(i)", status: .connected,
                muted: i % 3 == 0, hold: i % 17 == 0, coaching: false, startConferenceOnEnter: true, endConferenceOnExit: i == 0,
                dateCreated: Self.start.addingTimeInterval(-Double(37 * (n - i) + i % 11)),
                dateUpdated: Self.start.addingTimeInterval(-Double(23 * (n - i) + i % 7)))
        }
    }

    func state(width: Int, height: Int, people: [Participant]) -> DashboardState {
        var state = DashboardState(now: Self.start)
        _ = Reducer.reduce(&state, .resized(width: width, height: height))
        _ = Reducer.start(&state, conference: Conference(accountSid: "ACc0ffee00000000000000000000000000", sid: "CF0123456789abcdef0123456789abcdef", friendlyName: "standup", status: .inProgress))
        _ = Reducer.reduce(&state, .polled(participants: people, conference: nil, latency: 0.003, at: Self.start))
        return state
    }

    func run() throws {
        var people = meeting(participants)
        // Frame time: every row on screen (a terminal tall enough for all of them).
        let tall = participants + 20
        let pty = try PseudoTerminal(columns: 160, rows: tall)
        let terminal = try Terminal(pseudoTerminal: pty.slave)
        var s = state(width: 160, height: tall, people: people)
        let cache = FrameCache()
        terminal.draw(DashboardView.render(s, cache: cache))
        _ = pty.drain()
        var now = Self.start
        /// One poll where participant `index` changed: diff + layout + drawing, timed in parts.
        func frame(_ index: Int) -> (total: Double, diff: Double, layout: Double, draw: Double) {
            people[index % people.count].muted.toggle()
            now = now.addingTimeInterval(1)
            let started = ThreadCPU.seconds()
            _ = Reducer.reduce(&s, .polled(participants: people, conference: nil, latency: 0.003, at: now))
            let reduced = ThreadCPU.seconds()
            let canvas = DashboardView.render(s, cache: cache)
            let laidOut = ThreadCPU.seconds()
            terminal.draw(canvas)
            let drawn = ThreadCPU.seconds()
            _ = pty.drain()
            return (drawn - started, reduced - started, laidOut - reduced, drawn - laidOut)
        }
        // Quiet: one participant changes in a meeting where nothing else just did.
        var quiet: [(total: Double, diff: Double, layout: Double, draw: Double)] = []
        for i in 0..<frames {
            now = now.addingTimeInterval(120)
            _ = Reducer.reduce(&s, .tick(now))
            _ = Reducer.reduce(&s, .pollUnchanged(conference: nil, latency: 0.003, at: now))
            terminal.draw(DashboardView.render(s, cache: cache))
            _ = pty.drain()
            quiet.append(frame(i * 37))
        }
        // Busy: a change every second, so ages tick and highlights come and go on many rows.
        let busy = (0..<frames).map { frame($0) }
        func ms(_ values: [Double], _ p: Double) -> Double { (Stats.percentile(values, p) * 1e5).rounded() / 100 }
        terminal.teardown()
        BenchOutput.emit([
            "bench": "render", "participants": participants, "rows_drawn": participants, "frames": frames,
            "median_ms_per_frame": ms(quiet.map(\.total), 0.5), "p99_ms_per_frame": ms(quiet.map(\.total), 0.99),
            "median_ms_diff": ms(quiet.map(\.diff), 0.5), "median_ms_layout": ms(quiet.map(\.layout), 0.5),
            "median_ms_draw": ms(quiet.map(\.draw), 0.5),
            "busy_median_ms_per_frame": ms(busy.map(\.total), 0.5), "busy_p99_ms_per_frame": ms(busy.map(\.total), 0.99),
        ], json: json)

        // Bytes per poll on an ordinary screen.
        let screen = try PseudoTerminal(columns: 160, rows: 50)
        let small = try Terminal(pseudoTerminal: screen.slave)
        people = meeting(participants)
        var t = state(width: 160, height: 50, people: people)
        let smallCache = FrameCache()
        small.draw(DashboardView.render(t, cache: smallCache))
        _ = screen.drain()
        var unchanged: [Int] = [], oneMute: [Int] = []
        now = Self.start
        /// Lets highlights expire and the last minute's ages settle, uncounted.
        func settle() {
            now = now.addingTimeInterval(600)
            _ = Reducer.reduce(&t, .tick(now))
            _ = Reducer.reduce(&t, .pollUnchanged(conference: nil, latency: 0.003, at: now))
            small.draw(DashboardView.render(t, cache: smallCache))
            _ = screen.drain()
        }
        settle()
        for _ in 0..<40 {
            // Nothing changed: a second passes and the poll answers as before.
            now = now.addingTimeInterval(1)
            _ = Reducer.reduce(&t, .tick(now))
            _ = Reducer.reduce(&t, .pollUnchanged(conference: nil, latency: 0.003, at: now))
            small.draw(DashboardView.render(t, cache: smallCache))
            unchanged.append(screen.drain())
        }
        for i in 0..<40 {
            settle()
            // One participant's mute flag changed.
            now = now.addingTimeInterval(1)
            people[(i * 7) % 30].muted.toggle()
            _ = Reducer.reduce(&t, .tick(now))
            _ = Reducer.reduce(&t, .polled(participants: people, conference: nil, latency: 0.003, at: now))
            small.draw(DashboardView.render(t, cache: smallCache))
            oneMute.append(screen.drain())
        }
        small.teardown()
        BenchOutput.emit([
            "bench": "bytes", "participants": participants, "screen": "160x50",
            "unchanged_median_bytes": Int(Stats.percentile(unchanged.map(Double.init), 0.5)),
            "unchanged_max_bytes": unchanged.max() ?? 0,
            "one_mute_median_bytes": Int(Stats.percentile(oneMute.map(Double.init), 0.5)),
            "one_mute_max_bytes": oneMute.max() ?? 0,
        ], json: json)
    }
}
