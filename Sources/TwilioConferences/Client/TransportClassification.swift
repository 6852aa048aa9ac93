import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import TwilioModels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TwilioConferencesClient {
    /// What went wrong under HTTP, read from the error's type (NIO's, AsyncHTTPClient's, NIOSSL's),
    /// never from its text; nil for errors that are not about the connection.
    func transportFailure(_ error: any Error) -> TransportFailure? {
        let host = endpoint.hostAndPort
        switch error {
        case let error as IOError: return Self.failure(errno: error.errnoCode, host: host)
        case let error as NIOConnectionError:
            // Every address tried failed; the first connection error says why, else the name did not resolve.
            if let first = error.connectionErrors.first { return transportFailure(first.error) ?? .other(detail: "cannot connect to \(host)") }
            return .unresolved(host: host)
        case is SocketAddressError.UnknownHost: return .unresolved(host: host)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .tls(host: host, detail: TwilioError.oneLine(String(describing: error), limit: 120))
        case let error as HTTPParserError:
            if case .invalidEOFState = error { return .closedEarly }
            return .invalidHTTP(detail: "\(error)")
        case let error as ChannelError:
            switch error {
            case .ioOnClosedChannel, .eof, .outputClosed, .alreadyClosed, .inputClosed: return .closedEarly
            default: return .other(detail: TwilioError.oneLine(String(describing: error), limit: 160))
            }
        case let error as HTTPClientError where error == .remoteConnectionClosed: return .closedEarly
        default: return nil
        }
    }

    /// A failed system call on the connection, by its errno.
    static func failure(errno code: CInt, host: String) -> TransportFailure {
        switch code {
        case ECONNREFUSED: .refused(host: host)
        case ENETUNREACH, EHOSTUNREACH: .unreachable(host: host)
        case ECONNRESET, EPIPE, ECONNABORTED: .reset(host: host)
        default: .other(detail: "\(String(cString: strerror(code))) talking to \(host)")
        }
    }
}
