import Foundation
import TwilioModels

/// Maps API paths to the state's operations, checks Basic auth, and writes JSON or XML answers.
///
/// Paths: `/2010-04-01/Accounts/{AccountSid}/Conferences[.json]`,
/// `…/Conferences/{Sid}[.json]`, `…/Conferences/{Sid|FriendlyName}/Participants[.json]`,
/// `…/Conferences/{Sid}/Participants/{CallSid|Label}[.json]`, `…/Conferences/{Sid}/Recordings[.json]`,
/// `…/Conferences/{Sid}/Recordings/{RecordingSid}[.json]` and `…/Calls/{CallSid}[.json]`. A final
/// `.json` asks for JSON; without it the answer is XML, as the original page shows both.
struct SimulatorRouter: Sendable {
    let accountSid: String
    /// user name → secret: the account SID with its auth token, and any API keys.
    let logins: [String: String]

    enum Route {
        case conferences
        case conference(String)
        case participants(String)
        case participant(String, String)
        case recordings(String)
        case recording(String, String)
        case call(String)
    }

    func handle(_ request: SimRequest, state: inout SimulatorState, now: Date) -> SimResponse {
        let (segments, json) = Self.split(request.path)
        let format: (APIResult) -> [UInt8] = { result in json ? JSONRendering.render(result) : XMLRendering.render(result) }
        func failure(_ error: SimError) -> SimResponse {
            var headers = [("Content-Type", json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8")]
            if error.status == 401 { headers.append(("WWW-Authenticate", "Basic realm=\"Twilio API\"")) }
            return SimResponse(status: error.status, headers: headers, body: json ? JSONRendering.render(error) : XMLRendering.render(error))
        }
        guard authorized(request.authorization) else { return failure(.unauthorized) }
        guard segments.count >= 3, segments[0] == "2010-04-01", segments[1] == "Accounts" else {
            return failure(.notFound(request.path))
        }
        // Another account's SID in the path: these credentials are not for it, as Twilio answers.
        guard segments[2] == accountSid else { return failure(.unauthorized) }
        guard let route = Self.route(Array(segments.dropFirst(3))) else { return failure(.notFound(request.path)) }
        let path = request.path
        do {
            state.advance(to: now)
            let result = try dispatch(route, method: request.method, request: request, path: path, json: json, state: &state, now: now)
            let status: Int
            switch result {
            case .noContent: status = 204
            case .participant(_, let created) where created: status = 201
            default: status = 200
            }
            let headers = status == 204 ? [] : [("Content-Type", json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8")]
            return SimResponse(status: status, headers: headers, body: format(result))
        } catch {
            return failure(error)
        }
    }

    private func dispatch(
        _ route: Route, method: String, request: SimRequest, path: String, json: Bool, state: inout SimulatorState, now: Date
    ) throws(SimError) -> APIResult {
        let query = FormValues(encoded: request.query)
        let form = FormValues(encoded: Substring(String(decoding: request.body, as: UTF8.self)))
        switch (route, method) {
        case (.conferences, "GET"):
            return .conferences(try state.listConferences(query: query, path: Self.listPath(path, json: json)))
        case (.conference(let sid), "GET"):
            return .conference(try state.fetchConference(sid: sid, path: path))
        case (.conference(let sid), "POST"):
            return .conference(try state.updateConference(sid: sid, form: form, path: path, now: now))
        case (.participants(let conference), "GET"):
            return .participants(try state.listParticipants(conference: conference, query: query, path: Self.listPath(path, json: json)))
        case (.participants(let conference), "POST"):
            return .participant(try state.createParticipant(conference: conference, form: form, path: path, now: now), created: true)
        case (.participant(let conference, let participant), "GET"):
            return .participant(try state.fetchParticipant(conference: conference, participant: participant, path: path), created: false)
        case (.participant(let conference, let participant), "POST"):
            return .participant(try state.updateParticipant(conference: conference, participant: participant, form: form, path: path, now: now), created: false)
        case (.participant(let conference, let participant), "DELETE"):
            try state.deleteParticipant(conference: conference, participant: participant, path: path, now: now)
            return .noContent
        case (.recordings(let conference), "GET"):
            return .recordings(try state.listRecordings(conference: conference, query: query, path: Self.listPath(path, json: json)))
        case (.recording(let conference, let recording), "GET"):
            return .recording(try state.fetchRecording(conference: conference, recording: recording, path: path))
        case (.recording(let conference, let recording), "POST"):
            return .recording(try state.updateRecording(conference: conference, recording: recording, form: form, path: path, now: now))
        case (.recording(let conference, let recording), "DELETE"):
            try state.deleteRecording(conference: conference, recording: recording, path: path)
            return .noContent
        case (.call(let sid), "GET"):
            return .call(try state.fetchCall(sid: sid, path: path))
        default:
            throw .methodNotAllowed(method)
        }
    }

    func isAuthorized(_ header: String?) -> Bool { authorized(header) }

    private func authorized(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":") else { return false }
        let user = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        guard let expected = logins[user] else { return false }
        return Self.constantTimeEquals(expected, secret)
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }

    /// Percent-decoded segments, and whether the last one ended in `.json` (which is removed).
    static func split(_ path: String) -> ([String], Bool) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map { FormEncoding.unescapePath($0) }
        var json = false
        if let last = segments.last, last.hasSuffix(".json") {
            segments[segments.count - 1] = String(last.dropLast(5))
            json = true
        }
        return (segments, json)
    }

    static func route(_ rest: [String]) -> Route? {
        if rest.count == 2 && rest[0] == "Calls" { return .call(rest[1]) }
        guard let first = rest.first, first == "Conferences" else { return nil }
        switch rest.count {
        case 1: return .conferences
        case 2: return .conference(rest[1])
        case 3 where rest[2] == "Participants": return .participants(rest[1])
        case 4 where rest[2] == "Participants": return .participant(rest[1], rest[3])
        case 3 where rest[2] == "Recordings": return .recordings(rest[1])
        case 4 where rest[2] == "Recordings": return .recording(rest[1], rest[3])
        default: return nil
        }
    }

    /// The path list envelopes name their pages with: the form that was asked for, so following
    /// `next_page_uri` from a JSON page stays JSON and from an XML page stays XML.
    static func listPath(_ path: String, json: Bool) -> String {
        switch (json, path.hasSuffix(".json")) {
        case (true, false): return path + ".json"
        case (false, true): return String(path.dropLast(5))
        default: return path
        }
    }
}
