import DashboardApp
import DashboardCore
import Foundation
import Testing

/// Where the config and keymap files are found, and how a keymap and the user's overrides combine.
@Suite("Settings files: the XDG directory, keymaps and overrides")
struct SettingsFilesTests {
    /// A fresh directory with `files` (relative path → text) written into it.
    static func directory(_ files: [String: String] = [:]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("confwatch-settings-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func key(_ name: String) -> KeyChord { KeyChord(parsing: name)! }

    @Test func xdgConfigHomeWinsAndAnythingButAnAbsolutePathFallsBackToHome() {
        #expect(SettingsFiles.configDirectory(environment: ["XDG_CONFIG_HOME": "/etc/xdg-test", "HOME": "/home/sup"]).path == "/etc/xdg-test/confwatch")
        #expect(SettingsFiles.configDirectory(environment: ["HOME": "/home/sup"]).path == "/home/sup/.config/confwatch")
        #expect(SettingsFiles.configDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/sup"]).path == "/home/sup/.config/confwatch")
        #expect(SettingsFiles.configDirectory(environment: ["XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/sup"]).path == "/home/sup/.config/confwatch",
                "the XDG spec says a relative path is ignored")
    }

    @Test func theConfigFileIsReadFromXDGOrElseHome() throws {
        let xdg = try Self.directory(["confwatch/config.toml": "[dial]\nfrom = \"+15017122661\"\n"])
        let home = try Self.directory([".config/confwatch/config.toml": "[dial]\nfrom = \"+15005550006\"\n"])
        #expect(try SettingsFiles.loadConfig(environment: ["XDG_CONFIG_HOME": xdg.path, "HOME": home.path]).defaults.dialFrom == "+15017122661")
        #expect(try SettingsFiles.loadConfig(environment: ["HOME": home.path]).defaults.dialFrom == "+15005550006")
        let empty = try Self.directory()
        #expect(try SettingsFiles.loadConfig(environment: ["HOME": empty.path]).defaults.dialFrom == nil, "no file, no settings, no error")
    }

    @Test func aBuiltInKeymapWithTheUsersOverridesOnTop() throws {
        let home = try Self.directory([".config/confwatch/keymap.toml": "[keys]\nM = \"toggle-mute\"\nm = \"none\"\n"])
        let (table, name) = try SettingsFiles.keyTable(named: "vim", environment: ["HOME": home.path])
        #expect(name == "vim + keymap.toml")
        #expect(table.command(for: Self.key("M")) == .toggleMute)
        #expect(table.command(for: Self.key("m")) == nil, "\"none\" unbinds")
        #expect(table.command(for: Self.key("ctrl-f")) == .pageDown, "the rest of vim is kept")
        let (plain, plainName) = try SettingsFiles.keyTable(named: "vim", environment: ["HOME": try Self.directory().path])
        #expect(plainName == "vim" && plain.command(for: Self.key("m")) == .toggleMute)
    }

    @Test func aKeymapFileByPath() throws {
        let dir = try Self.directory(["mine.toml": "[keys]\nn = \"move-down\"\np = \"move-up\"\nq = \"quit\"\n"])
        let (table, name) = try SettingsFiles.keyTable(named: dir.appendingPathComponent("mine.toml").path, environment: ["HOME": dir.path])
        #expect(name == "mine.toml")
        #expect(table.command(for: Self.key("n")) == .moveDown)
        #expect(table.command(for: Self.key("j")) == nil, "a keymap file is the whole table, not an overlay on the default")
    }

    @Test func mistakesNameTheFileAndTheLine() throws {
        let home = try Self.directory([".config/confwatch/keymap.toml": "[keys]\nM = \"toggle-mute\"\nZ = \"explode\"\n"])
        let overrides = home.appendingPathComponent(".config/confwatch/keymap.toml").path
        #expect {
            _ = try SettingsFiles.keyTable(named: "default", environment: ["HOME": home.path])
        } throws: { error in
            let problem = error as? FileProblem
            return problem?.file == overrides && problem?.line == 3 && problem?.message.contains("explode") == true
        }
        #expect {
            _ = try SettingsFiles.keyTable(named: "vi", environment: ["HOME": home.path])
        } throws: { error in
            (error as? FileProblem)?.message.contains("default, vim, emacs") == true
        }
        #expect {
            _ = try SettingsFiles.keyTable(named: "/nowhere/keys.toml", environment: ["HOME": home.path])
        } throws: { error in
            (error as? FileProblem)?.message.hasPrefix("no such keymap file") == true
        }
    }
}
