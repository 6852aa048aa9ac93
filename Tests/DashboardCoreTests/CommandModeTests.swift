import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// The `:` command line, and read-only mode.
@Suite("Command mode")
struct CommandModeTests {
    typealias F = Fixtures

    /// Opens `:` and types `line` (without pressing Enter).
    static func typed(_ line: String, _ state: inout DashboardState) {
        _ = F.keys(&state, ":")
        _ = F.type(&state, line)
    }

    static func prompt(_ state: DashboardState) -> CommandLine? {
        state.box as? CommandLine
    }

    @Test func tabCompletesCommandsThenLabels() {
        var state = F.watching()
        Self.typed("unm", &state)
        _ = F.keys(&state, "tab")
        #expect(Self.prompt(state)?.field.text == "unmute", "completed as far as both matches agree")
        #expect(Self.prompt(state)?.candidates == ["unmute", "unmute-all"], "two commands start so: both are offered")
        _ = F.type(&state, " al")
        _ = F.keys(&state, "tab")
        #expect(Self.prompt(state)?.field.text == "unmute alice")
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, .mute(callSid: F.sid(2), false))])
        #expect(state.box == nil)
    }

    @Test func ambiguousLabelsListTheCandidatesOnScreen() {
        var state = F.watching(F.meeting + [F.participant(7, label: "alina")])
        Self.typed("mute a", &state)
        _ = F.keys(&state, "tab")
        #expect(Self.prompt(state)?.field.text == "mute ali")
        #expect(Self.prompt(state)?.candidates == ["alice", "alina"])
        #expect(F.screen(state).contains("alice  alina"))
        #expect(F.keys(&state, "enter").isEmpty)
        #expect(Self.prompt(state)?.error == "'ali' matches alice, alina — type more")
    }

    @Test(arguments: [
        ("mute bruno", ConferenceAction.mute(callSid: Fixtures.sid(3), true)),
        ("unmute alice", .mute(callSid: Fixtures.sid(2), false)),
        ("hold dara", .hold(callSid: Fixtures.sid(6), true, url: nil, method: nil)),
        ("resume CA…000004", .hold(callSid: Fixtures.sid(4), false, url: nil, method: nil)),
        ("mute 000004", .mute(callSid: Fixtures.sid(4), true)),
        ("announce https://example.com/a.xml", .announce(callSid: nil, url: "https://example.com/a.xml")),
    ])
    func participantCommandsSendTheirAction(line: String, action: ConferenceAction) {
        var state = F.watching()
        Self.typed(line.replacingOccurrences(of: "CA…", with: ""), &state)
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, action)])
    }

    @Test func dialUsesTheConfiguredCallerIDAndValidates() {
        var state = F.watching()
        Self.typed("dial +15558675310 carol", &state)
        #expect(F.keys(&state, "enter").isEmpty)
        #expect(Self.prompt(state)?.error?.contains("[dial] from") == true)
        state.defaults.dialFrom = "+15017122661"
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, .dial(CreateParticipant(to: "+15558675310", from: "+15017122661", label: "carol")))])
        Self.typed("dial 5558675310", &state)
        #expect(F.keys(&state, "enter").isEmpty)
        #expect(Self.prompt(state)?.error?.hasPrefix("To:") == true, "\(Self.prompt(state)?.error ?? "")")
    }

    @Test func bulkCommandsMatchTheirKeysAndAskFirst() {
        var state = F.watching()
        Self.typed("mute-all", &state)
        #expect(F.keys(&state, "enter").isEmpty && state.box is ConfirmLine)
        #expect(BulkTests.targets(F.keys(&state, "y")) == [3, 5, 4, 6].map(F.sid))
        var other = F.watching()
        _ = F.keys(&other, "j", "j")  // bruno
        Self.typed("mute-all-except", &other)
        _ = F.keys(&other, "enter")
        let kept = BulkTests.targets(F.keys(&other, "y"))
        #expect(!kept.contains(F.sid(3)) && kept.count == 3, "everyone unmuted but bruno and the moderator; alice already muted")
        var third = F.watching()
        Self.typed("unmute-all", &third)
        _ = F.keys(&third, "enter")
        #expect(F.sent(F.keys(&third, "y")) == [F.Sent(1, .mute(callSid: F.sid(2), false))])
    }

    @Test func kickAsksForConfirmationLikeTheKey() {
        var state = F.watching()
        Self.typed("kick bruno", &state)
        #expect(F.keys(&state, "enter").isEmpty)
        #expect((state.box as? KickConfirm)?.callSid == F.sid(3))
    }

    @Test func confLooksTheConferenceUpAndQQuits() {
        var state = F.watching()
        Self.typed("conf incident-bridge", &state)
        #expect(F.keys(&state, "enter") == [.findConference("incident-bridge")])
        F.send(&state, .conferenceNotFound("no conference in progress is called 'incident-bridge'"))
        #expect(state.events.entries.last?.text == "no conference in progress is called 'incident-bridge'")
        Self.typed("q", &state)
        #expect(F.keys(&state, "enter") == [.stopPolling, .quit])
    }

    @Test(arguments: [
        ("frobnicate", "unknown command :frobnicate"),
        ("mute", ":mute needs a participant"),
        ("mute zed", "nobody called 'zed' is here"),
        ("announce notice.mp3", ":announce needs a URL"),
        ("conf", ":conf needs a friendly name"),
    ])
    func mistakesStayInThePromptWithTheReason(line: String, reason: String) {
        var state = F.watching()
        Self.typed(line, &state)
        #expect(F.keys(&state, "enter").isEmpty)
        #expect(Self.prompt(state)?.error?.hasPrefix(reason) == true, "\(Self.prompt(state)?.error ?? "closed")")
        #expect(F.screen(state).contains(reason))
        _ = F.keys(&state, "esc")
        #expect(state.box == nil)
    }
}

