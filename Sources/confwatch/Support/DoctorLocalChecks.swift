import CursesUI
import DashboardApp
import DashboardCore
import Foundation

/// The doctor's checks of this machine: the terminal, the settings files and the audit directory.
enum DoctorLocalChecks {
    static let minimumSize = (columns: 50, rows: 12)

    static func terminal(_ environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let term = environment["TERM"] ?? ""
        var colors = 0
        switch term.isEmpty ? TerminalProbe.TerminfoAnswer.unknown : TerminalProbe.terminfo(term) {
        case .known(let count):
            colors = count
            checks.append(.ok("terminal", "TERM=\(term) is known to terminfo"))
        case .unknown:
            checks.append(.fail("terminal", term.isEmpty ? "TERM is not set" : "TERM=\(term) is not in the terminfo database",
                                fix: "export TERM=xterm-256color (or the type your terminal emulates; Debian's ncurses-term has more)"))
        case .noDatabase:
            checks.append(.fail("terminal", "no terminfo database found", fix: "install ncurses-base (Debian) or set TERMINFO"))
        }
        let variable = ["LC_ALL", "LC_CTYPE", "LANG"].first { environment[$0]?.isEmpty == false }
        let setting = variable.map { "\($0)=\(environment[$0] ?? "")" } ?? "no LC_ALL, LC_CTYPE or LANG"
        switch TerminalProbe.localeCodeset() {
        case nil:
            checks.append(.fail("locale", "\(setting) names a locale this system does not have",
                                fix: "export LANG=C.UTF-8, or generate the locale (Debian: dpkg-reconfigure locales)"))
        case let codeset? where codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8":
            checks.append(.ok("locale", "\(setting): UTF-8"))
        case let codeset?:
            checks.append(.fail("locale", "\(setting): characters are \(codeset), not UTF-8, so names and lines would garble",
                                fix: "export LANG=C.UTF-8 (or en_US.UTF-8)"))
        }
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true {
            checks.append(.ok("colours", "NO_COLOR is set: bold and reverse only, by choice"))
        } else if colors >= 8 {
            checks.append(.ok("colours", "\(colors) colours"))
        } else if !checks.contains(where: { $0.name == "terminal" && $0.status == .fail }) {
            checks.append(.warn("colours", "TERM=\(term) has no colours: bold and reverse only",
                                fix: "use a TERM with colours, e.g. xterm-256color, if your terminal has them"))
        }
        if let size = TerminalProbe.size() {
            let text = "\(size.columns)×\(size.rows)"
            if size.columns >= minimumSize.columns && size.rows >= minimumSize.rows {
                checks.append(.ok("size", "\(text) (the dashboard needs 50×12)"))
            } else {
                checks.append(.fail("size", "\(text) is smaller than the dashboard's 50×12", fix: "make the window larger or the font smaller"))
            }
        } else {
            checks.append(.warn("size", "no terminal on stdin, stdout or /dev/tty to measure", fix: "run confwatch doctor in the terminal you will watch from"))
        }
        return checks
    }

    static func settings(_ environment: [String: String]) -> [DoctorCheck] {
        let file = SettingsFiles.configDirectory(environment: environment).appendingPathComponent("config.toml").path
        var keymap = "default"
        var checks: [DoctorCheck] = []
        do {
            let config = try SettingsFiles.loadConfig(environment: environment)
            keymap = config.keymap ?? keymap
            checks.append(.ok("config", FileManager.default.fileExists(atPath: file) ? "\(file) parses" : "no \(file): the defaults apply"))
        } catch {
            checks.append(.fail("config", error.description, fix: "correct that line (README: Configuration), or move the file away to use the defaults"))
        }
        do {
            let (table, name) = try SettingsFiles.keyTable(named: keymap, environment: environment)
            checks.append(.ok("keymap", "\(name): \(table.bindings.count) bindings"))
        } catch {
            checks.append(.fail("keymap", error.description, fix: "correct that line; confwatch keymap --check FILE checks a keymap file"))
        }
        return checks
    }

    /// Whether the audit trail can be written, without creating anything.
    static func audit(_ environment: [String: String]) -> DoctorCheck {
        let file = AuditTrail(environment: environment).url
        let fix = "make it writable by you, or point XDG_STATE_HOME at a directory you can write"
        if FileManager.default.fileExists(atPath: file.path) {
            return access(file.path, W_OK) == 0
                ? .ok("audit", "\(file.path) is writable") : .fail("audit", "\(file.path) is not writable", fix: fix)
        }
        var directory = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else { return .fail("audit", "\(directory.path) is a file, not a directory", fix: fix) }
        guard access(directory.path, W_OK | X_OK) == 0 else { return .fail("audit", "\(directory.path) is not writable", fix: fix) }
        let created = directory == file.deletingLastPathComponent() ? "" : " (created at the first action)"
        return .ok("audit", "\(file.path) can be written\(created)")
    }
}
