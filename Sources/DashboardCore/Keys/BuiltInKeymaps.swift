/// The keymaps that ship with confwatch. keymaps/*.toml in the repository are these tables written
/// out (`confwatch keymap NAME` prints one; a test keeps the files equal to it).
public enum BuiltInKeymaps {
    public static let names = ["default", "vim", "emacs"]

    public static func table(named name: String) -> KeyTable? {
        switch name {
        case "default": defaultTable
        case "vim": vim
        case "emacs": emacs
        default: nil
        }
    }

    static func table(_ pairs: [(String, Command)]) -> KeyTable {
        KeyTable(pairs.map { KeyBinding(key: KeyChord(parsing: $0.0)!, command: $0.1) })
    }

    public static let defaultTable = table([
        ("down", .moveDown), ("j", .moveDown), ("up", .moveUp), ("k", .moveUp),
        ("pgdn", .pageDown), ("pgup", .pageUp), ("g", .top), ("home", .top), ("G", .bottom), ("end", .bottom),
        ("m", .toggleMute), ("h", .toggleHold), ("H", .holdWithMusic), ("x", .kick), ("d", .dial),
        ("f", .cycleFilter), ("F", .cycleFilterBack), ("/", .textFilter), ("esc", .clearFilters),
        ("s", .cycleSort), ("S", .cycleSortBack), ("I", .invertSort), ("enter", .details), ("r", .refresh),
        ("c", .chooseConference),
        ("space", .toggleMark), ("*", .markAll), ("M", .muteAll), ("E", .muteAllExcept), ("U", .unmuteAll),
        ("w", .coach), ("W", .toggleCoaching), ("L", .listen), ("B", .barge), ("a", .announce), ("A", .announceAll),
        ("X", .endConference), ("R", .toggleRecording), ("u", .undo), (":", .commandMode), ("l", .timeline), ("V", .auditLog),
        ("?", .help), ("q", .quit),
    ])

    public static let vim = table([
        ("j", .moveDown), ("down", .moveDown), ("k", .moveUp), ("up", .moveUp),
        ("ctrl-f", .pageDown), ("ctrl-d", .pageDown), ("ctrl-b", .pageUp), ("ctrl-u", .pageUp), ("g", .top), ("G", .bottom),
        ("m", .toggleMute), ("h", .toggleHold), ("H", .holdWithMusic), ("x", .kick), ("o", .dial),
        ("f", .cycleFilter), ("F", .cycleFilterBack), ("/", .textFilter), ("esc", .clearFilters),
        ("s", .cycleSort), ("S", .cycleSortBack), ("I", .invertSort), ("enter", .details), ("l", .details), ("ctrl-l", .refresh),
        ("r", .refresh), ("c", .chooseConference),
        ("space", .toggleMark), ("*", .markAll), ("M", .muteAll), ("E", .muteAllExcept), ("U", .unmuteAll),
        ("w", .coach), ("W", .toggleCoaching), ("L", .listen), ("B", .barge), ("a", .announce), ("A", .announceAll),
        ("X", .endConference), ("R", .toggleRecording), ("u", .undo), (":", .commandMode), ("t", .timeline), ("V", .auditLog),
        ("?", .help), ("q", .quit),
    ])

    public static let emacs = table([
        ("ctrl-n", .moveDown), ("down", .moveDown), ("ctrl-p", .moveUp), ("up", .moveUp),
        ("ctrl-v", .pageDown), ("pgdn", .pageDown), ("alt-v", .pageUp), ("pgup", .pageUp),
        ("alt-<", .top), ("home", .top), ("alt->", .bottom), ("end", .bottom),
        ("m", .toggleMute), ("h", .toggleHold), ("H", .holdWithMusic), ("ctrl-k", .kick), ("d", .dial),
        ("f", .cycleFilter), ("F", .cycleFilterBack), ("ctrl-s", .textFilter), ("esc", .clearFilters),
        ("s", .cycleSort), ("S", .cycleSortBack), ("I", .invertSort), ("enter", .details), ("g", .refresh),
        ("c", .chooseConference),
        ("space", .toggleMark), ("*", .markAll), ("M", .muteAll), ("E", .muteAllExcept), ("U", .unmuteAll),
        ("w", .coach), ("W", .toggleCoaching), ("L", .listen), ("B", .barge), ("a", .announce), ("A", .announceAll),
        ("X", .endConference), ("R", .toggleRecording), ("u", .undo),
        ("alt-x", .commandMode), (":", .commandMode), ("l", .timeline), ("V", .auditLog),
        ("ctrl-h", .help), ("?", .help), ("q", .quit),
    ])
}
