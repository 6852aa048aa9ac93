import Testing
import TwilioModels
@testable import DashboardCore

@Suite("Snapshot diff by CallSid")
struct SnapshotDiffTests {
    typealias F = Fixtures
    static let base = [F.participant(1, label: "a"), F.participant(2, label: "b", muted: true), F.participant(3, label: "c")]

    static func with(_ n: Int, _ change: (inout Participant) -> Void) -> [Participant] {
        var list = base
        change(&list[n])
        return list
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var new: [Participant]
        var joined: [String] = []
        var left: [String] = []
        var changed: [String: [ParticipantField]] = [:]
        var duplicates: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no change", new: base),
        Case(name: "reorder", new: base.reversed()),
        Case(name: "join", new: base + [F.participant(4, label: "d")], joined: [F.sid(4)]),
        Case(name: "leave", new: Array(base.dropLast()), left: [F.sid(3)]),
        Case(name: "join and leave", new: Array(base.dropFirst()) + [F.participant(9)], joined: [F.sid(9)], left: [F.sid(1)]),
        Case(name: "muted", new: with(0) { $0.muted = true }, changed: [F.sid(1): [.muted]]),
        Case(name: "unmuted", new: with(1) { $0.muted = false }, changed: [F.sid(2): [.muted]]),
        Case(name: "held", new: with(2) { $0.hold = true }, changed: [F.sid(3): [.hold]]),
        Case(name: "status", new: with(0) { $0.status = .complete }, changed: [F.sid(1): [.status]]),
        Case(name: "coaching", new: with(0) { $0.coaching = true; $0.callSidToCoach = F.sid(2) }, changed: [F.sid(1): [.coaching, .coachedCall]]),
        Case(name: "coach switches", new: with(0) { $0.coaching = false; $0.callSidToCoach = F.sid(3) }, changed: [F.sid(1): [.coachedCall]]),
        Case(name: "label", new: with(2) { $0.label = "renamed" }, changed: [F.sid(3): [.label]]),
        Case(name: "start on enter", new: with(2) { $0.startConferenceOnEnter = false }, changed: [F.sid(3): [.startConferenceOnEnter]]),
        Case(name: "end on exit", new: with(2) { $0.endConferenceOnExit = true }, changed: [F.sid(3): [.endConferenceOnExit]]),
        Case(name: "several fields", new: with(1) { $0.muted = false; $0.hold = true }, changed: [F.sid(2): [.muted, .hold]]),
        Case(name: "only date_updated", new: with(1) { $0.dateUpdated = F.start }),
        Case(name: "duplicate CallSid keeps the first", new: base + [F.participant(2, label: "impostor", muted: false)], duplicates: [F.sid(2)]),
        Case(name: "empty", new: [], left: base.map(\.callSid)),
    ]

    @Test(arguments: cases)
    func diff(_ c: Case) {
        let diff = SnapshotDiff.between(Self.base, c.new)
        #expect(diff.joined.map(\.callSid) == c.joined)
        #expect(diff.left.map(\.callSid) == c.left)
        #expect(Dictionary(uniqueKeysWithValues: diff.changed.map { ($0.participant.callSid, $0.changes.map(\.field)) }) == c.changed)
        #expect(diff.duplicates == c.duplicates)
        #expect(diff.isEmpty == (c.joined.isEmpty && c.left.isEmpty && c.changed.isEmpty))
    }

    @Test func changesCarryOldAndNewValues() {
        let diff = SnapshotDiff.between(Self.base, Self.with(0) { $0.status = .ringing })
        #expect(diff.changed.first?.changes == [FieldChange(field: .status, old: .status(.connected), new: .status(.ringing))])
    }

    @Test func aDuplicateInTheOldSnapshotIsNotReportedTwice() {
        let diff = SnapshotDiff.between(Self.base + [Self.base[0]], [])
        #expect(diff.left.map(\.callSid) == Self.base.map(\.callSid))
    }
}
