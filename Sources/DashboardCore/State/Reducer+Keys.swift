import Foundation
import TwilioConferences

extension Reducer {
    static func handle(key: KeyChord, _ state: inout DashboardState) -> [Effect] {
        if key == .ctrl("c") {
            state.quitting = true
            return [.stopPolling, .quit]
        }
        // Esc followed at once by a key arrives as Alt+key; when nothing is bound to that, it was both.
        // In a box with fields, Esc+key is the likelier reading; a box that only scrolls takes the keymap's keys.
        let bound = state.keyTable.command(for: key) != nil
        if key.name.hasPrefix("alt-"), !bound || (state.overlay.map { !$0.onlyScrolls } ?? false),
           let inner = KeyChord(parsing: String(key.name.dropFirst(4))) {
            return handle(key: .esc, &state) + handle(key: inner, &state)
        }
        if let overlay = state.overlay { return handle(key: key, in: overlay, &state) }
        guard let command = state.keyTable.command(for: key) else { return [] }
        return run(command, &state)
    }

    static func run(_ command: Command, _ state: inout DashboardState) -> [Effect] {
        let page = max(1, DashboardLayout(width: state.width, height: state.height).tableRows - 1)
        let selected = state.selectedRow.flatMap { $0.departedAt == nil ? $0 : nil }
        switch command {
        case .moveDown: move(by: 1, &state)
        case .moveUp: move(by: -1, &state)
        case .pageDown: move(by: page, &state)
        case .pageUp: move(by: -page, &state)
        case .top: move(by: -Int(Int32.max), &state)
        case .bottom: move(by: Int(Int32.max), &state)
        case .toggleMute:
            guard let row = requireSelection(selected, "mute", &state) else { return [] }
            return perform(.mute(callSid: row.callSid, !row.participant.muted), &state)
        case .toggleHold:
            if !markedIDs(state).isEmpty { return holdMarked(&state) }
            guard let row = requireSelection(selected, "hold", &state) else { return [] }
            let holding = !row.participant.hold
            return perform(.hold(callSid: row.callSid, holding, url: holding ? state.holdURL : nil, method: holding && state.holdURL != nil ? state.holdMethod : nil), &state)
        case .holdWithMusic:
            guard let row = requireSelection(selected, "hold", &state), !state.readOnly else { return [] }
            state.overlay = .hold(HoldPrompt(callSid: row.callSid, url: state.holdURL, method: state.holdMethod))
        case .kick:
            guard !state.readOnly else { return [] }
            let marked = markedIDs(state)
            if marked.count > 1 {
                state.overlay = .bulkKick(marked)
                return []
            }
            guard let row = marked.first.flatMap({ state.rows[$0] }) ?? requireSelection(selected, "kick", &state) else { return [] }
            state.overlay = .kick(callSid: row.callSid)
        case .dial:
            guard !state.readOnly else { return [] }
            guard state.conferenceSid != nil else {
                state.events.append(.info, "choose a conference first (c)", at: state.now)
                return []
            }
            state.overlay = .dial(DialForm(from: state.dialFrom))
        case .cycleFilter:
            state.listFilter = state.listFilter.next
            state.events.append(.info, "filter: \(state.listFilter.rawValue)", at: state.now)
            guard let sid = state.conferenceSid else { return [] }
            state.haveBaseline = false
            state.formerOrder = state.orderedIDs
            state.rows = [:]
            return [.watch(conferenceSid: sid, filter: state.listFilter.parameters)]
        case .textFilter:
            state.overlay = .search(TextField(state.textFilter, maxLength: 64), previous: state.textFilter)
        case .cycleSort:
            state.sort = state.sort.next
        case .details:
            if let row = state.selectedRow { state.overlay = .details(callSid: row.callSid) }
        case .refresh:
            guard let sid = state.conferenceSid else { return [] }
            if state.poll.halted != nil {
                state.poll.halted = nil
                return [.watch(conferenceSid: sid, filter: state.listFilter.parameters)]
            }
            return [.refreshNow]
        case .chooseConference:
            state.overlay = .picker(Picker())
            return [.loadConferences]
        case .help:
            state.overlay = .help(scroll: 0)
        case .toggleMark:
            guard let row = selected else { return [] }
            if state.marked.remove(row.callSid) == nil { state.marked.insert(row.callSid) }
            move(by: 1, &state)
        case .muteAll:
            return muteAll(except: nil, &state)
        case .muteAllExcept:
            guard let row = requireSelection(selected, "keep unmuted", &state) else { return [] }
            return muteAll(except: row.callSid, &state)
        case .unmuteAll:
            return unmuteAll(&state)
        case .coach:
            return state.readOnly ? [] : coach(&state)
        case .toggleCoaching:
            return state.readOnly ? [] : toggleCoaching(&state)
        case .listen:
            return state.readOnly ? [] : listen(&state)
        case .barge:
            return state.readOnly ? [] : barge(&state)
        case .announce:
            guard let row = requireSelection(selected, "announce to", &state), !state.readOnly else { return [] }
            state.overlay = .announce(AnnouncePrompt(target: row.callSid, url: state.announceURL))
        case .announceAll:
            guard !state.readOnly, state.conferenceSid != nil else { return [] }
            state.overlay = .announce(AnnouncePrompt(target: nil, url: state.announceURL))
        case .endConference:
            return state.readOnly ? [] : askEndConference(&state)
        case .commandMode:
            state.overlay = .command(CommandPrompt())
        case .auditLog:
            state.overlay = .audit(AuditView())
            return [.loadAudit]
        case .quit:
            state.quitting = true
            return [.stopPolling, .quit]
        }
        return []
    }

