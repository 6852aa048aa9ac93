import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// The view drawn into an in-memory grid and compared with Golden/*.txt (text, then one role letter per cell).
/// `UPDATE_GOLDEN=1 swift test --filter GoldenRenderTests` rewrites them after a deliberate change.
@Suite("Rendering compared with golden files")
struct GoldenRenderTests {
    typealias F = Fixtures

    static func compare(_ canvas: Canvas, _ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try canvas.golden.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != canvas.golden {
            let got = canvas.golden.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("\(name) differs at line \(line + 1):\n got: \(line < got.count ? got[line] : "")\nwant: \(line < want.count ? want[line] : "")")
        }
    }

    /// A busy moment: a join, a change, a departure, a pending and a failed action, a coach.
    static func lively(width: Int, height: Int) -> DashboardState {
        var state = F.watching(width: width, height: height)
        var next = F.meeting
        next[1].muted = false
        next[5].status = .connected
        next.remove(at: 2)
        next.append(F.participant(7, label: "emeka", joinedMinutesAgo: 0))
        F.send(&state, .polled(participants: next, conference: nil, latency: 0.031, at: F.start.addingTimeInterval(2)))
        _ = F.keys(&state, "j", "m", "j", "j", "h")
        F.send(&state, .actionFinished(id: 2, .failed("21220 not connected"), at: F.start.addingTimeInterval(2.5)))
        F.send(&state, .tick(F.start.addingTimeInterval(3)))
        return state
    }

    @Test func dashboard80x24() throws { try Self.compare(DashboardView.render(Self.lively(width: 80, height: 24)), "dashboard-80x24") }
    @Test func dashboard160x50() throws { try Self.compare(DashboardView.render(Self.lively(width: 160, height: 50)), "dashboard-160x50") }

    @Test func narrowDropsTheLeastImportantColumns() throws {
        try Self.compare(DashboardView.render(Self.lively(width: 52, height: 16)), "narrow-52x16")
    }

    @Test func tooSmallSaysSo() throws {
        try Self.compare(DashboardView.render(F.watching(width: 40, height: 10)), "too-small-40x10")
    }

