import DashboardCore
import Foundation
import TwilioConferences

/// Carries out the reducer's effects through the shared client and the poller; results come back
/// to the UI loop as messages. Every action ends in exactly one `actionFinished`, and one line in
/// the audit trail.
final class EffectRunner: Sendable {
    let client: TwilioConferencesClient
    let poller: Poller
    let post: @Sendable (Message) -> Void
    let audit: AuditTrail?
    let readOnly: Bool
    private let gate = ActionGate()

    /// What the runner needs to know of the state to act and to write the audit trail.
    struct Context {
        var conferenceSid: String?
        var conference: String?
        var names: [String: String] = [:]
    }

    init(client: TwilioConferencesClient, poller: Poller, audit: AuditTrail? = nil, readOnly: Bool = false, post: @escaping @Sendable (Message) -> Void) {
        self.client = client
        self.poller = poller
        self.audit = audit
        self.readOnly = readOnly
        self.post = post
    }

    /// Runs `effects`; returns true when one of them is `.quit`.
    func run(_ effects: [Effect], names: [String: String], conferenceSid: String?) -> Bool {
        run(effects, Context(conferenceSid: conferenceSid, names: names))
    }

    func run(_ effects: [Effect], _ context: Context) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .watch(let sid, let filter): poller.watch(conferenceSid: sid, filter: filter)
            case .refreshNow: poller.refreshNow()
            case .stopPolling: poller.stop()
            case .perform(let id, let action): perform(id, action, context)
            case .loadConferences: loadConferences()
            case .loadAudit: loadAudit()
            case .findConference(let name): findConference(name)
            case .quit: quit = true
            }
        }
        return quit
    }

    private func perform(_ id: Int, _ action: Action, _ context: Context) {
        let client = self.client, post = self.post, audit = self.audit, gate = self.gate
        let name = action.callSid.map { context.names[$0] ?? DashboardState.shortSid($0) } ?? ""
        guard !readOnly else {
            // The reducer never asks in read-only mode; this is the second lock on the door.
            post(.actionFinished(id: id, .failed("read-only: nothing is sent"), at: Date()))
            return
        }
        Task {
            await gate.enter()
            var failure: (any Error)?
            let outcome: ActionOutcome
            do {
                outcome = .done(try await Self.send(action, client: client, conferenceSid: context.conferenceSid))
            } catch {
                failure = error
                // A dial-out with no clear answer may be ringing: it must not read as refused.
                let unclear = (error as? TwilioError)?.mayHaveTakenEffect ?? true
                if case .dial = action, unclear {
                    outcome = .uncertain(FailureText.short(error))
                } else {
                    outcome = .failed(FailureText.action(error, action, name: name))
                }
            }
            gate.leave()
            post(.actionFinished(id: id, outcome, at: Date()))
            if let problem = audit?.append(AuditTrail.record(
                action, source: "dashboard", conferenceSid: context.conferenceSid, conference: context.conference,
                participant: Self.participantName(action, name), error: failure)) {
                post(.auditWriteFailed(problem))
            }
        }
    }

    /// Who an action is about, for the audit trail: the participant's name, or the label a dial-out gives.
    static func participantName(_ action: Action, _ name: String) -> String? {
        if case .dial(let request) = action { return request.label }
        return action.callSid == nil ? nil : name
    }

    /// Sends one action; the participant as the API returns it, when there is one.
    static func send(_ action: Action, client: TwilioConferencesClient, conferenceSid: String?) async throws -> Participant? {
        guard let conferenceSid else { throw TwilioError.notFound(what: "conference", hint: "choose one with c") }
        switch action {
        case .mute(let sid, let on):
            return try await client.updateParticipant(conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(muted: on))
        case .hold(let sid, let on, let url, let method):
            return try await client.updateParticipant(conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(hold: on, holdUrl: url, holdMethod: method))
        case .kick(let sid):
            try await client.deleteParticipant(conferenceSid: conferenceSid, participant: sid)
            return nil
        case .dial(let request):
            return try await client.createParticipant(conference: conferenceSid, request)
        case .coach(let sid, let on, let target):
            return try await client.updateParticipant(
                conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(coaching: on, callSidToCoach: on ? target : nil))
        case .announce(let sid?, let url):
            return try await client.updateParticipant(conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(announceUrl: url))
        case .announce(nil, let url):
            _ = try await client.updateConference(sid: conferenceSid, ConferenceUpdate(announceUrl: url))
            return nil
        case .endConference:
            _ = try await client.updateConference(sid: conferenceSid, ConferenceUpdate(endConference: true))
            return nil
        }
    }

    /// Conferences in progress, each with its participant counts (a few requests at a time).
    private func loadConferences() {
        let client = self.client, post = self.post
        Task {
            do {
                let conferences = try await client.listConferences(filter: ConferenceFilter(status: .inProgress), limit: 200)
                let summaries = await withTaskGroup(of: (Int, ConferenceSummary).self) { group in
                    var results: [Int: ConferenceSummary] = [:]
                    var next = 0
                    func add(_ index: Int) {
                        let conference = conferences[index]
                        group.addTask {
                            guard let people = try? await client.listParticipants(conferenceSid: conference.sid) else {
                                return (index, ConferenceSummary(conference: conference))
                            }
                            return (index, ConferenceSummary(
                                conference: conference, participants: people.count,
                                muted: people.filter(\.muted).count, held: people.filter(\.hold).count))
                        }
                    }
                    while next < min(6, conferences.count) { add(next); next += 1 }
                    for await (index, summary) in group {
                        results[index] = summary
                        if next < conferences.count { add(next); next += 1 }
                    }
                    return conferences.indices.compactMap { results[$0] }
                }
                post(.conferencesLoaded(summaries))
            } catch {
                post(.conferencesFailed(FailureText.short(error)))
            }
        }
    }

    private func loadAudit() {
        let audit = self.audit, post = self.post
        Task {
            guard let audit else { return post(.auditLoaded([])) }
            do { post(.auditLoaded(try audit.tail())) } catch { post(.auditFailed(error.localizedDescription)) }
        }
    }

    private func findConference(_ name: String) {
        let client = self.client, post = self.post
        Task {
            do { post(.conferenceFound(try await client.resolveConference(name))) } catch { post(.conferenceNotFound(FailureText.short(error))) }
        }
    }
}
