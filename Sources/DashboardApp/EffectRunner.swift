import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// Carries out the reducer's effects through the shared client and the poller; results come back
/// to the UI loop as messages. Every action ends in exactly one `actionFinished`, and one line in
/// the audit trail.
final class EffectRunner: Sendable {
    let client: TwilioConferencesClient
    let poller: Poller
    let post: @Sendable (Message) -> Void
    let audit: AuditTrail?
    let readOnly: Bool
    /// A bulk action's parts go out a few at a time. A single key's action is never queued: the reducer
    /// lets one of each kind be pending per participant, so a burst of presses is one request, and
    /// actions on different participants never wait behind each other (nor behind a bulk action).
    private let bulkGate = ActionGate(limit: 4)
    /// Blocking file work (exports) happens here, off Swift's shared thread pool.
    private let fileQueue = DispatchQueue(label: "confwatch.files")

    init(client: TwilioConferencesClient, poller: Poller, audit: AuditTrail? = nil, readOnly: Bool = false, post: @escaping @Sendable (Message) -> Void) {
        self.client = client
        self.poller = poller
        self.audit = audit
        self.readOnly = readOnly
        self.post = post
    }

    /// Runs `effects`; returns true when one of them is `.quit`.
    func run(_ effects: [Effect]) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .watch(let sid, let filter): poller.watch(conferenceSid: sid, filter: filter)
            case .refreshNow: poller.refreshNow()
            case .stopPolling: poller.stop()
            case .perform(let request): perform(request)
            case .loadConferences: loadConferences()
            case .countParticipants(let sid): countParticipants(sid)
            case .loadAudit: loadAudit()
            case .findConference(let name): findConference(name)
            case .fetchCall(let sid): fetchCall(sid)
            case .loadRecordings(let sid): loadRecordings(sid)
            case .exportTimeline(let path, let lines): export(lines, to: path)
            case .quit: quit = true
            }
        }
        return quit
    }

    private func perform(_ request: ActionRequest) {
        let client = self.client, post = self.post, audit = self.audit
        let gate = request.lane == .bulk ? bulkGate : nil
        guard !readOnly else {
            // The reducer never asks in read-only mode; this is the second lock on the door.
            post(.actionFinished(id: request.id, .failed("read-only: nothing is sent"), at: Date()))
            return
        }
        Task {
            await gate?.enter()
            var failure: (any Error)?
            let outcome: ActionOutcome
            do {
                outcome = .done(try await Self.send(request, client: client))
            } catch {
                failure = error
                // A dial-out with no clear answer may be ringing: it must not read as refused.
                let unclear = (error as? TwilioError)?.mayHaveTakenEffect ?? true
                if case .dial = request.action, unclear {
                    outcome = .uncertain(FailureText.short(error))
                } else {
                    let name = request.participantName ?? request.action.callSid.map(SID.short) ?? ""
                    outcome = .failed(FailureText.action(error, request.action, name: name))
                }
            }
            gate?.leave()
            // Handed to the audit trail's own queue (a file that blocks never holds up anything else),
            // before the result is told, so the record is always on its way by then.
            let record = AuditTrail.record(request, source: "dashboard", account: client.credentials.accountSid, error: failure)
            audit?.append(record, secrets: request.action.write.secretValues) { problem in
                if let problem { post(.auditWriteFailed(problem)) }
            }
            post(.actionFinished(id: request.id, outcome, at: Date()))
        }
    }

    /// Sends one action through the client: the participant as the API returns it, when there is one.
    static func send(_ request: ActionRequest, client: TwilioConferencesClient) async throws -> Participant? {
        guard let conferenceSid = request.conferenceSid else { throw TwilioError.notFound(what: "conference", hint: "choose one with c") }
        return try await client.perform(request.action.write, conference: conferenceSid)
    }

    /// Conferences in progress, for the overview; their counts are read apart, as the overview asks.
    private func loadConferences() {
        let client = self.client, post = self.post
        Task {
            do {
                let conferences = try await client.listConferences(filter: ConferenceFilter(status: .inProgress), limit: 200)
                post(.conferencesLoaded(conferences.map { ConferenceSummary(conference: $0) }))
            } catch {
                post(.conferencesFailed(FailureText.short(error)))
            }
        }
    }

    /// One conference's participant counts, for the overview (which paces these).
    private func countParticipants(_ conferenceSid: String) {
        let client = self.client, post = self.post
        Task {
            let people = try? await client.listParticipants(conferenceSid: conferenceSid, retry: .never)
            post(.overviewCounted(conferenceSid: conferenceSid, people.map { ConferenceCounts($0) }))
        }
    }

    /// Reads the audit trail on its own queue (a file that blocks holds up the viewer alone).
    private func loadAudit() {
        let post = self.post
        guard let audit else { return post(.auditLoaded([], otherAccounts: 0)) }
        audit.read(account: client.credentials.accountSid) { result in
            switch result {
            case .success(let found): post(.auditLoaded(found.records, otherAccounts: found.otherAccounts))
            case .failure(let problem): post(.auditFailed(problem.description))
            }
        }
    }

    /// Reads a participant's call once; a 429's Retry-After goes back with the failure (the reducer waits it out).
    private func fetchCall(_ sid: String) {
        let client = self.client, post = self.post
        Task {
            do {
                post(.callFetched(try await client.fetchCall(sid: sid, retry: .never)))
            } catch {
                post(.callFailed(callSid: sid, reason: FailureText.short(error), retryAfter: (error as? TwilioError)?.pollRetryAfter))
            }
        }
    }

    /// Writes the timeline (readable by the owner only), on the file queue, never the shared pool.
    private func export(_ lines: [String], to path: String) {
        let post = self.post
        fileQueue.async {
            let expanded = path.hasPrefix("~/") ? NSHomeDirectory() + String(path.dropFirst(1)) : path
            let url = URL(fileURLWithPath: expanded)
            let data = Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8)
            if FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) {
                post(.exported(path: url.path, count: lines.count))
            } else {
                post(.exportFailed("cannot write \(url.path): \(String(cString: strerror(errno))); give a path in a folder you can write to"))
            }
        }
    }

    private func loadRecordings(_ conferenceSid: String) {
        let client = self.client, post = self.post
        Task {
            do {
                post(.recordingsLoaded(try await client.listConferenceRecordings(conferenceSid: conferenceSid)))
            } catch {
                post(.recordingsFailed(FailureText.short(error)))
            }
        }
    }

    private func findConference(_ name: String) {
        let client = self.client, post = self.post
        Task {
            do { post(.conferenceFound(try await client.resolveConference(name))) } catch { post(.conferenceNotFound(FailureText.short(error))) }
        }
    }
}
