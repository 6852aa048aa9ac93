import ConferenceSimulator
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("Calls and conference recordings through the client")
struct CallAndRecordingTests {
    /// The field a request was refused for before it was sent.
    static func invalidField(_ error: any Error) -> String? {
        guard case .invalid(let problems, _)? = error as? TwilioError else { return nil }
        return problems.first?.field
    }

    @Test func fetchesEveryParticipantsCall() async throws {
        try await SimulatorHarness.run(participants: 8) { h in
            let standup = try #require(h.conference(named: "standup"))
            let participants = try await h.client.listParticipants(conferenceSid: standup.sid)
            var names: [String] = []
            for participant in participants {
                let call = try await h.client.fetchCall(sid: participant.callSid)
                #expect(call == h.simulator.call(sid: participant.callSid), "decoded as the simulator holds it")
                #expect(call.sid == participant.callSid && call.accountSid == SimulatorHarness.accountSid)
                #expect(call.status == .inProgress && call.startTime != nil && call.endTime == nil)
                #expect(call.direction == .inbound || call.direction == .outboundAPI)
                #expect(call.otherParty != nil)
                var unlabelled = participant
                unlabelled.label = nil
                names.append(unlabelled.name(call: call))
            }
            // Without labels, everyone is still named by their call: a caller name, a number or an identity.
            #expect(!names.contains { $0.hasPrefix("CA") }, "\(names)")
            #expect(names.contains { $0.hasPrefix("client:") })
        }
    }

    @Test func aDialOutsCallEndsCompletedAndStaysFetchable() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
            #expect(try await h.client.fetchCall(sid: created.callSid).status == .queued)
            h.clock.advance(by: 3)
            let answered = try await h.client.fetchCall(sid: created.callSid)
            #expect(answered.status == .inProgress && answered.direction == .outboundAPI && answered.otherNumber == "(555) 867-5310")
            h.clock.advance(by: 12)
            try await h.client.deleteParticipant(conferenceSid: sid, participant: created.callSid)
            let ended = try await h.client.fetchCall(sid: created.callSid)
            #expect(ended.status == .completed && ended.duration == "12" && ended.endTime == h.clock.now)
        }
    }

    @Test func aBadOrUnknownCallSidFails() async throws {
        try await SimulatorHarness.run { h in
            let before = h.simulator.requests().count
            await #expect {
                _ = try await h.client.fetchCall(sid: "moderator")
            } throws: { error in Self.invalidField(error) == "CallSid" }
            #expect(h.simulator.requests().count == before, "refused before it was sent")
            await #expect {
                _ = try await h.client.fetchCall(sid: "CA00000000000000000000000000000000")
            } throws: { error in (error as? TwilioError)?.code == 20404 }
        }
    }

    @Test func listsPausesResumesAndStopsTheRecording() async throws {
        try await SimulatorHarness.run { h in
            let standup = try #require(h.conference(named: "standup"))
            let recordings = try await h.client.listConferenceRecordings(conferenceSid: standup.sid)
            let recording = try #require(recordings.first)
            #expect(recordings.count == 1 && recording.status == .inProgress && recording.duration == nil)
            #expect(recording.startTime == standup.dateCreated && recording.conferenceSid == standup.sid && recording.channels == 1)
            #expect(try await h.client.fetchConferenceRecording(conferenceSid: standup.sid, sid: recording.sid) == recording)
            h.clock.advance(by: 5)
            let paused = try await h.client.updateConferenceRecording(conferenceSid: standup.sid, sid: recording.sid, RecordingUpdate(status: .paused, pauseBehavior: .skip))
            #expect(paused.status == .paused && paused.sid == recording.sid)
            let resumed = try await h.client.updateConferenceRecording(conferenceSid: standup.sid, sid: recording.sid, RecordingUpdate(status: .inProgress))
            #expect(resumed.status == .inProgress && resumed.sid == recording.sid)
            let stopped = try await h.client.updateConferenceRecording(conferenceSid: standup.sid, sid: recording.sid, RecordingUpdate(status: .stopped))
            #expect(stopped.status == .stopped)
            let after = try await h.client.listConferenceRecordings(conferenceSid: standup.sid)
            #expect(after.map(\.status) == [.completed] && after.first?.duration != nil)
            #expect(try await h.client.listConferenceRecordings(conferenceSid: try #require(h.conference(named: "incident-bridge")).sid).isEmpty)
        }
    }

    @Test func aStatusThatCannotBeSetIsRefusedBeforeSendingAndByTheSimulator() async throws {
        try await SimulatorHarness.run { h in
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let before = h.simulator.requests().count
            await #expect {
                _ = try await h.client.updateConferenceRecording(conferenceSid: standup.sid, sid: sid, RecordingUpdate(status: .completed))
            } throws: { error in Self.invalidField(error) == "Status" }
            #expect(h.simulator.requests().count == before)
            await #expect {
                _ = try await h.client.updateConferenceRecording(conferenceSid: standup.sid, sid: "RE00000000000000000000000000000000", RecordingUpdate(status: .paused))
            } throws: { error in (error as? TwilioError)?.code == 20404 }
        }
    }

    /// The one description of a write: a recording action goes out as any other does.
    @Test func performSendsARecordingAction() async throws {
        try await SimulatorHarness.run { h in
            let standup = try #require(h.conference(named: "standup"))
            let sid = try #require(h.simulator.recordings(conferenceSid: standup.sid).first?.sid)
            let pause = ConferenceAction.recording(sid: sid, RecordingUpdate(status: .paused, pauseBehavior: .silence))
            #expect(pause.verb == "pause the recording")
            #expect(try await h.client.perform(pause.write, conference: standup.sid) == nil)
            #expect(h.simulator.recordings(conferenceSid: standup.sid).first?.status == .paused)
            let last = try #require(h.simulator.requests().last)
            #expect(last.method == "POST" && last.path.hasSuffix("/Conferences/\(standup.sid)/Recordings/\(sid).json") && last.status == 200)
            let resume = ConferenceAction.recording(sid: sid, RecordingUpdate(status: .inProgress))
            _ = try await h.client.perform(resume.write, conference: standup.sid)
            #expect(h.simulator.recordings(conferenceSid: standup.sid).first?.status == .inProgress)
            _ = try await h.client.perform(ConferenceAction.recording(sid: sid, RecordingUpdate(status: .stopped)).write, conference: standup.sid)
            #expect(h.simulator.recordings(conferenceSid: standup.sid).first?.status == .completed)
        }
    }
}
