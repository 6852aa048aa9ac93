import Foundation
import TwilioModels

/// The dial-out form: To, From, Label, Muted, Beep, StartConferenceOnEnter, EndConferenceOnExit,
/// Timeout, Record, EarlyMedia, WaitUrl. Checked before sending; Twilio's refusal is shown in it.
public struct DialForm: Box, Hashable {
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

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) {
            if pending != nil { state.events.append(.info, "dial form closed; the dial-out already sent will still be reported here", at: state.now) }
            return .close
        }
        switch key {
        case .tab, .down: moveFocus(by: 1)
        case .backtab, .up: moveFocus(by: -1)
        case .enter: return .stay(dial(&state))
        default: edit(key)
        }
        return .stay
    }

    /// Enter: checks every field, then sends (after an unclear answer, only on the second Enter).
    mutating func dial(_ state: inout DashboardState) -> [Effect] {
        guard pending == nil else { return [] }
        let (request, problems) = request()
        errors = problems
        guard let request else {
            if let first = Field.allCases.first(where: { problems[$0] != nil }) { focus = first }
            return []
        }
        // After a dial-out with no clear answer the first Enter only asks: it may be ringing already.
        if unknownOutcome != nil, !dialAnyway {
            dialAnyway = true
            return []
        }
        refusal = nil
        unknownOutcome = nil
        dialAnyway = false
        let effects = Reducer.perform(.dial(request), &state)
        if case .perform(let sent)? = effects.first { pending = sent.id }
        return effects
    }

    /// Typing into a text field, or Space and the arrows cycling a choice.
    mutating func edit(_ key: KeyChord) {
        if focus.isText {
            var field = text[focus] ?? TextField()
            if field.handle(key) {
                text[focus] = field
                errors[focus] = nil
            }
        } else if key.name == "space" || key == .left || key == .right {
            cycle(focus)
            errors[focus] = nil
        }
    }

    /// Pasted text goes into the focused text field; a toggle takes none.
    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        guard focus.isText else { return false }
        var field = self.text[focus] ?? TextField()
        field.insert(pasted: text)
        self.text[focus] = field
        errors[focus] = nil
        return true
    }

    /// The answer to the dial-out in flight: done closes the form; a refusal or an unclear answer stays in it.
    public mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome {
        guard case .actionFinished(let id, let outcome, _) = message, id == pending else { return .stay }
        pending = nil
        dialAnyway = false
        switch outcome {
        case .done: return .close
        case .failed(let reason): (refusal, unknownOutcome) = (reason, nil)
        case .uncertain(let reason): (refusal, unknownOutcome) = (nil, reason)
        }
        return .stay
    }
}
