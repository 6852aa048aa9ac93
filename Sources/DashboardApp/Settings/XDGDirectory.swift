import Foundation

/// Where confwatch keeps its files, as the XDG base directory spec says.
public enum XDGDirectory {
    /// `$XDG_CONFIG_HOME/confwatch`, else `~/.config/confwatch`.
    public static func config(environment: [String: String]) -> URL { confwatch("XDG_CONFIG_HOME", else: ".config", environment) }

    /// `$XDG_STATE_HOME/confwatch`, else `~/.local/state/confwatch`.
    public static func state(environment: [String: String]) -> URL { confwatch("XDG_STATE_HOME", else: ".local/state", environment) }

    /// The variable's directory when it holds an absolute path (the spec ignores relative ones), else the
    /// fallback under the home directory; confwatch's own folder in it.
    private static func confwatch(_ variable: String, else fallback: String, _ environment: [String: String]) -> URL {
        if let base = environment[variable], base.hasPrefix("/") { return URL(fileURLWithPath: base).appendingPathComponent("confwatch") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(fallback).appendingPathComponent("confwatch")
    }
}
