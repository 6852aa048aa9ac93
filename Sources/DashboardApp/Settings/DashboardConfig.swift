import DashboardCore
import Foundation
import TOMLKit
import TwilioConferences
import TwilioModels

/// Settings from `$XDG_CONFIG_HOME/confwatch/config.toml` (else `~/.config/confwatch/config.toml`).
///
/// ```toml
/// interval = 1.0          # seconds between polls (at least 0.25)
/// keymap = "vim"          # default, vim, emacs, or a path to a keymap file
///
/// [hold]
/// url = "https://example.com/hold-music.mp3"   # offered by "hold with music…"
/// method = "GET"                                # GET or POST
///
/// [dial]
/// from = "+15017122661"   # caller ID the dial-out form starts with
///
/// [supervisor]
/// endpoint = "client:alice"   # where coach, listen and barge ring you: a number or client:NAME
/// from = "+15017122661"       # caller ID for that call (default: [dial] from)
///
/// [announce]
/// url = "https://example.com/announce.xml"   # offered by "announce…"
///
/// [bulk]
/// spare = ["host", "+15017122661"]   # left alone by mute all, unmute all…: labels, numbers, client:NAME
/// ```
public struct DashboardConfig: Sendable, Hashable {
    public var interval: Double?
    public var keymap: String?
    /// [hold], [dial], [supervisor] and [announce]: what the dashboard acts with.
    public var defaults = ModerationDefaults()

    public init(interval: Double? = nil, keymap: String? = nil, defaults: ModerationDefaults = ModerationDefaults()) {
        self.interval = interval
        self.keymap = keymap
        self.defaults = defaults
    }

    public static let minimumInterval = 0.25

    /// Parses a config file's text; every problem names the file and the line.
    public static func parse(_ text: String, file: String) throws(FileProblem) -> DashboardConfig {
        let table = try TOMLText.parse(text, file: file)
        func problem(_ key: String, _ message: String, in section: String? = nil) -> FileProblem {
            FileProblem(file: file, line: TOMLLines.line(ofKey: key, in: text, section: section), message: message)
        }
        func section(_ name: String, allowed: Set<String>) throws(FileProblem) -> TOMLTable? {
            guard let value = table[name] else { return nil }
            guard let section = value.table else { throw problem(name, "'\(name)' must be a section: write [\(name)] on its own line") }
            for key in section.keys where !allowed.contains(key) {
                throw problem(key, "unknown setting '\(key)' in [\(name)]; known: \(allowed.sorted().joined(separator: ", "))", in: name)
            }
            return section
        }
        var config = DashboardConfig()
        let topLevel: Set<String> = ["interval", "keymap", "hold", "dial", "supervisor", "announce", "bulk"]
        for key in table.keys where !topLevel.contains(key) {
            throw problem(key, "unknown setting '\(key)'; known: interval, keymap, [hold] url and method, [dial] from, [supervisor] endpoint and from, [announce] url, [bulk] spare")
        }
        if let value = table["interval"] {
            guard let seconds = value.double ?? value.int.map(Double.init), seconds >= minimumInterval, seconds <= 3600 else {
                throw problem("interval", "interval must be a number of seconds from \(minimumInterval) to 3600, e.g. interval = 1.5")
            }
            config.interval = seconds
        }
        if let value = table["keymap"] {
            guard let name = value.string, !name.isEmpty else { throw problem("keymap", "keymap must be a name in quotes (default, vim, emacs) or a path") }
            config.keymap = name
        }
        if let hold = try section("hold", allowed: ["url", "method"]) {
            if let value = hold["url"] {
                guard let url = value.string, AddressRules.isAbsoluteHTTPURL(url) else {
                    throw problem("url", "[hold] url must be a fully qualified http(s) URL in quotes, e.g. url = \"https://example.com/hold.mp3\"", in: "hold")
                }
                config.defaults.holdURL = url
            }
            if let value = hold["method"] {
                guard let text = value.string, let method = CallbackMethod(parsing: text) else {
                    throw problem("method", "[hold] method must be \"GET\" or \"POST\"", in: "hold")
                }
                config.defaults.holdMethod = method
            }
        }
        if let dial = try section("dial", allowed: ["from"]) {
            if let value = dial["from"] {
                guard let from = value.string, AddressRules.checkFrom(from) == nil else {
                    throw problem("from", "[dial] from must be one of your numbers in E.164 form or client:NAME, in quotes, e.g. from = \"+15017122661\"", in: "dial")
                }
                config.defaults.dialFrom = from
            }
        }
        if let supervisor = try section("supervisor", allowed: ["endpoint", "from"]) {
            if let value = supervisor["endpoint"] {
                guard let endpoint = value.string, AddressRules.checkTo(endpoint) == nil else {
                    throw problem("endpoint", "[supervisor] endpoint must be your number in E.164 form, client:NAME or a sip: address, in quotes, e.g. endpoint = \"client:alice\"", in: "supervisor")
                }
                config.defaults.supervisorEndpoint = endpoint
            }
            if let value = supervisor["from"] {
                guard let from = value.string, AddressRules.checkFrom(from) == nil else {
                    throw problem("from", "[supervisor] from must be one of your numbers in E.164 form or client:NAME, in quotes, e.g. from = \"+15017122661\"", in: "supervisor")
                }
                config.defaults.supervisorFrom = from
            }
        }
        if let announce = try section("announce", allowed: ["url"]), let value = announce["url"] {
            guard let url = value.string, AddressRules.isAbsoluteHTTPURL(url) else {
                throw problem("url", "[announce] url must be a fully qualified http(s) URL in quotes, e.g. url = \"https://example.com/announce.xml\"", in: "announce")
            }
            config.defaults.announceURL = url
        }
        if let bulk = try section("bulk", allowed: ["spare"]), let value = bulk["spare"] {
            let names = value.array?.compactMap(\.string) ?? []
            guard let list = value.array, names.count == list.count, !names.contains(where: \.isEmpty) else {
                throw problem("spare", "[bulk] spare must be a list of labels, numbers or client:NAME in quotes, e.g. spare = [\"host\", \"+15017122661\"]", in: "bulk")
            }
            config.defaults.spare = names
        }
        return config
    }
}
