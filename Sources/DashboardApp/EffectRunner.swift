import DashboardCore
import Foundation
import TwilioConferences

/// Carries out the reducer's effects through the shared client and the poller; results come back
/// to the UI loop as messages. Every action ends in exactly one `actionFinished`.
final class EffectRunner: Sendable {
    let client: TwilioConferencesClient
    let poller: Poller
    let post: @Sendable (Message) -> Void

    init(client: TwilioConferencesClient, poller: Poller, post: @escaping @Sendable (Message) -> Void) {
        self.client = client
        self.poller = poller
        self.post = post
    }

    /// Runs `effects`; returns true when one of them is `.quit`.
    func run(_ effects: [Effect], names: [String: String], conferenceSid: String?) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .watch(let sid, let filter): poller.watch(conferenceSid: sid, filter: filter)
            case .refreshNow: poller.refreshNow()
            case .stopPolling: poller.stop()
            case .perform(let id, let action):
                let name = action.callSid.map { names[$0] ?? DashboardState.shortSid($0) } ?? ""
                perform(id, action, conferenceSid: conferenceSid, name: name)
            case .loadConferences: loadConferences()
            case .quit: quit = true
            }
        }
        return quit
    }

    private func perform(_ id: Int, _ action: Action, conferenceSid: String?, name: String) {
        let client = self.client, post = self.post
        Task {
            let outcome: ActionOutcome
            do {
                guard let conferenceSid else { throw TwilioError.notFound(what: "conference", hint: "choose one with c") }
                switch action {
                case .mute(let sid, let on):
                    outcome = .done(try await client.updateParticipant(conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(muted: on)))
                case .hold(let sid, let on, let url, let method):
                    outcome = .done(try await client.updateParticipant(
                        conferenceSid: conferenceSid, participant: sid, ParticipantUpdate(hold: on, holdUrl: url, holdMethod: method)))
                case .kick(let sid):
                    try await client.deleteParticipant(conferenceSid: conferenceSid, participant: sid)
                    outcome = .done(nil)
                case .dial(let request):
                    outcome = .done(try await client.createParticipant(conference: conferenceSid, request))
                }
            } catch {
                outcome = .failed(FailureText.action(error, action, name: name))
            }
            post(.actionFinished(id: id, outcome, at: Date()))
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
}
