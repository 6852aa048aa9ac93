import Testing
@testable import TwilioModels

@Suite("Checking parameters before anything is sent")
struct ValidationTests {
    @Test(arguments: ["+15558675310", "+442071838750", "client:alice", "client:agent_7.b", "sip:alice@example.com", "sip:bob@10.0.0.1:5060;transport=tls", "sips:x@y",
                      "app:AP0123456789abcdef0123456789abcdef"])
    func acceptsEveryKindOfTo(to: String) {
        #expect(AddressRules.checkTo(to) == nil)
    }

    @Test(arguments: ["", "15558675310", "+0123", "+1555867531012345", "+1 555 867 5310", "client:", "client:has space", "sip:nohost@", "sip:@host", "tel:+15558675310", "alice", "app:AP12", "app:CA0123456789abcdef0123456789abcdef"])
    func refusesBadTo(to: String) throws {
        let error = try #require(AddressRules.checkTo(to))
        #expect(error.field == "To")
        #expect(!error.fix.isEmpty)
    }

    @Test func fromTakesNumbersAndClientsOnly() {
        #expect(AddressRules.checkFrom("+15017122661") == nil)
        #expect(AddressRules.checkFrom("client:supervisor") == nil)
        #expect(AddressRules.checkFrom("sip:a@b")?.field == "From")
        #expect(AddressRules.checkFrom("")?.problem == "is required")
        #expect(AddressRules.checkFrom("")?.code == 21213)
    }

    /// Twilio: a phone-number To needs a phone-number From; a SIP To may take a SIP user name.
    @Test func fromDependsOnWhatToCalls() {
        #expect(AddressRules.checkFrom("client:supervisor", to: "+15558675310")?.code == 21212)
        #expect(AddressRules.checkFrom("+15017122661", to: "+15558675310") == nil)
        #expect(AddressRules.checkFrom("alice", to: "sip:bob@example.com") == nil)
        #expect(AddressRules.checkFrom("client:alice", to: "sip:bob@example.com") == nil)
        #expect(AddressRules.checkFrom("alice", to: "client:bob")?.code == 21212)
        #expect(AddressRules.checkFrom("client:alice", to: "app:AP0123456789abcdef0123456789abcdef") == nil)
        var p = CreateParticipant(to: "+15558675310", from: "client:supervisor")
        #expect(p.validate().map(\.code) == [21212])
        p = CreateParticipant(to: "sip:bob@example.com", from: "alice")
        #expect(p.validate().isEmpty)
        p.callerId = "client:alice"
        #expect(p.validate().isEmpty)
        p = CreateParticipant(to: "+15558675310", from: "+15017122661")
        p.callerId = "client:alice"
        #expect(p.validate().map(\.field) == ["CallerId"])
    }

    @Test func anEmptyWaitUrlIsSentAsPlayNothing() {
        var p = CreateParticipant(to: "+15558675310", from: "+15017122661")
        p.waitUrl = ""
        #expect(p.validate().isEmpty)
        #expect(p.formFields.contains { $0 == ("WaitUrl", "") })
        #expect(ParticipantUpdate(waitUrl: "").validate().isEmpty)
        #expect(ParticipantUpdate(holdUrl: "").validate().map(\.code) == [21205], "only WaitUrl means nothing when empty")
    }

    @Test func urlsMustBeAbsoluteHTTP() {
        #expect(AddressRules.checkURL("https://example.com/hold.mp3", field: "HoldUrl") == nil)
        #expect(AddressRules.checkURL("http://127.0.0.1:9/x?y=1", field: "HoldUrl") == nil)
        #expect(AddressRules.checkURL("www.myapp.com/hold", field: "HoldUrl")?.field == "HoldUrl")
        #expect(AddressRules.checkURL("www.myapp.com/hold", field: "HoldUrl")?.code == 21205)
        #expect(AddressRules.checkURL("ftp://example.com/x", field: "WaitUrl") != nil)
        #expect(AddressRules.checkURL("https://exa mple.com", field: "WaitUrl") != nil)
        #expect(AddressRules.checkURL("https://", field: "WaitUrl") != nil)
    }

