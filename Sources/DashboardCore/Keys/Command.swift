/// Everything a key can do on the dashboard. The raw value is the name used in keymap files.
public enum Command: String, CaseIterable, Sendable, Hashable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top
    case bottom
    case toggleMute = "toggle-mute"
    case toggleHold = "toggle-hold"
    case holdWithMusic = "hold-with-music"
    case kick
    case dial
    case cycleFilter = "cycle-filter"
    case cycleFilterBack = "cycle-filter-back"
    case textFilter = "text-filter"
    case clearFilters = "clear-filters"
    case cycleSort = "cycle-sort"
    case cycleSortBack = "cycle-sort-back"
    case invertSort = "invert-sort"
    case details
    case refresh
    case chooseConference = "choose-conference"
    case toggleMark = "toggle-mark"
    case markAll = "mark-all"
    case muteAll = "mute-all"
    case muteAllExcept = "mute-all-except"
    case unmuteAll = "unmute-all"
    case coach
    case toggleCoaching = "toggle-coaching"
    case listen
    case barge
    case announce
    case announceAll = "announce-all"
    case endConference = "end-conference"
    case toggleRecording = "toggle-recording"
    case undo
    case commandMode = "command-mode"
    case auditLog = "audit-log"
    case timeline
    case help
    case quit

    /// What the help overlay says it does.
    public var summary: String {
        switch self {
        case .moveDown: "move down"
        case .moveUp: "move up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .top: "first participant"
        case .bottom: "last participant"
        case .toggleMute: "mute / unmute"
        case .toggleHold: "hold / resume"
        case .holdWithMusic: "hold with music…"
        case .kick: "kick (asks y/N)"
        case .dial: "dial out…"
        case .cycleFilter: "next list filter (sent to the server)"
        case .cycleFilterBack: "previous list filter"
        case .textFilter: "search: name, label, number or SID"
        case .clearFilters: "clear the search, then the list filter"
        case .cycleSort: "next sort"
        case .cycleSortBack: "previous sort"
        case .invertSort: "turn the sort around"
        case .details: "details of the selected participant"
        case .refresh: "refresh now"
        case .chooseConference: "conferences overview"
        case .toggleMark: "mark / unmark, and move down"
        case .markAll: "mark every shown row (again: clear the marks)"
        case .muteAll: "mute everyone (or the marked)"
        case .muteAllExcept: "mute everyone except the selected"
        case .unmuteAll: "unmute everyone (or the marked)"
        case .coach: "dial yourself in to coach the selected (whisper)"
        case .toggleCoaching: "switch the selected into or out of coaching"
        case .listen: "dial yourself in muted (listen)"
        case .barge: "unmute yourself (barge in)"
        case .announce: "play an announcement to the selected…"
        case .announceAll: "play an announcement to everyone…"
        case .endConference: "end the conference for everyone…"
        case .toggleRecording: "pause / resume the recording"
        case .undo: "undo your last mute, hold or coaching change"
        case .commandMode: "command line (:mute alice, :dial +1…)"
        case .auditLog: "your actions (audit trail)"
        case .timeline: "the meeting's history (timeline)"
        case .help: "help"
        case .quit: "quit"
        }
    }

    /// Short word for the footer.
    public var footerWord: String {
        switch self {
        case .toggleMute: "mute"
        case .toggleHold: "hold"
        case .holdWithMusic: "music"
        case .kick: "kick"
        case .dial: "dial"
        case .cycleFilter: "filter"
        case .textFilter: "search"
        case .cycleSort: "sort"
        case .details: "details"
        case .refresh: "refresh"
        case .chooseConference: "conf"
        case .help: "help"
        case .quit: "quit"
        case .toggleMark: "mark"
        case .commandMode: "command"
        case .undo: "undo"
        case .timeline: "history"
        default: summary
        }
    }

    /// Changes something on Twilio's side (hidden in read-only mode).
    public var writes: Bool {
        switch self {
        case .toggleMute, .toggleHold, .holdWithMusic, .kick, .dial, .muteAll, .muteAllExcept, .unmuteAll, .coach,
             .toggleCoaching, .listen, .barge, .announce, .announceAll, .endConference, .toggleRecording, .undo:
            true
        default:
            false
        }
    }

    /// Changes the call, or only serves commands that do (marking): none of them in read-only mode.
    public var servesWrites: Bool { writes || self == .toggleMark || self == .markAll }

    /// Hard to undo: marked in the help, and asks for confirmation.
    public var dangerous: Bool { self == .kick || self == .endConference }

    /// Footer order: the most useful first; nil = help only.
    public var footerRank: Int? {
        switch self {
        case .toggleMute: 0
        case .toggleHold: 1
        case .kick: 2
        case .dial: 3
        case .details: 4
        case .cycleFilter: 5
        case .textFilter: 6
        case .chooseConference: 7
        case .commandMode: 8
        case .help: 9
        case .quit: 10
        case .toggleMark: 11
        case .holdWithMusic: 12
        case .cycleSort: 13
        case .refresh: 14
        case .undo: 15
        case .timeline: 16
        default: nil
        }
    }

    /// The order the help lists commands in.
    public var helpGroup: String {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: "Move"
        case .toggleMute, .toggleHold, .holdWithMusic, .kick, .dial, .announce, .announceAll, .endConference, .toggleRecording, .undo: "Moderate"
        case .toggleMark, .markAll, .muteAll, .muteAllExcept, .unmuteAll: "Bulk"
        case .coach, .toggleCoaching, .listen, .barge: "Supervise"
        case .cycleFilter, .cycleFilterBack, .textFilter, .clearFilters, .cycleSort, .cycleSortBack, .invertSort, .details, .refresh,
             .chooseConference, .auditLog, .timeline: "View"
        case .commandMode, .help, .quit: "General"
        }
    }
}
