import Foundation
import TwilioModels

/// The commands of the `:` line: `:mute LABEL`, `:unmute LABEL`, `:hold LABEL`, `:resume LABEL`,
/// `:kick LABEL`, `:dial NUMBER [LABEL]`, `:mute-all`, `:mute-all-except [LABEL]`, `:unmute-all`,
/// `:announce URL`, `:record stop|pause|resume`, `:undo`, `:conf NAME`, `:log`, `:export PATH`, `:help`, `:q`.
/// Tab completes command names (only those that can run: no writing ones in read-only mode) and labels.
public enum CommandMode {
    /// A command of the line: its name, whether it changes the call, whether it names a participant.
    struct Entry {
        let name: String
        let writes: Bool
        let takesParticipant: Bool
    }

    static let entries: [Entry] = [
        Entry(name: "mute", writes: true, takesParticipant: true), Entry(name: "unmute", writes: true, takesParticipant: true),
        Entry(name: "hold", writes: true, takesParticipant: true), Entry(name: "resume", writes: true, takesParticipant: true),
        Entry(name: "kick", writes: true, takesParticipant: true), Entry(name: "dial", writes: true, takesParticipant: false),
        Entry(name: "mute-all", writes: true, takesParticipant: false), Entry(name: "mute-all-except", writes: true, takesParticipant: true),
        Entry(name: "unmute-all", writes: true, takesParticipant: false), Entry(name: "announce", writes: true, takesParticipant: false),
        Entry(name: "record", writes: true, takesParticipant: false), Entry(name: "undo", writes: true, takesParticipant: false),
        Entry(name: "conf", writes: false, takesParticipant: false), Entry(name: "log", writes: false, takesParticipant: false),
        Entry(name: "export", writes: false, takesParticipant: false), Entry(name: "help", writes: false, takesParticipant: false),
        Entry(name: "q", writes: false, takesParticipant: false),
    ]

    /// Other names a command answers to.
    static let aliases = ["quit": "q", "unhold": "resume"]

    public static var commands: [String] { entries.map(\.name) }

    /// Why a command line was refused; it stays on the line.
    struct Problem: Error { var message: String }

    /// Runs a command line: its effects, or the problem that keeps it on the line.
    static func run(_ line: String, _ state: inout DashboardState) -> Result<[Effect], Problem> {
        let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return .success([]) }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard let entry = entries.first(where: { $0.name == (aliases[name] ?? name) }) else { return .failure(Problem(message: "unknown command :\(name); commands: \(commands.joined(separator: ", "))")) }
        if entry.writes && state.settings.readOnly { return .failure(Problem(message: "read-only: :\(name) is not available")) }
        switch entry.name {
        case "q":
            return .success(Reducer.quit(&state))
        case "help":
            state.box = HelpBox()
            return .success([])
        case "log":
            state.box = TimelineBox()
            return .success([])
        case "undo":
            return .success(Reducer.undo(&state))
        case "record":
            return Reducer.record(argument, &state)
        case "export":
            guard !argument.isEmpty else { return .failure(Problem(message: ":export needs a file: :export ~/meeting.jsonl")) }
            return .success([.exportTimeline(path: argument, lines: TimelineExport.lines(state))])
        case "mute", "unmute", "hold", "resume", "kick":
            guard !argument.isEmpty else { return .failure(Problem(message: ":\(name) needs a participant: :\(name) LABEL (Tab completes)")) }
            return participant(argument, state).map { act(entry.name, on: $0, &state) }
        case "mute-all":
            return .success(Reducer.muteAll(except: nil, &state))
        case "unmute-all":
            return .success(Reducer.unmuteAll(&state))
        case "mute-all-except":
            let keep = argument.isEmpty ? .success(state.selectedRow?.callSid) : participant(argument, state).map(Optional.some)
            return keep.flatMap { keep in
                guard let keep else { return .failure(Problem(message: ":mute-all-except needs someone to keep: select them, or :mute-all-except LABEL")) }
                return .success(Reducer.muteAll(except: keep, &state))
            }
        case "dial":
            return dial(argument, &state)
        case "announce":
            if let problem = AddressRules.checkURL(argument, field: "AnnounceUrl") {
                return .failure(Problem(message: ":announce needs a URL: \(problem.problem); \(problem.fix)"))
            }
            return .success(Reducer.perform(.announce(callSid: nil, url: argument), &state))
        default:
            guard !argument.isEmpty else { return .failure(Problem(message: ":conf needs a friendly name or CF… SID")) }
            return .success([.findConference(argument)])
        }
    }

    /// `:mute`, `:unmute`, `:hold`, `:resume` or `:kick` on one participant (kick asks first).
    private static func act(_ name: String, on sid: String, _ state: inout DashboardState) -> [Effect] {
        let hold = state.defaults.holdURL
        switch name {
        case "mute": return Reducer.perform(.mute(callSid: sid, true), &state)
        case "unmute": return Reducer.perform(.mute(callSid: sid, false), &state)
        case "hold": return Reducer.perform(.hold(callSid: sid, true, url: hold, method: hold == nil ? nil : state.defaults.holdMethod), &state)
        case "kick":
            state.box = KickConfirm(callSid: sid)
            return []
        default: return Reducer.perform(.hold(callSid: sid, false, url: nil, method: nil), &state)
        }
    }

    private static func dial(_ argument: String, _ state: inout DashboardState) -> Result<[Effect], Problem> {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let to = words.first else { return .failure(Problem(message: ":dial needs a number: :dial +15558675310 [LABEL]")) }
        guard let from = state.defaults.dialFrom else { return .failure(Problem(message: "no caller ID: set [dial] from in config.toml, or use d for the form")) }
        let request = CreateParticipant(to: to, from: from, label: words.count > 1 ? words[1] : nil)
        if let problem = request.validate().first { return .failure(Problem(message: "\(problem.field): \(problem.problem); \(problem.fix)")) }
        guard state.conferenceSid != nil else { return .failure(Problem(message: "choose a conference first (:conf NAME)")) }
        return .success(Reducer.perform(.dial(request), &state))
    }

    /// Completes the word being typed: a command name, or a participant's label.
    static func complete(_ line: String, _ state: DashboardState) -> (line: String, candidates: [String]) {
        if !line.contains(" ") {
            let available = entries.filter { !($0.writes && state.settings.readOnly) }.map(\.name)
            return extend(line, prefix: "", word: line, available.filter { $0.hasPrefix(line) }, addSpace: true)
        }
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard entries.contains(where: { $0.name == parts[0] && $0.takesParticipant }) else { return (line, []) }
        let word = parts.count > 1 ? parts[1] : ""
        let labels = state.table.liveIDs.compactMap { state.table.rows[$0]?.participant.label }.filter { !$0.isEmpty }
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
    static func participant(_ text: String, _ state: DashboardState) -> Result<String, Problem> {
        let live = state.table.liveIDs
        if live.contains(text) { return .success(text) }
        if let exact = live.first(where: { state.table.rows[$0]?.participant.label == text }) { return .success(exact) }
        let matches = live.filter { sid in
            (state.table.rows[sid]?.participant.label?.lowercased().hasPrefix(text.lowercased()) ?? false) || sid.lowercased().hasSuffix(text.lowercased())
        }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(Problem(message: "nobody called '\(text)' is here"))
        default: return .failure(Problem(message: "'\(text)' matches \(matches.prefix(4).map { state.name(of: $0) }.joined(separator: ", ")) — type more"))
        }
    }
}
