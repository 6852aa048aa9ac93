import TwilioModels

extension Reducer {
    static func handle(key: KeyChord, _ state: inout DashboardState) -> [Effect] {
        if key == .ctrl("c") { return quit(&state) }
        // Esc followed at once by a key arrives as Alt+key; when nothing is bound to that, it was both.
        // In a box with fields, Esc+key is the likelier reading; a box that only scrolls takes the keymap's keys.
        let bound = state.settings.keyTable.command(for: key) != nil
        if key.name.hasPrefix("alt-"), !bound || (state.box.map { !$0.onlyScrolls } ?? false),
           let inner = KeyChord(parsing: String(key.name.dropFirst(4))) {
            return handle(key: .esc, &state) + handle(key: inner, &state)
        }
        if state.box != nil { return route(.key(key), &state) }
        guard let command = state.settings.keyTable.command(for: key) else { return [] }
        return run(command, &state)
    }

    /// Runs a command of the key table. Read-only mode is checked here, once, for every command
    /// that changes the call (the runner keeps a second lock).
    static func run(_ command: Command, _ state: inout DashboardState) -> [Effect] {
        if command.servesWrites, state.settings.readOnly {
            state.events.note = ("read-only: \(command.footerWord) is not available (started with --read-only)", state.now.addingTimeInterval(5))
            return []
        }
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: move(command, &state)
        case .toggleMute: return toggleMute(&state)
        case .toggleHold: return toggleHold(&state)
        case .holdWithMusic: openHoldPrompt(&state)
        case .kick: return askKick(&state)
        case .dial: openDialForm(&state)
        case .cycleFilter: return setListFilter(state.table.listFilter.next, &state)
        case .cycleFilterBack: return setListFilter(state.table.listFilter.previous, &state)
        case .textFilter: state.box = SearchLine(state.table.textFilter)
        case .clearFilters: return clearFilters(&state)
        case .cycleSort: setSort(state.table.sort.next, &state)
        case .cycleSortBack: setSort(state.table.sort.previous, &state)
        case .invertSort: invertSort(&state)
        case .details: if let row = state.selectedRow { state.box = DetailsBox(callSid: row.callSid) }
        case .refresh: return refresh(&state)
        case .chooseConference: return start(&state, conference: nil)
        case .help: state.box = HelpBox()
        case .toggleMark: toggleMark(&state)
        case .markAll: markAll(&state)
        case .muteAll: return muteAll(except: nil, &state)
        case .muteAllExcept: return muteAllExceptSelected(&state)
        case .unmuteAll: return unmuteAll(&state)
        case .coach: return coach(&state)
        case .toggleCoaching: return toggleCoaching(&state)
        case .listen: return listen(&state)
        case .barge: return barge(&state)
        case .announce: openAnnounce(everyone: false, &state)
        case .announceAll: openAnnounce(everyone: true, &state)
        case .endConference: askEndConference(&state)
        case .toggleRecording: return toggleRecording(&state)
        case .undo: return undo(&state)
        case .timeline: state.box = TimelineBox()
        case .commandMode: state.box = CommandLine()
        case .auditLog:
            state.box = AuditViewer()
            return [.loadAudit]
        case .quit: return quit(&state)
        }
        return []
    }

    /// The selected participant (not a tombstone), or nil with a line saying nothing is selected.
    static func requireSelection(_ verb: String, _ state: inout DashboardState) -> RowState? {
        guard let row = state.selectedLive else {
            state.events.append(.info, "nothing selected to \(verb)", at: state.now)
            return nil
        }
        return row
    }

    static func toggleMute(_ state: inout DashboardState) -> [Effect] {
        guard let row = requireSelection("mute", &state) else { return [] }
        return perform(.mute(callSid: row.callSid, !row.participant.muted), &state)
    }

    /// Hold or resume the selected participant (with the configured music), or the marked ones.
    static func toggleHold(_ state: inout DashboardState) -> [Effect] {
        if !state.table.markedIDs.isEmpty { return holdMarked(&state) }
        guard let row = requireSelection("hold", &state) else { return [] }
        return perform(hold(row.callSid, !row.participant.hold, state), &state)
    }

    /// Hold with the configured music (when there is some), or resume.
    static func hold(_ sid: String, _ on: Bool, _ state: DashboardState) -> ConferenceAction {
        let music = on ? state.defaults.holdURL : nil
        return .hold(callSid: sid, on, url: music, method: music == nil ? nil : state.defaults.holdMethod)
    }

    static func openHoldPrompt(_ state: inout DashboardState) {
        guard let row = requireSelection("hold", &state) else { return }
        state.box = HoldPrompt(callSid: row.callSid, url: state.defaults.holdURL, method: state.defaults.holdMethod)
    }

    /// Kick asks first: the marked participants in one question, or the selected one.
    static func askKick(_ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        if marked.count > 1 { return kickMarked(marked, &state) }
        guard let sid = marked.first ?? requireSelection("kick", &state)?.callSid else { return [] }
        // A kick already on its way is not asked about again.
        if !refuseRepeat(.kick(callSid: sid), &state) { state.box = KickConfirm(callSid: sid) }
        return []
    }

    static func openDialForm(_ state: inout DashboardState) {
        guard state.conferenceSid != nil else {
            state.events.append(.info, "choose a conference first (c)", at: state.now)
            return
        }
        state.box = DialForm(from: state.defaults.dialFrom)
    }

    static func openAnnounce(everyone: Bool, _ state: inout DashboardState) {
        if everyone {
            guard state.conferenceSid != nil else { return }
            state.box = AnnouncePrompt(target: nil, url: state.defaults.announceURL)
        } else if let row = requireSelection("announce to", &state) {
            state.box = AnnouncePrompt(target: row.callSid, url: state.defaults.announceURL)
        }
    }

    /// Polls now; after polling stopped by itself (wrong credentials, a gone conference), starts again.
    static func refresh(_ state: inout DashboardState) -> [Effect] {
        guard let sid = state.conferenceSid else { return [] }
        guard state.poll.halted != nil else { return [.refreshNow] }
        state.poll.halted = nil
        // The new first poll goes out now: from now on, its answer is waited for.
        state.poll.nextAttempt = state.now
        state.poll.startedAt = state.now
        return [.watch(conferenceSid: sid, filter: state.table.listFilter.parameters)]
    }

    static func askEndConference(_ state: inout DashboardState) {
        guard state.conference != nil, state.conference?.status != .completed else {
            state.events.append(.info, "no conference in progress to end", at: state.now)
            return
        }
        state.box = EndConferencePrompt()
    }
}