@Suite("Read-only mode")
struct ReadOnlyTests {
    typealias F = Fixtures

    static func readOnly() -> DashboardState {
        var state = F.watching(width: 160, height: 50)
        state.settings.readOnly = true
        state.settings.keyTable = state.settings.keyTable.readOnly
        return state
    }

    @Test func noWriteCommandIsShownInHelpOrInTheFooter() {
        var state = Self.readOnly()
        let writes = Command.allCases.filter(\.servesWrites)
        #expect(!writes.isEmpty)
        #expect(state.settings.keyTable.helpEntries.allSatisfy { !$0.command.servesWrites })
        #expect(state.settings.keyTable.footerEntries.allSatisfy { !$0.command.servesWrites })
        #expect(F.screen(state).contains("READ-ONLY"))
        _ = F.keys(&state, "?")
        let help = F.screen(state)
        #expect(help.contains("Help — keymap default, read-only"))
        for command in writes { #expect(!help.contains(command.summary), "\(command) is in the help") }
        #expect(help.contains("details of the selected participant"))
    }

    @Test func theWriteKeysSayReadOnlyInTheFooterAndSendNothing() {
        var state = Self.readOnly()
        for key in ["m", "h", "H", "x", "d", "M", "E", "U", "w", "W", "L", "B", "a", "A", "X", "R", "u", "space", "*"] {
            #expect(F.keys(&state, key).isEmpty, "\(key)")
            #expect(state.box == nil, "\(key) opened \(String(describing: state.box))")
            let command = state.settings.keyTable.command(for: KeyChord(parsing: key)!)!
            #expect(state.events.note?.text == "read-only: \(command.footerWord) is not available (started with --read-only)")
            #expect(String(F.screen(state).split(separator: "\n").last!).hasPrefix("read-only: \(command.footerWord) is not available"))
        }
        #expect(state.actions.pending.isEmpty && state.table.marked.isEmpty)
        F.send(&state, .tick(F.start.addingTimeInterval(10)))
        #expect(state.events.note == nil, "the note goes after a few seconds")
    }

    @Test func tabOffersNoWritingCommandInReadOnlyMode() {
        var state = Self.readOnly()
        _ = F.keys(&state, ":")
        _ = F.type(&state, "u")
        _ = F.keys(&state, "tab")
        #expect(CommandModeTests.prompt(state)?.field.text == "u", "undo, unmute and unmute-all write: nothing to complete")
        var writable = F.watching()
        _ = F.keys(&writable, ":")
        _ = F.type(&writable, "u")
        _ = F.keys(&writable, "tab")
        #expect(CommandModeTests.prompt(writable)?.candidates == ["undo", "unmute", "unmute-all"])
    }

    @Test func writeCommandsAreRefusedOnTheCommandLineButViewingWorks() {
        var state = Self.readOnly()
        _ = F.keys(&state, ":")
        _ = F.type(&state, "mute alice")
        #expect(F.keys(&state, "enter").isEmpty)
        #expect(CommandModeTests.prompt(state)?.error == "read-only: :mute is not available")
        _ = F.keys(&state, "esc", ":")
        _ = F.type(&state, "conf incident-bridge")
        #expect(F.keys(&state, "enter") == [.findConference("incident-bridge")])
    }

    @Test func aWriteCommandReachedAnotherWayIsRefusedWhereCommandsRun() {
        var state = Self.readOnly()
        for command in Command.allCases where command.servesWrites {
            #expect(Reducer.run(command, &state).isEmpty, "\(command)")
            #expect(state.events.note?.text.hasPrefix("read-only: \(command.footerWord)") == true)
            #expect(state.box == nil)
        }
    }
}
