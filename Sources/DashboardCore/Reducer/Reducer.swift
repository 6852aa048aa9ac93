import Foundation
import TwilioModels

/// The dashboard's one state machine: a message in, the state changed, effects out.
/// Pure: no terminal, no network, no timers; time arrives in messages.
public enum Reducer {
    public static func reduce(_ state: inout DashboardState, _ message: Message) -> [Effect] {
        let onlyTime = movesOnlyTime(message, state)
        var effects = apply(message, &state)
        switch message {
        case .key, .paste: break  // handed to the open box by `apply`
        default: effects += route(message, &state)
        }
        settle(&state)
        // Calls to read: new participants', and those waiting for their retry.
        effects += state.calls.start(now: state.now).map(Effect.fetchCall)
        if !onlyTime || state.box != nil || !effects.isEmpty { state.revision &+= 1 }
        return effects
    }

    /// A tick, or a quiet unchanged poll while all is well: either moves only the title's poll text
    /// and the rows' ages, unless the tick expires something (`expire` then bumps the revision).
    static func movesOnlyTime(_ message: Message, _ state: DashboardState) -> Bool {
        switch message {
        case .tick: true
        case .pollUnchanged(let conference, _, _): conference == nil && !state.poll.isStale && state.poll.failures == 0
        default: false
        }
    }

    static func apply(_ message: Message, _ state: inout DashboardState) -> [Effect] {
        switch message {
        case .tick(let now):
            state.now = now
            expire(&state)
        case .resized(let width, let height):
            state.layout = DashboardLayout(width: max(1, width), height: max(1, height))
            state.table.invalidate(.placement)
        case .key(let key):
            return handle(key: key, &state)
        case .paste(let text):
            paste(text, &state)
        case .polled(let participants, let conference, let latency, let at):
            state.now = max(state.now, at)
            let effects = recordPoll(conference: conference, latency: latency, at: at, &state)
            apply(snapshot: participants, sentAt: at.addingTimeInterval(-latency), at: at, &state)
            return effects
        case .pollUnchanged(let conference, let latency, let at):
            state.now = max(state.now, at)
            return recordPoll(conference: conference, latency: latency, at: at, &state)
        case .pollFailed(let failure, let at):
            state.now = max(state.now, at)
            return applyPollFailure(failure, at: at, &state)
        case .actionFinished(let id, let outcome, let at):
            state.now = max(state.now, at)
            return finish(action: id, outcome, at: at, &state)
        case .interrupted:
            return quit(&state)
        case .auditWriteFailed(let problem):
            state.events.append(.warning, "audit trail not written: \(problem)", at: state.now)
        case .conferenceFound(let conference):
            state.box = nil
            return switchTo(conference, &state)
        case .conferenceNotFound(let reason):
            state.events.append(.warning, reason, at: state.now)
        case .recordingsLoaded(let recordings):
            state.recording.recordings = recordings
        case .recordingsFailed(let reason):
            state.log(.warning, "the recordings could not be read: \(reason)")
        case .exported(let path, let count):
            state.log(.info, "timeline written to \(path) (\(count) events, one JSON object per line)")
            state.events.note = ("timeline written to \(path)", state.now.addingTimeInterval(8))
        case .exportFailed(let reason):
            state.log(.failed, "timeline not written: \(reason)")
        case .pollProblems(let problems):
            noteProblems(problems, &state)
        case .conferenceCounted(let participants):
            if state.table.listFilter != .all { state.table.totals = ConferenceCounts(participants) }
        case .callFetched(let call):
            callFetched(call, &state)
        case .callFailed(let sid, _, let retryAfter):
            callFailed(sid, retryAfter: retryAfter, &state)
        case .conferencesLoaded, .conferencesFailed, .overviewCounted, .auditLoaded, .auditFailed:
            break  // for the box waiting for them
        }
        return []
    }

    /// Hands a message to the open box (a key, or the answer it waits for). The box is out of the
    /// state while it runs and goes back unless it closed or opened another.
    static func route(_ message: Message, _ state: inout DashboardState) -> [Effect] {
        guard var box = state.box else { return [] }
        state.box = nil
        let outcome = if case .key(let key) = message {
            box.handle(key, state.settings.keyTable.command(for: key), &state)
        } else {
            box.receive(message, &state)
        }
        if !outcome.closesBox, state.box == nil { state.box = box }
        return outcome.effects
    }

    // MARK: Starting and stopping

    /// The first effects: watch `conference`, or open the overview when there is none.
    public static func start(_ state: inout DashboardState, conference: Conference?) -> [Effect] {
        guard let conference else {
            state.box = ConferencesOverview()
            return [.loadConferences]
        }
        return switchTo(conference, &state)
    }

    /// Watches another conference: the table starts afresh.
    static func switchTo(_ conference: Conference, _ state: inout DashboardState) -> [Effect] {
        state.conference = conference
        state.table.clear()
        state.table.nextOrder = 0
        state.table.selection = Selection()
        state.table.marked = []
        state.poll = PollStatus()
        state.poll.startedAt = state.now
        state.recording = RecordingState()
        state.supervisor.callSid = nil
        state.events.append(.info, "watching \(conference.friendlyName) (\(conference.sid))", at: state.now)
        return [.watch(conferenceSid: conference.sid, filter: state.table.listFilter.parameters)]
    }

    static func quit(_ state: inout DashboardState) -> [Effect] {
        state.box = nil
        return [.stopPolling, .quit]
    }
}
