import DashboardCore
import Foundation

/// The settings files: config.toml, keymaps and keymap.toml overrides.
public enum SettingsFiles {
    /// `$XDG_CONFIG_HOME/confwatch` (else `~/.config/confwatch`).
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDGDirectory.config(environment: environment)
    }

    /// The config file, when there is one.
    public static func loadConfig(environment: [String: String] = ProcessInfo.processInfo.environment) throws(FileProblem) -> DashboardConfig {
        let url = configDirectory(environment: environment).appendingPathComponent("config.toml")
        guard let text = try read(url) else { return DashboardConfig() }
        return try DashboardConfig.parse(text, file: url.path)
    }

    /// The key table: a built-in keymap by name or a keymap file by path, then the user's overrides
    /// from `keymap.toml` in the config directory, binding by binding.
    public static func keyTable(named nameOrPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(FileProblem) -> (KeyTable, String) {
        var table: KeyTable
        var name = nameOrPath
        if let builtIn = BuiltInKeymaps.table(named: nameOrPath) {
            table = builtIn
        } else if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let url = URL(fileURLWithPath: nameOrPath)
            guard let text = try read(url) else {
                throw FileProblem(file: nameOrPath, line: nil, message: "no such keymap file; give a path to a .toml keymap or one of: \(BuiltInKeymaps.names.joined(separator: ", "))")
            }
            table = try KeymapFile.table(from: text, file: url.path)
            name = url.lastPathComponent
        } else {
            throw FileProblem(file: "--keymap", line: nil, message: "unknown keymap '\(nameOrPath)'; use \(BuiltInKeymaps.names.joined(separator: ", ")) or a path to a .toml file")
        }
        let overrides = configDirectory(environment: environment).appendingPathComponent("keymap.toml")
        if let text = try read(overrides) {
            table = try KeymapFile.apply(overridesFrom: text, file: overrides.path, to: table)
            name += " + keymap.toml"
        }
        return (table, name)
    }

    private static func read(_ url: URL) throws(FileProblem) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FileProblem(file: url.path, line: nil, message: "cannot read it (\(error.localizedDescription)); check its permissions and that it is UTF-8")
        }
    }
}
