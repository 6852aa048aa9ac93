import Foundation
import TwilioConferences

/// The `:` command line: `:mute LABEL`, `:unmute LABEL`, `:hold LABEL`, `:resume LABEL`, `:kick LABEL`,
/// `:dial NUMBER [LABEL]`, `:mute-all`, `:mute-all-except [LABEL]`, `:unmute-all`, `:announce URL`,
/// `:conf NAME`, `:help`, `:q`. Tab completes command names and participant labels.
public enum CommandMode {
    public static let commands = ["mute", "unmute", "hold", "resume", "kick", "dial", "mute-all", "mute-all-except", "unmute-all", "announce", "conf", "help", "q"]
    static let participantCommands: Set<String> = ["mute", "unmute", "hold", "resume", "kick", "mute-all-except"]
    static let writing: Set<String> = ["mute", "unmute", "hold", "resume", "kick", "dial", "mute-all", "mute-all-except", "unmute-all", "announce"]

    /// Runs a command line; an error stays in the prompt, which then stays open.
    static func run(_ line: String, _ state: inout DashboardState) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return close(&state) }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if writing.contains(name) && state.readOnly { return fail("read-only: :\(name) is not available", &state) }
        switch name {
        case "q", "quit":
            state.quitting = true
            state.overlay = nil
            return [.stopPolling, .quit]
        case "help":
            state.overlay = .help(scroll: 0)
            return []
        case "mute", "unmute", "hold", "resume", "unhold", "kick":
            guard !argument.isEmpty else { return fail(":\(name) needs a participant: :\(name) LABEL (Tab completes)", &state) }
            switch participant(argument, state) {
            case .failure(let problem): return fail(problem, &state)
            case .success(let sid):
                let _ = close(&state)
                switch name {
                case "mute": return Reducer.perform(.mute(callSid: sid, true), &state)
                case "unmute": return Reducer.perform(.mute(callSid: sid, false), &state)
                case "hold": return Reducer.perform(.hold(callSid: sid, true, url: state.holdURL, method: state.holdURL == nil ? nil : state.holdMethod), &state)
                case "kick":
                    state.overlay = .kick(callSid: sid)
                    return []
                default: return Reducer.perform(.hold(callSid: sid, false, url: nil, method: nil), &state)
                }
            }
        case "mute-all":
            _ = close(&state)
            return Reducer.muteAll(except: nil, &state)
        case "unmute-all":
            _ = close(&state)
            return Reducer.unmuteAll(&state)
        case "mute-all-except":
            var keep = state.selectedRow?.callSid
            if !argument.isEmpty {
                switch participant(argument, state) {
                case .failure(let problem): return fail(problem, &state)
                case .success(let sid): keep = sid
                }
            }
            guard let keep else { return fail(":mute-all-except needs someone to keep: select them, or :mute-all-except LABEL", &state) }
            _ = close(&state)
            return Reducer.muteAll(except: keep, &state)
        case "dial":
            let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
            guard let to = words.first else { return fail(":dial needs a number: :dial +15558675310 [LABEL]", &state) }
            guard let from = state.dialFrom else { return fail("no caller ID: set [dial] from in config.toml, or use d for the form", &state) }
            let request = CreateParticipant(to: to, from: from, label: words.count > 1 ? words[1] : nil)
            if let problem = request.validate().first { return fail("\(problem.field): \(problem.problem); \(problem.fix)", &state) }
            guard state.conferenceSid != nil else { return fail("choose a conference first (:conf NAME)", &state) }
            _ = close(&state)
            return Reducer.perform(.dial(request), &state)
        case "announce":
            guard let problem = AddressRules.checkURL(argument.isEmpty ? "" : argument, field: "AnnounceUrl") else {
                _ = close(&state)
                return Reducer.perform(.announce(callSid: nil, url: argument), &state)
            }
            return fail(":announce needs a URL: \(problem.problem); \(problem.fix)", &state)
        case "conf":
            guard !argument.isEmpty else { return fail(":conf needs a friendly name or CF… SID", &state) }
            _ = close(&state)
            return [.findConference(argument)]
        default:
            return fail("unknown command :\(name); commands: \(commands.joined(separator: ", "))", &state)
        }
    }

    /// Completes the word being typed: a command name, or a participant's label.
    static func complete(_ line: String, _ state: DashboardState) -> (line: String, candidates: [String]) {
        if !line.contains(" ") {
            let matches = commands.filter { $0.hasPrefix(line) }
            return extend(line, prefix: "", word: line, matches, addSpace: true)
        }
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard participantCommands.contains(parts[0]) else { return (line, []) }
        let word = parts.count > 1 ? parts[1] : ""
        let labels = Reducer.liveIDs(state).compactMap { state.rows[$0]?.participant.label }.filter { !$0.isEmpty }
        let matches = labels.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        return extend(line, prefix: parts[0] + " ", word: word, matches, addSpace: false)
    }

    private static func extend(_ line: String, prefix: String, word: String, _ matches: [String], addSpace: Bool) -> (line: String, candidates: [String]) {
        guard let first = matches.first else { return (line, []) }
        if matches.count == 1 { return (prefix + first + (addSpace ? " " : ""), []) }
        var common = first
        for match in matches.dropFirst() {
            while !match.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return (common.count > word.count ? prefix + common : line, matches.sorted())
    }

    /// A participant by exact label, CallSid, or a label prefix that matches exactly one.
    static func participant(_ text: String, _ state: DashboardState) -> Result<String, ParticipantNotFound> {
        let live = Reducer.liveIDs(state)
        if live.contains(text) { return .success(text) }
        if let exact = live.first(where: { state.rows[$0]?.participant.label == text }) { return .success(exact) }
        let matches = live.filter { sid in
            (state.rows[sid]?.participant.label?.lowercased().hasPrefix(text.lowercased()) ?? false) || sid.lowercased().hasSuffix(text.lowercased())
        }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(ParticipantNotFound(message: "nobody called '\(text)' is here"))
        default: return .failure(ParticipantNotFound(message: "'\(text)' matches \(matches.prefix(4).map { state.name(of: $0) }.joined(separator: ", ")) — type more"))
        }
    }

    struct ParticipantNotFound: Error { var message: String }

    private static func fail(_ problem: String, _ state: inout DashboardState) -> [Effect] {
        if case .command(var prompt)? = state.overlay {
            prompt.error = problem
            state.overlay = .command(prompt)
        } else {
            state.events.append(.warning, problem, at: state.now)
        }
        return []
    }

    private static func fail(_ problem: ParticipantNotFound, _ state: inout DashboardState) -> [Effect] {
        fail(problem.message, &state)
    }

    private static func close(_ state: inout DashboardState) -> [Effect] {
        if case .command? = state.overlay { state.overlay = nil }
        return []
    }
}