    static func requireSelection(_ row: RowState?, _ verb: String, _ state: inout DashboardState) -> RowState? {
        if row == nil { state.events.append(.info, "nothing selected to \(verb)", at: state.now) }
        return row
    }

    static func isClose(_ key: KeyChord) -> Bool { key == .esc || key == .ctrl("g") }

    /// A box's scroll position after a key: the arrows and page keys, and the keymap's move, page,
    /// top and bottom commands; kept within 0...last.
    static func scrolled(_ scroll: Int, last: Int, key: KeyChord, command: Command?) -> Int {
        var next = scroll
        if key == .down || command == .moveDown { next += 1 }
        if key == .up || command == .moveUp { next -= 1 }
        if key == .pageDown || command == .pageDown { next += 10 }
        if key == .pageUp || command == .pageUp { next -= 10 }
        if command == .top { next = 0 }
        if command == .bottom { next = last }
        return min(max(0, next), last)
    }

    static func handle(key: KeyChord, in overlay: Overlay, _ state: inout DashboardState) -> [Effect] {
        let command = state.keyTable.command(for: key)
        switch overlay {
        case .help(let scroll):
            if isClose(key) || key.name == "q" || key.name == "?" || key == .enter || command == .help {
                state.overlay = nil
            } else {
                // The box is as tall as the terminal allows (2 rows of margin, 2 of border).
                let lines = state.keyTable.helpLineCount
                let last = max(0, lines - (min(lines + 2, state.height - 2) - 2))
                state.overlay = .help(scroll: scrolled(scroll, last: last, key: key, command: command))
            }
            return []
        case .details(let sid, let scroll):
            if isClose(key) || key == .enter || key.name == "q" || command == .details {
                state.overlay = nil
            } else {
                let last = OverlayView.detailsLastScroll(sid, state)
                state.overlay = .details(callSid: sid, scroll: scrolled(scroll, last: last, key: key, command: command))
            }
            return []
        case .kick(let sid):
            state.overlay = nil
            if key.name == "y" || key.name == "Y" {
                guard state.rows[sid] != nil else {
                    state.events.append(.info, "\(state.name(of: sid)) already left", at: state.now)
                    return []
                }
                return perform(.kick(callSid: sid), &state)
            }
            state.events.append(.info, "kick of \(state.name(of: sid)) cancelled", at: state.now)
            return []
        case .hold(var prompt):
            if isClose(key) {
                state.overlay = nil
            } else if key == .tab || key == .backtab {
                prompt.method = prompt.method == .GET ? .POST : .GET
                state.overlay = .hold(prompt)
            } else if key == .enter {
                let url = prompt.url.text.trimmingCharacters(in: .whitespaces)
                if !url.isEmpty, let problem = AddressRules.checkURL(url, field: "HoldUrl") {
                    prompt.error = "\(problem.problem); \(problem.fix)"
                    state.overlay = .hold(prompt)
                    return []
                }
                state.overlay = nil
                return perform(.hold(callSid: prompt.callSid, true, url: url.isEmpty ? nil : url, method: url.isEmpty ? nil : prompt.method), &state)
            } else if prompt.url.handle(key) {
                prompt.error = nil
                state.overlay = .hold(prompt)
            }
            return []
        case .dial(var form):
            return handle(key: key, in: &form, &state)
        case .picker(var picker):
            if isClose(key) || key.name == "q" {
                state.overlay = nil
            } else if key == .down || command == .moveDown {
                picker.selection = min(picker.selection + 1, max(0, picker.conferences.count - 1))
                state.overlay = .picker(picker)
            } else if key == .up || command == .moveUp {
                picker.selection = max(0, picker.selection - 1)
                state.overlay = .picker(picker)
            } else if key.name == "r" || command == .refresh {
                state.overlay = .picker(Picker())
                return [.loadConferences]
            } else if key == .enter, picker.conferences.indices.contains(picker.selection) {
                state.overlay = nil
                return switchTo(picker.conferences[picker.selection].conference, &state)
            }
            return []
        case .coachWhom(var chooser):
            if isClose(key) {
                state.overlay = nil
            } else if key == .down || command == .moveDown {
                chooser.selection = min(chooser.selection + 1, chooser.options.count - 1)
                state.overlay = .coachWhom(chooser)
            } else if key == .up || command == .moveUp {
                chooser.selection = max(0, chooser.selection - 1)
                state.overlay = .coachWhom(chooser)
            } else if key == .enter, chooser.options.indices.contains(chooser.selection) {
                state.overlay = nil
                return perform(.coach(callSid: chooser.coach, true, target: chooser.options[chooser.selection]), &state)
            }
            return []
        case .announce(var prompt):
            if isClose(key) {
                state.overlay = nil
            } else if key == .enter {
                let url = prompt.url.text.trimmingCharacters(in: .whitespaces)
                if let problem = AddressRules.checkURL(url, field: "AnnounceUrl") {
                    prompt.error = "\(problem.problem); \(problem.fix)"
                    state.overlay = .announce(prompt)
                    return []
                }
                state.overlay = nil
                return perform(.announce(callSid: prompt.target, url: url), &state)
            } else if prompt.url.handle(key) {
                prompt.error = nil
                state.overlay = .announce(prompt)
            }
            return []
        case .endConference(var field, _):
            if isClose(key) {
                state.overlay = nil
                state.events.append(.info, "end of the conference cancelled", at: state.now)
            } else if key == .enter {
                let name = state.conference?.friendlyName ?? ""
                guard field.text == name else {
                    state.overlay = .endConference(field, error: "type the conference's name exactly: \(name)")
                    return []
                }
                state.overlay = nil
                return perform(.endConference, &state)
            } else if field.handle(key) {
                state.overlay = .endConference(field, error: nil)
            }
            return []
        case .bulkKick(let sids):
            state.overlay = nil
            if key.name == "y" || key.name == "Y" {
                state.marked = []
                let live = sids.filter { state.rows[$0]?.departedAt == nil }
                return performBatch("kick \(live.count)", live.map { Action.kick(callSid: $0) }, &state)
            }
            state.events.append(.info, "kick of \(sids.count) participants cancelled", at: state.now)
            return []
        case .command(var prompt):
            if isClose(key) {
                state.overlay = nil
            } else if key == .enter {
                return CommandMode.run(prompt.field.text, &state)
            } else if key == .tab {
                let (line, candidates) = CommandMode.complete(prompt.field.text, state)
                prompt.field.text = line
                prompt.candidates = candidates
                state.overlay = .command(prompt)
            } else if prompt.field.handle(key) {
                prompt.error = nil
                prompt.candidates = []
                state.overlay = .command(prompt)
            }
            return []
        case .audit(var view):
            if isClose(key) || key.name == "q" || command == .auditLog {
                state.overlay = nil
            } else {
                // The box shows height - 7 records (margins, borders, the hint line).
                let last = max(0, view.records.count - max(1, state.height - 7))
                view.scroll = scrolled(view.scroll, last: last, key: key, command: command)
                state.overlay = .audit(view)
            }
            return []
        case .search(var field, let previous):
            if isClose(key) {
                state.textFilter = previous
                state.overlay = nil
            } else if key == .enter {
                state.overlay = nil
            } else if field.handle(key) {
                state.textFilter = field.text
                state.overlay = .search(field, previous: previous)
            }
            return []
        }
    }