    @Test func stale80x24() throws {
        var state = F.watching()
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "connection refused by 127.0.0.1:8089", retryAt: F.start.addingTimeInterval(9)), at: F.start.addingTimeInterval(5)),
               .pollFailed(PollFailure(kind: .other, message: "connection refused by 127.0.0.1:8089", retryAt: F.start.addingTimeInterval(9)), at: F.start.addingTimeInterval(6)),
               .tick(F.start.addingTimeInterval(7)))
        try Self.compare(DashboardView.render(state), "stale-80x24")
    }

    /// Too short for the event log: the STALE reason takes the header's second line instead.
    @Test func staleShort60x13() throws {
        var state = F.watching(width: 60, height: 13)
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "connection refused by 127.0.0.1:8089", retryAt: F.start.addingTimeInterval(9)), at: F.start.addingTimeInterval(5)),
               .tick(F.start.addingTimeInterval(6)))
        try Self.compare(DashboardView.render(state), "stale-short-60x13")
    }

    /// Under a list filter the header counts what the server matched, and says so; a short line keeps the counts.
    @Test func headerCountsUnderAListFilter() throws {
        var state = F.watching()
        _ = F.keys(&state, "f")
        F.send(&state, .polled(participants: [F.meeting[1]], conference: nil, latency: 0.02, at: F.start.addingTimeInterval(1)))
        let header = F.screen(state).split(separator: "\n")[1]
        #expect(header.hasPrefix(" 1 shown (muted) · 1 muted · 0 held · 0 coaching"))
        #expect(header.hasSuffix(" filter: muted "), "at 80 columns the sort gives way")
        _ = F.send(&state, .resized(width: 100, height: 24))
        #expect(F.screen(state).split(separator: "\n")[1].hasSuffix("filter: muted · sort: joined ↑ "))
        _ = F.send(&state, .resized(width: 56, height: 24))
        let narrow = F.screen(state).split(separator: "\n")[1]
        #expect(narrow.hasPrefix(" 1 shown (muted) · 1 muted · 0 held · 0 coaching"), "the counts stay whole")
        #expect(!narrow.contains("sort"), "the filter and sort give way first")
    }

    /// The help's scroll hint names the keys of the keymap in use.
    @Test(arguments: [("default", "↓ more: ↓, j, PgDn", "↑ back: ↑, k, PgUp"), ("emacs", "↓ more: ↓, ^N, PgDn, ^V", "↑ back: ↑, ^P, PgUp, M-v")])
    func theHelpScrollHintFollowsTheKeymap(name: String, down: String, up: String) {
        var state = DashboardState(keyTable: BuiltInKeymaps.table(named: name)!, keymapName: name, now: F.start)
        _ = Reducer.reduce(&state, .resized(width: 80, height: 24))
        _ = F.keys(&state, "?")
        #expect(F.screen(state).contains(down))
        #expect(!F.screen(state).contains(name == "emacs" ? " j," : "^N"))
        for key in state.settings.keyTable.keys(for: Command.bottom) { _ = Reducer.reduce(&state, .key(key)) }
        #expect(F.screen(state).contains(up))
    }

    /// At every size every column on screen has its whole heading; which rows show goes on the
    /// events line (or, with no events pane, the header's second line), never over a heading.
    @Test func everyColumnShownHasItsHeadingAtEverySize() {
        let many = (1...60).map { F.participant($0, label: "p\($0)", coaching: $0 == 7 ? F.sid(3) : nil, joinedMinutesAgo: Double(70 - $0)) }
        let titles = ["PARTICIPANT", "NUMBER", "STATUS", "MUTED", "HOLD", "COACHING", "IN", "CONF", "SE", "LAST", "CHANGE"]
        for width in stride(from: 50, through: 250, by: 5) {
            for height in [12, 14, 16, 20, 24, 35, 50, 80] {
                var state = F.watching(many, width: width, height: height)
                _ = F.keys(&state, "pgdn")
                let screen = F.screen(state).split(separator: "\n", omittingEmptySubsequences: false)
                let heading = screen[2]
                let words = heading.split(separator: " ").map(String.init)
                #expect(words.allSatisfy(titles.contains), "\(width)×\(height): \(heading)")
                let columns = TableColumn.fit(width: width, coaching: true)
                #expect(words.filter { !["IN", "CHANGE"].contains($0) }.count == columns.count - 1, "\(width)×\(height): \(heading)")
                // Which rows show: on the events line (on a screen without one, on the header's second line when it has room).
                if let row = state.layout.logTitleRow, state.layout.tableRows < 60 {
                    #expect(screen[row].hasSuffix("– \(state.layout.tableRows) of 60 ─") || screen[row].contains(" of 60 ─"), "\(width)×\(height): \(screen[row])")
                }
            }
        }
    }

    /// On a screen too short for the whole form the fields scroll with the focus, inside the box.
    @Test func dialFormOnAShortScreen() throws {
        var state = F.watching(width: 50, height: 12)
        _ = F.keys(&state, "d")
        _ = F.type(&state, "5558")
        for _ in 0..<6 { _ = F.keys(&state, "tab") }
        try Self.compare(DashboardView.render(state), "dial-short-50x12")
        for _ in 0..<4 { _ = F.keys(&state, "tab") }
        let screen = F.screen(state)
        #expect(screen.contains("▸ WaitUrl"), "\(screen)")
        #expect(screen.split(separator: "\n").last?.hasPrefix("m mute") == true, "the footer is not drawn over")
    }

    /// Details on a short screen scroll like the help does, down to the last field.
    @Test func detailsScrollOnAShortScreen() {
        var state = F.watching(width: 60, height: 15)
        _ = F.keys(&state, "enter")
        var screen = F.screen(state)
        #expect(screen.contains("label") && !screen.contains("uri") && screen.contains("↓ more: ↓, j, PgDn"), "\(screen)")
        _ = F.keys(&state, "G")
        screen = F.screen(state)
        #expect(screen.contains("uri") && screen.contains(".json") && !screen.contains("label ") && screen.contains("↑ back"), "\(screen)")
        _ = F.keys(&state, "k")
        #expect(!F.screen(state).contains("label ") && F.screen(state).contains("uri"))
        _ = F.keys(&state, "g")
        #expect(F.screen(state).contains("label "))
        _ = F.keys(&state, "esc")
        #expect(state.box == nil)
    }

    /// A long message in the event log wraps under itself instead of being cut.
    @Test func longLogMessagesWrap() {
        var state = F.watching()
        let message = "you: mute moderator ✗ 20404 The requested resource /2010-04-01/Accounts/ACc0ffee00000000000000000000000000/Conferences/CF0123/Participants/CA01.json was not found"
        state.events.append(.failed, message, at: F.start)
        let log = F.screen(state).split(separator: "\n").suffix(5).dropLast()
        let text = log.map { $0.dropFirst(10).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.hasSuffix("was not found"), "\(log.joined(separator: "\n"))")
        #expect(text.replacingOccurrences(of: " ", with: "").contains("/2010-04-01/Accounts/ACc0ffee00000000000000000000000000/Conferences/CF0123/Participants/CA01.json"))
    }

    /// A prompt's error wraps inside its box: the fix at its end is never cut off.
    @Test func promptErrorsWrapWhole() {
        var state = F.watching()
        _ = F.keys(&state, "H")
        _ = F.keys(&state, "ctrl-u")
        _ = F.type(&state, "notaurl-" + String(repeating: "x", count: 30))
        _ = F.keys(&state, "enter")
        let screen = F.screen(state)
        #expect(screen.contains("is not a fully qualified") && screen.contains("https://example.com/hold.xml"), "\(screen)")
    }

    @Test func help80x24() throws {
        var state = F.watching()
        _ = F.keys(&state, "?")
        try Self.compare(DashboardView.render(state), "help-80x24")
    }

    @Test func help160x50() throws {
        var state = F.watching(width: 160, height: 50)
        _ = F.keys(&state, "?")
        try Self.compare(DashboardView.render(state), "help-160x50")
    }

    @Test func dialForm80x24() throws {
        var state = F.watching()
        state.defaults.dialFrom = "+15017122661"
        _ = F.keys(&state, "d")
        for c in "5558675310" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "enter")
        try Self.compare(DashboardView.render(state), "dial-80x24")
    }

    @Test func dialRefused160x50() throws {
        var state = F.watching(width: 160, height: 50)
        _ = F.keys(&state, "d")
        for c in "+15005550002" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "tab")
        for c in "+15017122661" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "enter")
        F.send(&state, .actionFinished(id: 1, .failed("21214 'To' phone number +15005550002 cannot be reached"), at: F.start.addingTimeInterval(1)))
        try Self.compare(DashboardView.render(state), "dial-refused-160x50")
    }

    @Test func kickConfirmation80x24() throws {
        var state = F.watching()
        _ = F.keys(&state, "j", "x")
        try Self.compare(DashboardView.render(state), "kick-80x24")
    }

    @Test func details160x50() throws {
        var state = F.watching(width: 160, height: 50)
        _ = F.keys(&state, "j", "j", "j", "j", "enter")
        try Self.compare(DashboardView.render(state), "details-160x50")
    }

    @Test func picker80x24() throws {
        var state = F.watching()
        _ = F.keys(&state, "c")
        var other = F.conference
        other.sid = "CFfedcba9876543210fedcba9876543210"
        other.friendlyName = "incident-bridge"
        F.send(&state, .conferencesLoaded([
            ConferenceSummary(conference: F.conference, participants: 6, muted: 1, held: 1),
            ConferenceSummary(conference: other, participants: 12, muted: 4, held: 0),
        ]))
        _ = F.keys(&state, "j")
        try Self.compare(DashboardView.render(state), "picker-80x24")
    }

    @Test func hostileLabelsNeverBreakTheLayout() throws {
        let hostile = [
            F.participant(1, label: "\u{1B}[2J\u{1B}]0;pwned\u{07}evil"),
            F.participant(2, label: "会議の参加者・とても長い名前の人です"),
            F.participant(3, label: "emoji 👩‍💻🎧🔥 person"),
            F.participant(4, label: "bidi \u{202E}txt.exe\u{202C} trick"),
            F.participant(5, label: String(repeating: "W", count: 300)),
        ]
        let state = F.watching(hostile)
        let canvas = DashboardView.render(state)
        for row in 0..<canvas.height {
            let text = canvas.text(row: row)
            #expect(DisplayWidth.of(text) == canvas.width, "row \(row) is \(DisplayWidth.of(text)) cells")
            #expect(!text.unicodeScalars.contains { SafeText.isUnsafe($0) })
        }
        try Self.compare(canvas, "hostile-80x24")
    }
}

