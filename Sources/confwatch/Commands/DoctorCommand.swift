import ArgumentParser
import CommandLineSupport
import Foundation

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the credentials, the API, the terminal and the settings files; say how to fix each problem.",
        discussion: """
            Makes one request: a list of the account's conferences, timed. Secrets are never printed. \
            Exits with status 1 when a check fails (warnings do not count).
            """)

    @OptionGroup var api: APIOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var checks: [DoctorCheck] = []
        let (credentialsCheck, credentials) = DoctorAccountChecks.credentials(environment)
        let (endpointCheck, endpoint) = DoctorAccountChecks.endpoint(apiURL: api.apiURL, environment)
        checks += [credentialsCheck, endpointCheck]
        if let credentials, let endpoint {
            checks.append(await DoctorAccountChecks.api(credentials, endpoint, timeout: api.timeout, verbose: api.verbose))
        } else {
            checks.append(.skip("api", "not tried without valid credentials and endpoint"))
        }
        checks += DoctorLocalChecks.terminal(environment)
        checks += DoctorLocalChecks.settings(environment)
        checks.append(DoctorLocalChecks.audit(environment))

        StandardOutput.line("confwatch \(VersionText.full)")
        for check in checks { check.lines.forEach(StandardOutput.line) }
        let failures = checks.filter { $0.status == .fail }.count
        let warnings = checks.filter { $0.status == .warn }.count
        let warned = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        StandardOutput.line(failures == 0 ? "all checks passed\(warned)" : "\(failures) problem\(failures == 1 ? "" : "s") found\(warned)")
        if failures > 0 { throw ExitCode(1) }
    }
}
