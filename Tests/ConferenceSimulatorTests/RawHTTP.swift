import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport

/// Plain HTTP to the simulator, for what the typed client never sends (XML paths, wrong methods, bad auth).
struct RawHTTP {
    let baseURL: String
    var username = SimulatorHarness.accountSid
    var password = SimulatorHarness.authToken

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    func send(_ method: HTTPMethod, _ path: String, form: String? = nil, authorization: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: authorization ?? "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 50 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }

    static func accountPath() -> String { "/2010-04-01/Accounts/\(SimulatorHarness.accountSid)" }
}