@Suite("The row cache draws what a fresh render draws")
struct RowCacheTests {
    typealias F = Fixtures

    @Test func framesWithTheCacheEqualFramesWithout() {
        var state = GoldenRenderTests.lively(width: 120, height: 30)
        let cache = FrameCache()
        var people = F.meeting
        for step in 0..<40 {
            #expect(DashboardView.render(state, cache: cache) == DashboardView.render(state), "step \(step)")
            people[step % people.count].muted.toggle()
            if step % 7 == 0 { people[step % people.count].label = "renamed-\(step)" }
            let at = F.start.addingTimeInterval(Double(10 + step * 13))
            _ = Reducer.reduce(&state, .polled(participants: people, conference: nil, latency: 0.01, at: at))
            _ = Reducer.reduce(&state, .key(step % 3 == 0 ? .down : .up))
            _ = Reducer.reduce(&state, .tick(at.addingTimeInterval(5)))
        }
        _ = DashboardView.render(state, cache: cache)
        let misses = cache.rows.misses
        _ = DashboardView.render(state, cache: cache)
        #expect(cache.rows.misses == misses, "an unchanged frame lays out no row")
    }

    /// Rows scrolled out of view are forgotten after a while; scrolling back draws them right again.
    @Test func rowsForgottenAndDrawnAgainStayRight() {
        let many = (1...60).map { F.participant($0, label: "person-\($0)", muted: $0 % 2 == 0, joinedMinutesAgo: Double(70 - $0)) }
        var state = F.watching(many, width: 100, height: 24)
        let cache = FrameCache()
        for step in 0..<300 {
            // Down to the bottom and back up, again and again: rows leave the view for dozens of frames.
            _ = Reducer.reduce(&state, .key((step / 60) % 2 == 0 ? .down : .up))
            #expect(DashboardView.render(state, cache: cache) == DashboardView.render(state), "step \(step)")
        }
        #expect(cache.rows.hits > cache.rows.misses, "the cache does its work")
    }

