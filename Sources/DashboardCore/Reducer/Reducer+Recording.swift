import TwilioModels

extension Reducer {
    /// `R`: pauses the recording going on (leaving the pause out of it), or resumes it.
    static func toggleRecording(_ state: inout DashboardState) -> [Effect] {
        guard let recording = state.recording.active else {
            state.log(.info, "no recording is going on in this conference")
            return []
        }
        let update = recording.status == .paused
            ? RecordingUpdate(status: .inProgress) : RecordingUpdate(status: .paused, pauseBehavior: .skip)
        return perform(.recording(sid: recording.sid, update), &state)
    }

    /// `:record stop` asks first; `:record pause` and `:record resume` act at once.
    static func record(_ what: String, _ state: inout DashboardState) -> Result<[Effect], CommandMode.Problem> {
        guard let recording = state.recording.active else { return .failure(.init(message: "no recording is going on in this conference")) }
        switch what {
        case "stop":
            state.box = ConfirmLine(
                question: "Stop the recording of \(state.conference?.friendlyName ?? "the conference")? It cannot be restarted from here",
                verb: "stop the recording", actions: [.recording(sid: recording.sid, RecordingUpdate(status: .stopped))])
            return .success([])
        case "pause" where recording.status != .paused, "resume" where recording.status == .paused:
            return .success(toggleRecording(&state))
        case "pause", "resume":
            return .failure(.init(message: "the recording is \(recording.status?.rawValue ?? "going on") already"))
        default:
            return .failure(.init(message: ":record needs stop, pause or resume"))
        }
    }
}
