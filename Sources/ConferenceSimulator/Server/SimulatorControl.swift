import Foundation
import TwilioModels

/// What a participant is doing beyond the API resource: hold music, announcements, and their call's
/// numbers (a dial-out's `To` and `From`).
public struct ParticipantExtras: Sendable, Hashable, Codable {
    public var callSid: String
    public var holdUrl: String?
    public var holdMethod: String?
    public var waitUrl: String?
    public var waitMethod: String?
    public var beepOnExit: Bool
    public var lastAnnounceUrl: String?
    public var to: String?
    public var from: String?
}

/// Control of a running simulator, in process (tests, demo) and over HTTP under `/_sim/`
/// (tests that drive a separate `confwatch sim` process). The HTTP form needs the same Basic auth.
extension ConferenceSimulator {
    /// Replaces the faults in force; an empty list clears them.
    public func setFaults(_ rules: [FaultRule]) {
        core.withLock { $0.faults.rules = rules }
    }

    public var faults: [FaultRule] { core.withLock { $0.faults.rules } }

    /// The API requests seen since the start (or the last `clearRequests`), oldest first.
    public func requests() -> [LoggedRequest] { core.withLock { $0.log.entries } }

    /// How many API requests matched `method` (any when nil) and whose path contains `pathContains`.
    public func requestCount(method: String? = nil, pathContains: String? = nil) -> Int {
        requests().filter { entry in
            (method.map { entry.method == $0 } ?? true) && (pathContains.map { entry.path.contains($0) } ?? true)
        }.count
    }

