import Foundation
import TwilioModels

extension SimulatorState {
    /// `GET …/Calls/{Sid}`: any participant's call, also after they have left (see `CallRegistry`).
    func fetchCall(sid: String, path: String) throws(SimError) -> Call {
        guard let call = calls[sid] else { throw .notFound(path) }
        return call.resource(accountSid: accountSid)
    }
}