    static func handle(key: KeyChord, in form: inout DialForm, _ state: inout DashboardState) -> [Effect] {
        if isClose(key) {
            state.overlay = nil
            if form.pending != nil { state.events.append(.info, "dial form closed; the dial-out already sent will still be reported here", at: state.now) }
            return []
        }
        defer { if case .dial? = state.overlay { state.overlay = .dial(form) } }
        switch key {
        case .tab, .down:
            form.moveFocus(by: 1)
        case .backtab, .up:
            form.moveFocus(by: -1)
        case .enter:
            guard form.pending == nil else { return [] }
            let (request, problems) = form.request()
            form.errors = problems
            guard let request else {
                if let first = DialForm.Field.allCases.first(where: { problems[$0] != nil }) { form.focus = first }
                return []
            }
            // After a dial-out with no clear answer the first Enter only asks: it may be ringing already.
            if form.unknownOutcome != nil, !form.dialAnyway {
                form.dialAnyway = true
                return []
            }
            form.refusal = nil
            form.unknownOutcome = nil
            form.dialAnyway = false
            let effects = perform(.dial(request), &state)
            if case .perform(let id, _)? = effects.first { form.pending = id }
            return effects
        default:
            if form.focus.isText {
                var field = form.text[form.focus] ?? TextField()
                if field.handle(key) {
                    form.text[form.focus] = field
                    form.errors[form.focus] = nil
                }
            } else if key.name == "space" || key == .left || key == .right {
                form.cycle(form.focus)
                form.errors[form.focus] = nil
            }
        }
        return []
    }
}
