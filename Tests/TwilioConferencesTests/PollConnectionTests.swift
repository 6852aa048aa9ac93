import NIOCore
import Testing
@testable import TwilioConferences
@testable import TwilioModels

/// The reads' own kept-alive connection (`PollConnection`): one connection for poll after poll, a
/// connection the server closed opened again without a failed poll, and a second read while one
/// is out sent through the pool rather than queued behind it.
@Suite("The reads' kept-alive connection", .timeLimit(.minutes(1)))
struct PollConnectionTests {
    static let conference = "CF" + String(repeating: "0", count: 32)

    static func client(_ server: CountingServer) throws -> TwilioConferencesClient {
        TwilioConferencesClient(
            credentials: Credentials(accountSid: "AC" + String(repeating: "0", count: 32), authToken: Secret("token")),
            endpoint: try APIEndpoint.parse(server.baseURL, source: "test"),
            configuration: ClientConfiguration(requestTimeout: 30, retryPolicy: .never))
    }

    @Test func pollAfterPollTravelsOnOneConnection() async throws {
        let server = try await CountingServer.start()
        let client = try Self.client(server)
        let poll = ParticipantsPoll()
        for _ in 0..<20 { _ = try await client.pollParticipants(conferenceSid: Self.conference, through: poll) }
        #expect(server.requests == 20)
        #expect(server.connections == 1, "kept alive: \(server.connections) connections for 20 polls")
        await client.shutdown()
        await server.stop()
    }

    @Test func aConnectionTheServerClosesIsOpenedAgainForTheNextPoll() async throws {
        let server = try await CountingServer.start(closeAfterAnswer: true)
        let client = try Self.client(server)
        let poll = ParticipantsPoll()
        for _ in 0..<5 { _ = try await client.pollParticipants(conferenceSid: Self.conference, through: poll) }
        #expect(server.requests == 5 && server.connections == 5)
        await client.shutdown()
        await server.stop()
    }

    /// The server answers nothing until two requests wait at once: a second read queued behind the
    /// first would leave both unanswered until their deadline.
    @Test func aSecondReadWhileOneIsOutIsNotQueuedBehindIt() async throws {
        let server = try await CountingServer.start(holdUntilWaiting: 2)
        let client = try Self.client(server)
        async let first = client.pollParticipants(conferenceSid: Self.conference, through: ParticipantsPoll())
        async let second = client.pollParticipants(conferenceSid: Self.conference, through: ParticipantsPoll())
        _ = try await (first, second)
        #expect(server.requests == 2)
        #expect(server.connections >= 2, "the second read went out on a connection of its own")
        await client.shutdown()
        await server.stop()
    }

    /// The reads' connection writes the URI into the request line as it is: a next page whose URI
    /// carries CR LF never goes out raw there (the pool's way percent-encodes it), so no header is smuggled in.
    @Test func aNextPageWithALineBreakSmugglesNoHeader() async throws {
        let account = "AC" + String(repeating: "0", count: 32)
        let next = "/2010-04-01/Accounts/\(account)/Conferences/\(Self.conference)/Participants.json?Page=1\\r\\nX-Smuggled: 1"
        let server = try await CountingServer.start(page: #"{"participants":[],"next_page_uri":""# + next + #""}"#)
        let client = try Self.client(server)
        _ = try? await client.pollParticipants(conferenceSid: Self.conference, through: ParticipantsPoll())
        #expect(server.requests >= 1)
        #expect(server.smuggled == 0, "a header came in through next_page_uri")
        await client.shutdown()
        await server.stop()
    }
}
