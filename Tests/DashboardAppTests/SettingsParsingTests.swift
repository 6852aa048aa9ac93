import DashboardCore
import Foundation
import Testing
@testable import DashboardApp

@Suite("Keymap files")
struct KeymapFileTests {
    @Test(arguments: BuiltInKeymaps.names)
    func theFilesInKeymapsAreTheBuiltInTables(name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../keymaps/\(name).toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == KeymapFile.render(BuiltInKeymaps.table(named: name)!, name: name), "regenerate with: confwatch keymap \(name) > keymaps/\(name).toml")
        #expect(try KeymapFile.table(from: text, file: "\(name).toml") == BuiltInKeymaps.table(named: name))
    }

    @Test func userOverridesReplaceSingleBindings() throws {
        let text = """
            # mine
            [keys]
            M = "toggle-mute"
            m = "none"
            "ctrl-d" = "page-down"
            """
        let table = try KeymapFile.apply(overridesFrom: text, file: "keymap.toml", to: BuiltInKeymaps.defaultTable)
        #expect(table.command(for: KeyChord(parsing: "M")!) == .toggleMute)
        #expect(table.command(for: KeyChord(parsing: "m")!) == nil)
        #expect(table.command(for: .ctrl("d")) == .pageDown)
        #expect(table.command(for: KeyChord(parsing: "x")!) == .kick, "the rest stays")
    }

    @Test(arguments: [
        ("[keys]\nj = \"move-down\"\nk = \"fly\"\n", 3, "unknown command 'fly'"),
        ("[keys]\nj = \"move-down\"\n\n\"ctrl-\" = \"quit\"\n", 4, "is not a key name"),
        ("[keys]\nenter = \"details\"\nreturn = \"quit\"\n", 3, "same key, bound twice"),
        ("[keys]\nj = \"move-down\"\nj = \"move-up\"\n", 3, "not valid TOML"),
        ("[keys]\nj = 3\n", 2, "must be a string"),
        ("[keyz]\nj = \"quit\"\n", 1, "unknown section"),
        ("[keys\nj = \"quit\"\n", 1, "not valid TOML"),
    ])
    func problemsNameTheFileAndTheLine(text: String, line: Int, message: String) {
        do {
            _ = try KeymapFile.parse(text, file: "/home/s/.config/confwatch/keymap.toml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.file == "/home/s/.config/confwatch/keymap.toml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix("/home/s/.config/confwatch/keymap.toml:\(line): "))
        }
    }
}

@Suite("The config file")
struct ConfigTests {
    @Test func readsEverySetting() throws {
        let config = try DashboardConfig.parse("""
            interval = 2
            keymap = "vim"
            [hold]
            url = "https://example.com/hold.mp3"
            method = "post"
            [dial]
            from = "+15017122661"
            """, file: "config.toml")
        var defaults = ModerationDefaults()
        (defaults.holdURL, defaults.holdMethod, defaults.dialFrom) = ("https://example.com/hold.mp3", .POST, "+15017122661")
        #expect(config == DashboardConfig(interval: 2, keymap: "vim", defaults: defaults))
        #expect(try DashboardConfig.parse("", file: "c") == DashboardConfig())
    }

    @Test func readsTheSupervisorLineAndTheAnnouncement() throws {
        let config = try DashboardConfig.parse("""
            [dial]
            from = "+15017122661"
            [supervisor]
            endpoint = "client:alice"
            from = "+15005550006"
            [announce]
            url = "https://example.com/announce.xml"
            """, file: "config.toml")
        #expect(config.defaults.supervisorEndpoint == "client:alice" && config.defaults.supervisorFrom == "+15005550006")
        #expect(config.defaults.dialFrom == "+15017122661" && config.defaults.announceURL == "https://example.com/announce.xml")
    }

    @Test(arguments: [
        ("interval = 0.1\n", 1, "interval"),
        ("interval = \"fast\"\n", 1, "interval"),
        ("\n\ncolour = \"red\"\n", 3, "unknown setting 'colour'"),
        ("[hold]\nurl = \"hold.mp3\"\n", 2, "fully qualified"),
        ("[hold]\nmethod = \"PUT\"\n", 2, "GET"),
        ("[hold]\nvolume = 3\n", 2, "unknown setting 'volume'"),
        ("[dial]\nfrom = \"5017122661\"\n", 2, "E.164"),
        ("hold = 3\n", 1, "must be a section"),
        ("[supervisor]\nendpoint = \"alice\"\n", 2, "[supervisor] endpoint"),
        ("[dial]\nfrom = \"+15017122661\"\n[supervisor]\nfrom = \"nobody\"\n", 4, "[supervisor] from"),
        ("[supervisor]\nnumber = \"+15017122661\"\n", 2, "unknown setting 'number' in [supervisor]"),
        ("[announce]\nurl = \"ftp://example.com/a.mp3\"\n", 2, "[announce] url"),
        ("interval = \n", 1, "not valid TOML"),
    ])
    func problemsNameTheFileAndTheLine(text: String, line: Int, message: String) {
        do {
            _ = try DashboardConfig.parse(text, file: "config.toml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
