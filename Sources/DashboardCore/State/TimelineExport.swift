import Foundation

/// The timeline as `:export` writes it: one JSON object per line, with the audit trail's field names
/// where they apply (time, source, conference, conference_sid, participant, participant_sid, result).
enum TimelineExport {
    struct Record: Encodable {
        var time: String
        var source = "dashboard"
        var kind: String
        var text: String
        var conference: String?
        var conferenceSid: String?
        var participant: String?
        var participantSid: String?
        /// For the supervisor's own actions: sent, done or failed.
        var result: String?
        var parts: [String]?

        enum CodingKeys: String, CodingKey {
            case time, source, kind, text, conference, participant, result, parts
            case conferenceSid = "conference_sid"
            case participantSid = "participant_sid"
        }
    }

    static func lines(_ state: DashboardState) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return state.events.entries.compactMap { entry in
            let result: String? = switch (entry.mine, entry.kind) {
            case (false, _): nil
            case (true, .action): "sent"
            case (true, .done): "done"
            default: "failed"
            }
            let record = Record(
                time: AuditRecord.iso8601(entry.time), kind: entry.kind.rawValue, text: entry.text,
                conference: state.conference?.friendlyName, conferenceSid: state.conferenceSid,
                participant: entry.participantName, participantSid: entry.participantSid, result: result,
                parts: entry.parts.isEmpty ? nil : entry.parts)
            return (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