    /// Waits, without polling, until at least `count` API requests have been answered (a hanging one
    /// counts once it has begun to hang) since the start or the last `clearRequests`.
    public func waitForRequests(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = core.withLock { core -> Bool in
                if core.log.total >= count { return true }
                core.requestWaiters.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    public func clearRequests() {
        core.withLock { core in
            core.log.clear()
            core.maxInFlight = core.inFlight
        }
    }

    /// The most API requests it has been answering at the same time (since the start or `clearRequests`).
    public var maxConcurrentRequests: Int { core.withLock { $0.maxInFlight } }

    /// Conferences as the API would list them now (newest first), ended ones included.
    public func conferences() -> [Conference] {
        let now = configuration.clock.now
        return core.withLock { core in
            core.state.advance(to: now)
            return core.state.conferences.filter { !$0.vanished }.sorted { $0.dateCreated > $1.dateCreated }
                .map { $0.resource(accountSid: configuration.accountSid) }
        }
    }

    /// The participants of a conference now, in join order.
    public func participants(conferenceSid: String) -> [Participant] {
        let now = configuration.clock.now
        return core.withLock { core in
            core.state.advance(to: now)
            guard let c = core.state.conferenceIndex(sid: conferenceSid) else { return [] }
            return core.state.conferences[c].participants.map { $0.resource(accountSid: configuration.accountSid, conferenceSid: conferenceSid) }
        }
    }

    /// A call as the API would answer for it now: a participant's, also after they have left; nil when unknown.
    public func call(sid: String) -> Call? {
        let now = configuration.clock.now
        return core.withLock { core in
            core.state.advance(to: now)
            return core.state.calls[sid]?.resource(accountSid: configuration.accountSid)
        }
    }

    /// The calls of a conference's participants, present and past, oldest first.
    public func calls(conferenceSid: String) -> [Call] {
        let now = configuration.clock.now
        return core.withLock { core in
            core.state.advance(to: now)
            return core.state.calls.calls(conferenceSid: conferenceSid).map { $0.resource(accountSid: configuration.accountSid) }
        }
    }

    /// A conference's recordings as the API would list them now (newest first).
    public func recordings(conferenceSid: String) -> [ConferenceRecording] {
        let now = configuration.clock.now
        return core.withLock { core in
            core.state.advance(to: now)
            guard let c = core.state.conferenceIndex(sid: conferenceSid) else { return [] }
            return core.state.conferences[c].recordings.reversed().map { $0.resource(accountSid: configuration.accountSid) }
        }
    }

    public func extras(conferenceSid: String, participant: String) -> ParticipantExtras? {
        core.withLock { core in
            guard let c = core.state.conferenceIndex(sid: conferenceSid), let p = core.state.conferences[c].index(of: participant) else { return nil }
            let x = core.state.conferences[c].participants[p]
            return ParticipantExtras(
                callSid: x.callSid, holdUrl: x.holdUrl, holdMethod: x.holdMethod, waitUrl: x.waitUrl, waitMethod: x.waitMethod,
                beepOnExit: x.beepOnExit, lastAnnounceUrl: x.lastAnnounceUrl,
                to: core.state.calls[x.callSid]?.to, from: core.state.calls[x.callSid]?.from)
        }
    }

    /// The last announcement played to the whole conference.
    public func conferenceAnnouncement(conferenceSid: String) -> String? {
        core.withLock { core in core.state.conferenceIndex(sid: conferenceSid).flatMap { core.state.conferences[$0].lastAnnounceUrl } }
    }

    /// "Conference ended" fault: the conference (SID or friendly name) and its paths answer 404 from now on.
    public func vanish(conference reference: String) {
        core.withLock { $0.state.vanish(reference) }
    }

    // MARK: Over HTTP

    /// `GET|DELETE /_sim/requests`, `GET|PUT /_sim/faults` (form `spec=…`, repeated; none clears),
    /// `POST /_sim/vanish` (form `conference=…`), `GET /_sim/extras/{CF}` (the last announcement to
    /// everyone) and `GET /_sim/extras/{CF}/{CA|label}`.
    func control(_ request: SimRequest) -> SimResponse {
        func json<T: Encodable>(_ value: T, status: Int = 200) -> SimResponse {
            SimResponse(status: status, headers: [("Content-Type", "application/json")], body: Array((try? JSONRendering.encoder().encode(value)) ?? Data()))
        }
        func error(_ status: Int, _ message: String) -> SimResponse {
            let failure = SimError(status: status, code: status == 401 ? 20003 : 20001, message: message)
            var headers = [("Content-Type", "application/json")]
            if status == 401 { headers.append(("WWW-Authenticate", "Basic realm=\"Twilio API\"")) }
            return SimResponse(status: status, headers: headers, body: JSONRendering.render(failure))
        }
        guard router.isAuthorized(request.authorization) else { return error(401, SimError.unauthorized.message) }
        let parts = request.path.split(separator: "/").map { FormEncoding.unescapePath($0) }
        let form = FormValues(encoded: Substring(String(decoding: request.body, as: UTF8.self)))
        switch (request.method, parts.dropFirst().first ?? "") {
        case ("GET", "requests"):
            struct Listing: Encodable { var total: Int; var maxConcurrent: Int; var requests: [LoggedRequest] }
            let (total, most, entries) = core.withLock { ($0.log.total, $0.maxInFlight, $0.log.entries) }
            return json(Listing(total: total, maxConcurrent: most, requests: entries))
        case ("DELETE", "requests"):
            clearRequests()
            return SimResponse(status: 204, headers: [], body: [])
        case ("GET", "faults"):
            return json(faults.map(\.description))
        case ("PUT", "faults"), ("POST", "faults"):
            var rules: [FaultRule] = []
            for spec in form.all("spec") where !spec.isEmpty {
                do { rules.append(try FaultRule.parse(spec)) } catch { return self.errorResponse(400, error.description) }
            }
            setFaults(rules)
            return json(rules.map(\.description))
        case ("POST", "vanish"):
            guard let reference = form["conference"] else { return error(400, "give conference=SID or friendly name") }
            vanish(conference: reference)
            return SimResponse(status: 204, headers: [], body: [])
        case ("GET", "extras") where parts.count == 3:
            struct ConferenceExtras: Encodable { var lastAnnounceUrl: String? }
            guard core.withLock({ $0.state.conferenceIndex(sid: parts[2]) }) != nil else { return error(404, "no such conference") }
            return json(ConferenceExtras(lastAnnounceUrl: conferenceAnnouncement(conferenceSid: parts[2])))
        case ("GET", "extras") where parts.count == 4:
            guard let extras = extras(conferenceSid: parts[2], participant: parts[3]) else { return error(404, "no such participant") }
            return json(extras)
        default:
            return error(404, "unknown control path \(request.path)")
        }
    }

    private func errorResponse(_ status: Int, _ message: String) -> SimResponse {
        SimResponse(status: status, headers: [("Content-Type", "application/json")], body: JSONRendering.render(SimError(status: status, code: 20001, message: message)))
    }
}