    @Test func labelsFollowTwiliosRules() {
        #expect(AddressRules.checkLabel("guest one") == nil)
        #expect(AddressRules.checkLabel("a/b")?.code == 16024)
        #expect(AddressRules.checkLabel("a%2Fb")?.code == 16024)
        #expect(AddressRules.checkLabel("a%2fb") != nil)
        #expect(AddressRules.checkLabel(String(repeating: "x", count: 129)) != nil)
        #expect(AddressRules.checkLabel("CA386025c9bf5d6052a1d1ea42b4d16662") != nil)
        #expect(AddressRules.checkLabel("") != nil)
    }

    @Test func createChecksEveryRangeAndChoice() {
        var p = CreateParticipant(to: "+15558675310", from: "+15017122661")
        #expect(p.validate().isEmpty)
        p.timeout = 4
        p.maxParticipants = 251
        p.statusCallback = "not a url"
        p.coaching = true
        p.machineDetectionTimeout = 60
        let fields = Set(p.validate().map(\.field))
        #expect(fields == ["Timeout", "MaxParticipants", "StatusCallback", "Coaching", "MachineDetectionTimeout"])
        p = CreateParticipant(to: "+15558675310", from: "+15017122661")
        p.timeout = 5
        p.maxParticipants = 2
        p.statusCallbackEvent = CallStatusEvent.allCases
        #expect(p.validate().isEmpty)
        p.timeout = 600
        p.maxParticipants = 250
        #expect(p.validate().isEmpty)
    }

    @Test func createDescriptionHidesTheSIPPassword() {
        var p = CreateParticipant(to: "sip:a@b.example", from: "+15017122661")
        p.sipAuthUsername = "agent"
        p.sipAuthPassword = "hunter2-sip-secret"
        p.callToken = "call-token-secret"
        #expect(!p.description.contains("hunter2-sip-secret"))
        #expect(!p.description.contains("call-token-secret"))
        #expect(p.description.contains("SipAuthPassword=<redacted>"))
        #expect(p.formFields.contains { $0 == ("SipAuthPassword", "hunter2-sip-secret") })
    }

    @Test func updateSendsOnlyWhatIsSet() {
        let update = ParticipantUpdate(hold: true, holdUrl: "https://example.com/music.mp3", holdMethod: .POST)
        #expect(update.formFields.map(\.0) == ["Hold", "HoldUrl", "HoldMethod"])
        #expect(update.formFields.map(\.1) == ["true", "https://example.com/music.mp3", "POST"])
        #expect(update.validate().isEmpty)
        #expect(ParticipantUpdate(holdUrl: "music.mp3").validate().first?.field == "HoldUrl")
        #expect(ParticipantUpdate(coaching: true).validate().first?.field == "Coaching")
        #expect(ParticipantUpdate(muted: true).isSafeToRetry)
        #expect(!ParticipantUpdate(announceUrl: "https://example.com/a.mp3").isSafeToRetry)
    }

    @Test func filtersGoOnTheWireInLowerCase() {
        #expect(ParticipantFilter(muted: true, hold: false, coaching: true).queryItems.map { "\($0.0)=\($0.1)" } == ["Muted=true", "Hold=false", "Coaching=true"])
        #expect(ParticipantFilter.all.queryItems.isEmpty)
        let conference = ConferenceFilter(status: .inProgress, friendlyName: "standup", dateCreatedBefore: "2026-11-25")
        #expect(conference.queryItems.map(\.0) == ["Status", "FriendlyName", "DateCreated<"])
        #expect(ConferenceFilter(dateUpdatedAfter: "yesterday").validate().first?.field == "DateUpdated>")
    }
}
