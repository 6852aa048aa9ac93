import Foundation
import TwilioConferences

/// The dial-out form: To, From, Label, Muted, Beep, StartConferenceOnEnter, EndConferenceOnExit,
/// Timeout, Record, EarlyMedia, WaitUrl. Checked before sending; Twilio's refusal is shown in it.
public struct DialForm: Sendable, Hashable {
    public enum Field: String, CaseIterable, Sendable, Hashable {
        case to = "To"
        case from = "From"
        case label = "Label"
        case muted = "Muted"
        case beep = "Beep"
        case startConferenceOnEnter = "StartConferenceOnEnter"
        case endConferenceOnExit = "EndConferenceOnExit"
        case timeout = "Timeout"
        case record = "Record"
        case earlyMedia = "EarlyMedia"
        case waitUrl = "WaitUrl"

        public var isText: Bool { [.to, .from, .label, .timeout, .waitUrl].contains(self) }

        public var hint: String {
            switch self {
            case .to: "+E.164 number, client:NAME or sip:user@host"
            case .from: "your Twilio number or client:NAME"
            case .label: "optional name to address them by"
            case .timeout: "seconds to ring, 5–600 (default 60)"
            case .waitUrl: "music before the conference starts"
            case .beep: "Space cycles: default, true, false, onEnter, onExit"
            default: "Space cycles: default, yes, no"
            }
        }
    }

    public var text: [Field: TextField]
    public var toggles: [Field: Bool] = [:]
    public var beep: Beep?
    public var focus: Field = .to
    public var errors: [Field: String] = [:]
    /// Twilio's refusal of the last attempt (code and message).
    public var refusal: String?
    /// The last attempt got no clear answer: it may have rung. Enter then needs pressing twice.
    public var unknownOutcome: String?
    /// Set by the first Enter after an unknown outcome; the second one dials.
    public var dialAnyway = false
    /// The action id while a dial-out is in flight.
    public var pending: Int?

    public init(from: String?) {
        text = [.to: TextField(), .from: TextField(from ?? ""), .label: TextField(maxLength: 128), .timeout: TextField(maxLength: 3), .waitUrl: TextField()]
    }

    public func value(_ field: Field) -> String {
        if field.isText { return text[field]?.text ?? "" }
        if field == .beep { return beep?.rawValue ?? "default" }
        return toggles[field].map { $0 ? "yes" : "no" } ?? "default"
    }

    public mutating func moveFocus(by step: Int) {
        let all = Field.allCases
        focus = all[(all.firstIndex(of: focus)! + step + all.count) % all.count]
    }

    /// Cycles a toggle or the beep choice.
    public mutating func cycle(_ field: Field) {
        if field == .beep {
            let order: [Beep?] = [nil, .true, .false, .onEnter, .onExit]
            beep = order[(order.firstIndex(of: beep)! + 1) % order.count]
        } else if !field.isText {
            let order: [Bool?] = [nil, true, false]
            toggles[field] = order[(order.firstIndex(of: toggles[field])! + 1) % order.count] ?? nil
            if toggles[field] == nil { toggles.removeValue(forKey: field) }
        }
    }

    /// The request, or the problems per field (named as Twilio names them).
    public func request() -> (CreateParticipant?, [Field: String]) {
        var problems: [Field: String] = [:]
        let label = value(.label).isEmpty ? nil : value(.label)
        var p = CreateParticipant(to: value(.to).trimmingCharacters(in: .whitespaces), from: value(.from).trimmingCharacters(in: .whitespaces), label: label)
        if !value(.timeout).isEmpty {
            if let seconds = Int(value(.timeout)) { p.timeout = seconds } else { problems[.timeout] = "'\(value(.timeout))' is not a whole number; use 5 to 600" }
        }
        if !value(.waitUrl).isEmpty { p.waitUrl = value(.waitUrl) }
        p.muted = toggles[.muted]
        p.startConferenceOnEnter = toggles[.startConferenceOnEnter]
        p.endConferenceOnExit = toggles[.endConferenceOnExit]
        p.record = toggles[.record]
        p.earlyMedia = toggles[.earlyMedia]
        p.beep = beep
        for error in p.validate() {
            if let field = Field(rawValue: error.field), problems[field] == nil {
                problems[field] = "\(error.problem); \(error.fix)"
            }
        }
        return (problems.isEmpty ? p : nil, problems)
    }
}

/// "Hold with music…": the URL (offered from the config or --hold-url) and GET/POST.
public struct HoldPrompt: Sendable, Hashable {
    public var callSid: String
    public var url: TextField
    public var method: CallbackMethod
    public var error: String?

    public init(callSid: String, url: String?, method: CallbackMethod?) {
        self.callSid = callSid
        self.url = TextField(url ?? "")
        self.method = method ?? .GET
    }
}

/// A conference in the picker, with its participant counts.
public struct ConferenceSummary: Sendable, Hashable {
    public var conference: Conference
    public var participants: Int?
    public var muted: Int?
    public var held: Int?

    public init(conference: Conference, participants: Int? = nil, muted: Int? = nil, held: Int? = nil) {
        self.conference = conference
        self.participants = participants
        self.muted = muted
        self.held = held
    }
}

/// The conference picker (`c`, or at start without CONFERENCE).
public struct Picker: Sendable, Hashable {
    public var conferences: [ConferenceSummary] = []
    public var selection = 0
    public var loading = true
    public var error: String?
    /// When the counts were last loaded; the overview refreshes them while it is open.
    public var loadedAt: Date?

    public init() {}
}

/// "Coach whom?": the participants the selected one could coach.
public struct CoachChooser: Sendable, Hashable {
    public var coach: String
    public var options: [String]
    public var selection = 0

    public init(coach: String, options: [String]) {
        self.coach = coach
        self.options = options
    }
}

/// An announcement's URL, for one participant or (target nil) everyone.
public struct AnnouncePrompt: Sendable, Hashable {
    public var target: String?
    public var url: TextField
    public var error: String?

    public init(target: String?, url: String?) {
        self.target = target
        self.url = TextField(url ?? "")
    }
}

/// The `:` line: a command with completion of participant labels.
public struct CommandPrompt: Sendable, Hashable {
    public var field = TextField(maxLength: 300)
    public var error: String?
    /// What Tab offered last, when more than one thing matched.
    public var candidates: [String] = []

    public init() {}
}

/// The audit trail as the dashboard shows it.
public struct AuditView: Sendable, Hashable {
    public var records: [AuditRecord] = []
    public var loading = true
    public var error: String?
    public var scroll = 0

    public init() {}
}

/// What sits over the table, if anything. Each has its own keys; Esc closes it.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case details(callSid: String, scroll: Int = 0)
    case hold(HoldPrompt)
    case kick(callSid: String)
    case dial(DialForm)
    case picker(Picker)
    /// The `/` line: filters as you type; Enter keeps it, Esc restores the previous text.
    case search(TextField, previous: String)
    case coachWhom(CoachChooser)
    case announce(AnnouncePrompt)
    /// Ending the conference asks for its name, typed.
    case endConference(TextField, error: String?)
    /// One confirmation for kicking every marked participant.
    case bulkKick([String])
    case command(CommandPrompt)
    case audit(AuditView)
}

extension Overlay {
    /// Views that only scroll: the keymap's own keys (Alt ones too) move them.
    var onlyScrolls: Bool {
        switch self {
        case .help, .audit, .details: true
        default: false
        }
    }
}