    /// Ticks and quiet polls redraw only what time moves; what they draw is what a fresh render draws,
    /// through ages rolling over, a change, a failure and its recovery, an expiring note and a key.
    @Test func framesThatOnlyTimeMovesEqualFreshFrames() {
        var state = GoldenRenderTests.lively(width: 120, height: 30)
        let cache = FrameCache()
        var at = F.start.addingTimeInterval(20)
        _ = DashboardView.render(state, cache: cache)
        for step in 0..<400 {
            at = at.addingTimeInterval(step % 9 == 0 ? 0.25 : 1.0)
            switch step % 50 {
            case 17: _ = Reducer.reduce(&state, .pollFailed(PollFailure(kind: .other, message: "HTTP 500", retryAt: at.addingTimeInterval(2)), at: at))
            case 23: _ = Reducer.reduce(&state, .key(.down))
            case 31: _ = Reducer.reduce(&state, .exported(path: "/tmp/t.jsonl", count: 3))
            case 41:
                var people = state.table.live.sorted { $0.callSid < $1.callSid }
                people[step % people.count].muted.toggle()
                _ = Reducer.reduce(&state, .polled(participants: people, conference: nil, latency: 0.002, at: at))
            default: _ = Reducer.reduce(&state, .pollUnchanged(conference: nil, latency: Double(step % 5) / 1000, at: at))
            }
            _ = Reducer.reduce(&state, .tick(at.addingTimeInterval(0.5)))
            #expect(DashboardView.render(state, cache: cache) == DashboardView.render(state), "step \(step)")
        }
        #expect(cache.timeOnly > cache.whole, "most frames only redraw what time moves")
    }
}
