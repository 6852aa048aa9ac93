import CommandLineSupport
import Foundation
import Logging
import TwilioConferences
import TwilioModels

/// The doctor's checks of the account: credentials, where the API is, and one request to it.
enum DoctorAccountChecks {
    static func credentials(_ environment: [String: String]) -> (DoctorCheck, Credentials?) {
        let credentials: Credentials
        do {
            credentials = try Credentials.fromEnvironment(environment)
        } catch {
            let (detail, fix) = DoctorCheck.splitting(error.description)
            return (.fail("credentials", detail, fix: fix), nil)
        }
        let secretName = credentials.kind == .apiKey ? "TWILIO_API_SECRET" : "TWILIO_AUTH_TOKEN"
        let secret = environment[secretName]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let who = credentials.kind == .apiKey ? "API key \(credentials.username) for \(credentials.accountSid)" : "\(credentials.accountSid) with an auth token"
        let looksRight = credentials.kind == .apiKey
            ? secret.count == 32 && secret.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            : secret.count == 32 && secret.allSatisfy(\.isHexDigit)
        guard looksRight else {
            return (.warn("credentials", "\(who); \(secretName) is not shaped like Twilio's (32 letters and digits)",
                          fix: "copy \(secretName) again from the Twilio Console, without quotes or spaces"), credentials)
        }
        return (.ok("credentials", "\(who) (\(secretName) set, not shown)"), credentials)
    }

    static func endpoint(apiURL: String?, _ environment: [String: String]) -> (DoctorCheck, APIEndpoint?) {
        let endpoint: APIEndpoint
        do {
            endpoint = try APIEndpoint.resolve(override: apiURL, environment: environment)
        } catch {
            let (detail, fix) = DoctorCheck.splitting(error.description)
            return (.fail("endpoint", detail, fix: fix), nil)
        }
        let source: String
        if apiURL?.isEmpty == false {
            source = "--api-url"
        } else if environment["CONFWATCH_API_URL"]?.trimmingCharacters(in: .whitespaces).isEmpty == false {
            source = "CONFWATCH_API_URL"
        } else {
            let named = ["TWILIO_REGION", "TWILIO_EDGE"].compactMap { name in environment[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" } }
            source = named.isEmpty ? "the default (no TWILIO_REGION or TWILIO_EDGE)" : named.joined(separator: ", ")
        }
        let host = URLComponents(string: endpoint.baseURL)?.host ?? endpoint.hostAndPort
        let clock = ContinuousClock()
        let start = clock.now
        guard let address = resolve(host) else {
            return (.fail("endpoint", "\(endpoint.baseURL) from \(source): \(host) does not resolve",
                          fix: "check TWILIO_REGION and TWILIO_EDGE (e.g. ie1 with dublin), the URL, and the network's DNS"), nil)
        }
        return (.ok("endpoint", "\(endpoint.baseURL) from \(source); \(host) is \(address) (\(milliseconds(clock.now - start)) ms)"), endpoint)
    }

    /// One GET of the account's conferences, without retries, timed.
    static func api(_ credentials: Credentials, _ endpoint: APIEndpoint, timeout: Double, verbose: Bool) async -> DoctorCheck {
        var logger = Logger(label: "confwatch.api")
        logger.logLevel = verbose ? .debug : .warning
        let client = TwilioConferencesClient(
            credentials: credentials, endpoint: endpoint,
            configuration: ClientConfiguration(requestTimeout: timeout, connectTimeout: min(timeout, 5), retryPolicy: .never), logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        let result: DoctorCheck
        do {
            let conferences = try await client.listConferences(limit: 1, pageSize: 1)
            let some = conferences.isEmpty ? "none in progress" : "conferences in progress"
            result = .ok("api", "credentials accepted: listed the account's conferences in \(milliseconds(clock.now - start)) ms (\(some))")
        } catch let error as TwilioError {
            result = failure(error, credentials, after: milliseconds(clock.now - start))
        } catch {
            result = .fail("api", "\(error)", fix: "run again with --verbose to see the request")
        }
        await client.shutdown()
        return result
    }

    private static func failure(_ error: TwilioError, _ credentials: Credentials, after ms: Int) -> DoctorCheck {
        switch error {
        case .api(let body, _) where body.status == 401:
            let fix = credentials.kind == .apiKey
                ? "TWILIO_API_KEY and TWILIO_API_SECRET must be a live key of this account, in TWILIO_REGION if set: create one in the Twilio Console"
                : "TWILIO_AUTH_TOKEN must be this account's current token, in TWILIO_REGION if set: copy both again from the Twilio Console"
            return .fail("api", "credentials rejected: \(error.serverAnswer) (\(ms) ms)", fix: fix)
        case .api(let body, _) where body.status == 403:
            return .fail("api", "credentials accepted but not allowed to list conferences: \(error.serverAnswer)",
                         fix: "use a Standard API key or the auth token; a restricted key needs Voice conference read")
        case .api(let body, _) where body.status == 404:
            return .fail("api", "the account was not found: \(error.serverAnswer)",
                         fix: "check TWILIO_ACCOUNT_SID, and that TWILIO_REGION is where the account lives")
        case .api:
            return .fail("api", "\(error.serverAnswer) (\(ms) ms)", fix: error.hint ?? "see https://www.twilio.com/docs/api/errors")
        case .http(let status, _, _):
            return .fail("api", "HTTP \(status) from something that is not Twilio's API", fix: "check --api-url, CONFWATCH_API_URL and any proxy")
        case .timeout(let seconds, _):
            return .fail("api", "no answer within \(seconds) s", fix: "check the network and firewall, or raise --request-timeout")
        case .transport(let failure, _):
            return .fail("api", "cannot reach the API: \(failure.reason)",
                         fix: "check the network, proxy and firewall, and the URL (--api-url, CONFWATCH_API_URL, TWILIO_REGION, TWILIO_EDGE)")
        default:
            return .fail("api", error.description, fix: "run again with --verbose to see the request")
        }
    }

    /// The first address `host` resolves to, or nil.
    private static func resolve(_ host: String) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(first.pointee.ai_addr, first.pointee.ai_addrlen, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 else { return host }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
