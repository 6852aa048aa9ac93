import ConferenceSimulator
import Foundation
import NIOHTTP1
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("The simulator serves Conference Recordings")
struct RecordingContractTests {
    let account = RawHTTP.accountPath()

    func recordingsPath(_ conference: String) -> String { "\(account)/Conferences/\(conference)/Recordings" }

    func list(_ raw: RawHTTP, _ conference: String, _ query: String = "") async throws -> [[String: Any]] {
        let answer = try await raw.send(.GET, recordingsPath(conference) + ".json" + query)
        #expect(answer.status == 200, "\(answer.body)")
        return try #require(answer.json?["recordings"] as? [[String: Any]])
    }

    func update(_ raw: RawHTTP, _ conference: String, _ sid: String, _ form: String) async throws -> RawHTTP.Answer {
        try await raw.send(.POST, recordingsPath(conference) + "/\(sid).json", form: form)
    }

    @Test func standupIsRecordedFromItsStart() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let answer = try await raw.send(.GET, recordingsPath(standup.sid) + ".json")
            let envelope = try #require(answer.json)
            for key in ["page", "page_size", "first_page_uri", "next_page_uri", "previous_page_uri", "uri", "start", "end", "recordings"] {
                #expect(envelope.keys.contains(key), "\(key)")
            }
            #expect((envelope["first_page_uri"] as? String)?.hasPrefix(recordingsPath(standup.sid) + ".json?") == true)
            let recordings = try #require(envelope["recordings"] as? [[String: Any]])
            #expect(recordings.count == 1)
            let recording = try #require(recordings.first)
            #expect(Set(recording.keys) == (try ContractSchema.properties("api.v2010.account.conference.conference_recording")))
            let sid = try #require(recording["sid"] as? String)
            #expect(SID.isValid(sid, prefix: "RE"))
            #expect(recording["status"] as? String == "in-progress")
            #expect(recording["conference_sid"] as? String == standup.sid)
            #expect(recording["call_sid"] as? String == h.simulator.participants(conferenceSid: standup.sid).first { $0.label == "moderator" }?.callSid)
            #expect(recording["start_time"] as? String == standup.dateCreated.map(RFC2822.string(from:)), "from the start")
            #expect(recording["source"] as? String == "Conference" && recording["channels"] as? Int == 1)
            #expect(recording["api_version"] as? String == "2010-04-01")
            for field in ["duration", "price", "price_unit", "error_code", "encryption_details"] {
                #expect(recording[field] is NSNull, "\(field) = \(String(describing: recording[field]))")
            }
            #expect(recording["uri"] as? String == recordingsPath(standup.sid) + "/\(sid).json")
            let fetched = try await raw.send(.GET, recordingsPath(standup.sid) + "/\(sid).json")
            #expect(fetched.status == 200 && fetched.json?["sid"] as? String == sid)
            let other = try #require(h.conference(named: "incident-bridge"))
            #expect(try await list(raw, other.sid).isEmpty, "only the first conference records from the start")
            #expect(h.simulator.recordings(conferenceSid: standup.sid).map(\.sid) == [sid])
        }
    }

    /// Pause and resume keep the same recording; stop ends it (`stopped`, then `completed` with its
    /// duration: a pause with `skip` is left out, one with `silence` kept).
    @Test func pauseResumeAndStop() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let started = try #require(standup.dateCreated)
            h.clock.advance(by: 10)
            let paused = try await update(raw, standup.sid, sid, "Status=paused&PauseBehavior=skip")
            #expect(paused.status == 200 && paused.json?["status"] as? String == "paused" && paused.json?["sid"] as? String == sid)
            #expect(paused.json?["date_updated"] as? String == RFC2822.string(from: h.clock.now))
            #expect(try await update(raw, standup.sid, sid, "Status=paused").json?["status"] as? String == "paused", "pausing again is harmless")
            h.clock.advance(by: 30)
            let resumed = try await update(raw, standup.sid, sid, "Status=in-progress")
            #expect(resumed.json?["status"] as? String == "in-progress" && resumed.json?["sid"] as? String == sid)
            h.clock.advance(by: 5)
            #expect(try await update(raw, standup.sid, sid, "Status=paused&PauseBehavior=silence").json?["status"] as? String == "paused")
            h.clock.advance(by: 7)
            let stopped = try await update(raw, standup.sid, sid, "Status=stopped")
            #expect(stopped.status == 200 && stopped.json?["status"] as? String == "stopped" && stopped.json?["duration"] is NSNull)
            let recordings = try await list(raw, standup.sid)
            #expect(recordings.count == 1 && recordings[0]["sid"] as? String == sid)
            #expect(recordings[0]["status"] as? String == "completed")
            let expected = Int(h.clock.now.timeIntervalSince(started)) - 30
            #expect(recordings[0]["duration"] as? String == String(expected), "the skipped pause is left out, the silent one kept")
            #expect(recordings[0]["price_unit"] as? String == "USD" && (recordings[0]["price"] as? String)?.hasPrefix("-0.") == true)
            let again = try await update(raw, standup.sid, sid, "Status=in-progress")
            #expect(again.status == 400 && again.json?["code"] as? Int == 21220, "a completed recording cannot be resumed")
        }
    }

    @Test func badUpdatesAreRefusedWithTwiliosCodes() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let cases: [(String, Int)] = [
                ("", 20001), ("PauseBehavior=skip", 20001), ("Status=recording", 20001), ("Status=Paused", 20001),
                ("Status=completed", 20001), ("Status=processing", 20001), ("Status=absent", 20001),
                ("Status=paused&PauseBehavior=loud", 20001), ("Status=paused&PauseBehavior=Skip", 20001),
            ]
            for (form, code) in cases {
                let answer = try await update(raw, standup.sid, sid, form)
                #expect(answer.status == 400 && answer.json?["code"] as? Int == code, "\(form): \(answer.body)")
            }
            #expect(h.simulator.recordings(conferenceSid: standup.sid).first?.status == .inProgress, "nothing changed")
            let unknown = try await update(raw, standup.sid, "RE00000000000000000000000000000000", "Status=paused")
            #expect(unknown.status == 404 && unknown.json?["code"] as? Int == 20404)
            #expect(try await raw.send(.GET, recordingsPath("CF00000000000000000000000000000000") + ".json").status == 404)
            #expect(try await raw.send(.GET, recordingsPath("standup") + ".json").status == 404, "a conference SID, not a friendly name")
            #expect(try await raw.send(.PUT, recordingsPath(standup.sid) + "/\(sid).json").status == 405)
            #expect(try await raw.send(.POST, recordingsPath(standup.sid) + ".json", form: "Status=paused").status == 405)
        }
    }

    @Test func twilioCurrentNamesTheRecordingInProgress() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let paused = try await update(raw, standup.sid, "Twilio.CURRENT", "Status=paused")
            #expect(paused.status == 200 && paused.json?["sid"] as? String == sid)
            #expect(try await update(raw, standup.sid, "Twilio.CURRENT", "Status=stopped").json?["status"] as? String == "stopped")
            #expect(try await update(raw, standup.sid, "Twilio.CURRENT", "Status=paused").status == 404, "none in progress now")
        }
    }

    @Test func xmlWithoutJSONAndDeleteAnswers204() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let one = try await raw.send(.GET, recordingsPath(standup.sid) + "/\(sid)")
            #expect(one.headers.first(name: "Content-Type")?.contains("xml") == true)
            #expect(one.body.contains("<TwilioResponse><Recording><Sid>\(sid)</Sid>") && one.body.contains("<Status>in-progress</Status>"))
            #expect(one.body.contains("<Duration/>") && one.body.contains("<Channels>1</Channels>"))
            #expect(one.body.contains("<Uri>\(recordingsPath(standup.sid))/\(sid)</Uri>"))
            let listing = try await raw.send(.GET, recordingsPath(standup.sid))
            #expect(listing.body.contains("<Recordings page=\"0\" pagesize=\"50\"") && listing.body.contains("<Recording><Sid>\(sid)</Sid>"))
            let paused = try await raw.send(.POST, recordingsPath(standup.sid) + "/\(sid)", form: "Status=paused")
            #expect(paused.body.contains("<Status>paused</Status>"))
            let deleted = try await raw.send(.DELETE, recordingsPath(standup.sid) + "/\(sid).json")
            #expect(deleted.status == 204 && deleted.body.isEmpty)
            #expect(try await raw.send(.GET, recordingsPath(standup.sid) + "/\(sid).json").status == 404)
            #expect(try await list(raw, standup.sid).isEmpty)
        }
    }

    @Test func theDateCreatedFiltersAndPagingWork() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let standup = try #require(h.conference(named: "standup"))
            let day = Self.isoDay(try #require(standup.dateCreated))
            #expect(try await list(raw, standup.sid, "?DateCreated=\(day)").count == 1)
            #expect(try await list(raw, standup.sid, "?DateCreated%3C=\(day)").count == 1)
            #expect(try await list(raw, standup.sid, "?DateCreated%3E=2099-01-01").isEmpty)
            #expect(try await list(raw, standup.sid, "?DateCreated%3C=2000-01-01").isEmpty)
            let bad = try await raw.send(.GET, recordingsPath(standup.sid) + ".json?DateCreated=yesterday")
            #expect(bad.status == 400 && bad.json?["code"] as? Int == 20001)
            // A second recording (stop, then a dial-out that records) pages newest first.
            _ = try await update(raw, standup.sid, "Twilio.CURRENT", "Status=stopped")
            _ = try await raw.send(.POST, "\(account)/Conferences/\(standup.sid)/Participants.json", form: "To=%2B15558675310&From=%2B15017122661&ConferenceRecord=true")
            h.clock.advance(by: 3)
            let first = try await raw.send(.GET, recordingsPath(standup.sid) + ".json?PageSize=1&DateCreated%3E=\(day)")
            let newest = try #require((first.json?["recordings"] as? [[String: Any]])?.first)
            #expect(newest["status"] as? String == "in-progress")
            let next = try #require(first.json?["next_page_uri"] as? String)
            #expect(next.contains("DateCreated%3E=\(day)") || next.contains("DateCreated>=\(day)"), "\(next)")
            let second = try await raw.send(.GET, next)
            #expect((second.json?["recordings"] as? [[String: Any]])?.first?["status"] as? String == "completed")
            #expect(second.json?["next_page_uri"] is NSNull)
        }
    }

    static func isoDay(_ date: Date) -> String {
        let (year, month, day) = RFC2822.civil(fromDays: Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    // MARK: ConferenceRecord

    /// `ConferenceRecord=record-from-start` (or `true`) starts a recording when the participant is
    /// answered, unless one is in progress; `do-not-record` and unanswered calls start none.
    @Test func aDialOutWithConferenceRecordStartsARecording() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let bridge = try #require(h.conference(named: "incident-bridge"))
            let path = "\(account)/Conferences/\(bridge.sid)/Participants.json"
            _ = try await raw.send(.POST, path, form: "To=%2B15558675301&From=%2B15017122661&ConferenceRecord=do-not-record")
            _ = try await raw.send(.POST, path, form: "To=%2B15005550010&From=%2B15017122661&ConferenceRecord=record-from-start")
            let recorder = try await raw.send(.POST, path, form: "To=%2B15558675302&From=%2B15017122661&ConferenceRecord=record-from-start")
            let recorderSid = try #require(recorder.json?["call_sid"] as? String)
            h.clock.advance(by: 2)
            #expect(h.simulator.recordings(conferenceSid: bridge.sid).isEmpty, "not before the call is answered")
            h.clock.advance(by: 1)
            let started = h.simulator.recordings(conferenceSid: bridge.sid)
            #expect(started.count == 1)
            #expect(started.first?.status == .inProgress && started.first?.callSid == recorderSid && started.first?.source == "OutboundAPI")
            #expect(started.first?.startTime == h.clock.now)
            _ = try await raw.send(.POST, path, form: "To=%2B15558675303&From=%2B15017122661&ConferenceRecord=true")
            h.clock.advance(by: 3)
            #expect(h.simulator.recordings(conferenceSid: bridge.sid).count == 1, "one recording at a time")
            let bad = try await raw.send(.POST, path, form: "To=%2B15558675304&From=%2B15017122661&ConferenceRecord=always")
            #expect(bad.status == 400 && bad.json?["code"] as? Int == 16002)
        }
    }

    @Test func aNewConferenceWithConferenceRecordIsRecordedFromItsStart() async throws {
        try await SimulatorHarness.run(conferences: 0) { h in
            var dial = CreateParticipant(to: "+15558675310", from: "+15017122661")
            dial.conferenceRecord = .true
            let created = try await h.client.createParticipant(conference: "AgentConf12", dial)
            h.clock.advance(by: 3)
            let conference = try #require(h.conference(named: "AgentConf12"))
            #expect(conference.status == .inProgress)
            let recording = try #require(h.simulator.recordings(conferenceSid: conference.sid).first)
            #expect(recording.callSid == created.callSid && recording.startTime == h.clock.now)
            h.clock.advance(by: 20)
            try await h.client.deleteParticipant(conferenceSid: conference.sid, participant: created.callSid)
            let ended = try #require(h.simulator.recordings(conferenceSid: conference.sid).first)
            #expect(ended.status == .completed && ended.duration == "20", "the conference ended, the recording with it")
        }
    }
}
