/// The one table of key bindings: it feeds the key handling, the help overlay and the footer.
public struct KeyBinding: Hashable, Sendable {
    public var key: KeyChord
    public var command: Command
    public var description: String { command.summary }
    public var dangerous: Bool { command.dangerous }
    public var writes: Bool { command.writes }

    public init(key: KeyChord, command: Command) {
        self.key = key
        self.command = command
    }
}

public struct KeyTable: Sendable, Hashable {
    /// In the order they were defined (the help keeps it).
    public private(set) var bindings: [KeyBinding]
    private var byKey: [KeyChord: Command]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = []
        self.byKey = [:]
        apply(bindings.map { ($0.key, $0.command) })
    }

    public func command(for key: KeyChord) -> Command? { byKey[key] }

    /// Binds `key`, replacing what it did before.
    public mutating func bind(_ key: KeyChord, to command: Command) { apply([(key, command)]) }

    public mutating func unbind(_ key: KeyChord) { apply([(key, nil)]) }

    /// Binds (a command) and unbinds (nil) key after key, exactly as `bind` and `unbind` one at a time
    /// would — a key bound again moves to the end — in one pass over the table and the changes, so
    /// a keymap file of any size loads in linear time.
    public mutating func apply(_ changes: [(KeyChord, Command?)]) {
        guard !changes.isEmpty else { return }
        var last: [KeyChord: Int] = [:]
        for (index, change) in changes.enumerated() { last[change.0] = index }
        var kept = bindings.filter { last[$0.key] == nil }
        for (index, (key, command)) in changes.enumerated() where last[key] == index {
            byKey[key] = command
            if let command { kept.append(KeyBinding(key: key, command: command)) }
        }
        bindings = kept
        StepCounter.add(changes.count + bindings.count)
        updateFooter()
    }

    /// For read-only mode: the commands that change the call (and marking, which only serves bulk
    /// writes) leave the help and the footer. Their keys stay bound so that pressing one says
    /// "read-only" instead of doing nothing.
    public var readOnly: KeyTable {
        var table = self
        table.hidesWrites = true
        table.updateFooter()
        return table
    }

    /// Read-only mode: write commands are not offered.
    public private(set) var hidesWrites = false

    /// Whether the help and the footer offer this command.
    func offers(_ command: Command) -> Bool { !(hidesWrites && command.servesWrites) }

    /// The keys of each command, in table order.
    public func keys(for command: Command) -> [KeyChord] { bindings.filter { $0.command == command }.map(\.key) }

    /// One entry per bound command, in the help's order: group, keys, description, dangerous.
    public var helpEntries: [(group: String, keys: [KeyChord], command: Command)] {
        let groups = ["Move", "Moderate", "Bulk", "Supervise", "View", "General"]
        return groups.flatMap { group in
            Command.allCases.filter { $0.helpGroup == group && offers($0) }.compactMap { command in
                let keys = keys(for: command)
                return keys.isEmpty ? nil : (group, keys, command)
            }
        }
    }

    /// The footer: the most useful commands with their first key, by rank.
    public var footerEntries: [(key: KeyChord, command: Command)] { footer.map { ($0.key, $0.command) } }

    /// Kept up to date by `bind`/`unbind`: the footer is drawn on every frame.
    private var footer: [KeyBinding] = []

    private mutating func updateFooter() {
        var first: [Command: KeyChord] = [:]
        for binding in bindings where first[binding.command] == nil { first[binding.command] = binding.key }
        StepCounter.add(bindings.count)
        footer = Command.allCases.compactMap { command in
            guard command.footerRank != nil, offers(command), let key = first[command] else { return nil }
            return KeyBinding(key: key, command: command)
        }.sorted { $0.command.footerRank! < $1.command.footerRank! }
    }
}
