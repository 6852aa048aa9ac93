import ArgumentParser
import CommandLineSupport
import DashboardApp
import DashboardCore

struct KeymapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keymap",
        abstract: "Print a keymap as a TOML file (a starting point for your own), or check one.",
        discussion: """
            With a built-in name (default, vim, emacs) it prints that keymap. With --check PATH it \\
            reads a keymap file as the dashboard would and reports the first problem with its line.
            """)

    @Argument(help: ArgumentHelp("default, vim or emacs.", valueName: "NAME")) var name = "default"
    @Option(help: ArgumentHelp("Check a keymap file instead of printing.", valueName: "PATH")) var check: String?

    func run() throws {
        if let check {
            do {
                let (table, _) = try SettingsFiles.keyTable(named: check.contains("/") ? check : "./" + check)
                StandardOutput.line("\(check): \(table.bindings.count) bindings, no problems")
            } catch {
                CommandFailure(error.description).exit()
            }
            return
        }
        guard let table = BuiltInKeymaps.table(named: name) else {
            throw ValidationError("unknown keymap '\(name)'; use \(BuiltInKeymaps.names.joined(separator: ", "))")
        }
        StandardOutput.write(KeymapFile.render(table, name: name))
    }
}
