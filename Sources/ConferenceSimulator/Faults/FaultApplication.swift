import Foundation
import TwilioModels

/// Turns a normal answer into the faulty one a rule asks for.
enum FaultApplication {
    static func apply(_ fault: FaultRule.Kind, to response: SimResponse) -> SimResponse {
        var faulty = response
        switch fault {
        case .latency:
            break
        case .status(let status, _) where status == 502 || status == 504:
            // What a proxy in front of the API sends: an HTML page, not Twilio's JSON.
            faulty = SimResponse(
                status: status, headers: [("Content-Type", "text/html")],
                body: Array("<html><head><title>\(status) Gateway Error</title></head><body>upstream unavailable</body></html>".utf8))
        case .status(let status, let retryAfter):
            let error: SimError = switch status {
            case 401: .unauthorized
            case 403: SimError(status: 403, code: 20003, message: "Authenticate: permission denied")
            case 429: .tooManyRequests
            case 503: .serviceUnavailable
            case 500: .internalError
            default: SimError(status: status, code: 20000 + status, message: "Simulated HTTP \(status)")
            }
            faulty = SimResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: JSONRendering.render(error))
            if let retryAfter { faulty.headers.append(("Retry-After", String(retryAfter))) }
            if status == 401 { faulty.headers.append(("WWW-Authenticate", "Basic realm=\"Twilio API\"")) }
        case .reset:
            faulty.delivery = .resetAfter(response.body.count / 2)
        case .truncate:
            faulty.body = Array(response.body.prefix(response.body.count / 2))
        case .malformed:
            faulty.body = Array("{\"participants\": [{\"call_sid\": CA??, muted: maybe]]} <html>".utf8)
        case .wrongShape:
            faulty.body = Array("{\"participants\": 42, \"conferences\": \"none\", \"call_sid\": 7, \"sid\": false, \"page\": \"first\"}".utf8)
        case .huge(let bytes):
            guard response.body.first == UInt8(ascii: "{") else { break }
            var padded: [UInt8] = []
            padded.reserveCapacity(bytes + response.body.count + 16)
            padded += Array("{\"padding\":\"".utf8)
            padded += [UInt8](repeating: UInt8(ascii: "x"), count: max(0, bytes - response.body.count))
            padded += Array("\",".utf8)
            padded += response.body.dropFirst()
            faulty.body = padded
        case .hang:
            faulty.delivery = .hang
        case .endlessPages:
            faulty.body = rewritePage(response.body) { page in
                guard let uri = page["uri"] as? String, let number = page["page"] as? Int, let query = uri.firstIndex(of: "?") else { return nil }
                var fields = FormEncoding.decode(uri[uri.index(after: query)...]).filter { $0.0 != "Page" && $0.0 != "PageToken" }
                fields += [("Page", String(number + 1)), ("PageToken", "PAendless\(number + 1)")]
                return String(uri[..<query]) + "?" + FormEncoding.encode(fields)
            } ?? response.body
        case .pageLoop:
            faulty.body = rewritePage(response.body) { page in page["uri"] as? String } ?? response.body
        case .pageCycle:
            faulty.body = rewritePage(response.body) { page in
                (page["page"] as? Int ?? 0) > 0 && page["next_page_uri"] is String ? page["first_page_uri"] as? String : page["next_page_uri"] as? String
            } ?? response.body
        case .pageEscape:
            faulty.body = rewritePage(response.body) { page in
                guard let uri = page["uri"] as? String, let conferences = uri.range(of: "/Conferences") else { return nil }
                return String(uri[..<conferences.lowerBound]) + "/Conferences/../../AC0000000000000000000000000000dead/Conferences.json"
            } ?? response.body
        case .stall:
            faulty.delivery = .stallAfterHeaders
        case .trickle(let rate):
            faulty.delivery = .trickle(bytesPerSecond: rate)
        case .endlessBody:
            faulty.delivery = .endless
        case .badField(let field):
            faulty.body = BadFieldFault.spoil(response.body, field)
        case .gzip:
            faulty.body = GzipStored.wrap(response.body)
            faulty.headers.append(("Content-Encoding", "gzip"))
        }
        return faulty
    }

    /// A JSON list page with `next_page_uri` set to what `next` says (nil leaves it); nil for any other body.
    private static func rewritePage(_ body: [UInt8], next: ([String: Any]) -> String?) -> [UInt8]? {
        guard var page = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
              page.keys.contains("next_page_uri"), let uri = next(page) else { return nil }
        page["next_page_uri"] = uri
        return (try? JSONSerialization.data(withJSONObject: page, options: [.withoutEscapingSlashes])).map { Array($0) }
    }
}
