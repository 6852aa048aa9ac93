import Foundation
import TwilioModels

extension Reducer {
    /// A participant shown with a field the API sent that could not be read: said in the log once
    /// per participant and field, while the row shows the field as "?".
    static func noteUnreadable(_ participants: [Participant], at: Date, _ state: inout DashboardState) {
        for p in participants where !p.unreadable.isEmpty {
            for (field, problem) in p.unreadable.sorted(by: { $0.key < $1.key }) {
                guard state.table.notedUnreadable.insert("\(p.callSid)/\(field)").inserted else { continue }
                state.log(.warning, "\(state.name(of: p.callSid)): the API's \(field) could not be read (\(problem)); shown as ?", about: p.callSid, at: at)
            }
        }
    }

    /// Participants a poll could not read at all: each said once.
    static func noteProblems(_ problems: [String], _ state: inout DashboardState) {
        for problem in problems where state.table.notedUnreadable.insert(problem).inserted {
            state.events.append(.warning, problem, at: state.now)
        }
    }
}
