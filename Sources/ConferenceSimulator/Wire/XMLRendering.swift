import Foundation
import TwilioModels

/// The XML form the original page shows for paths without `.json`:
/// `<TwilioResponse><Participant><CallSid>…</CallSid>…</Participant></TwilioResponse>`.
enum XMLRendering {
    static func render(_ result: APIResult) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TwilioResponse>"
        switch result {
        case .conference(let conference): out += conferenceElement(conference)
        case .participant(let participant, _): out += element("Participant", fields(of: participant))
        case .conferences(let list): out += listElement("Conferences", list, conferenceElement)
        case .participants(let list): out += listElement("Participants", list) { element("Participant", fields(of: $0)) }
        case .call(let call): out += element("Call", fields(of: call), children: subresources(call.subresourceUris))
        case .recording(let recording): out += element("Recording", fields(of: recording))
        case .recordings(let list): out += listElement("Recordings", list) { element("Recording", fields(of: $0)) }
        case .noContent: return []
        }
        out += "</TwilioResponse>"
        return Array(out.utf8)
    }

    static func render(_ error: SimError) -> [UInt8] {
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TwilioResponse><RestException>"
            + "<Code>\(error.code)</Code><Message>\(escape(error.message))</Message>"
            + "<MoreInfo>\(escape(error.body.moreInfo ?? ""))</MoreInfo><Status>\(error.status)</Status>"
            + "</RestException></TwilioResponse>"
        return Array(body.utf8)
    }

    private static func listElement<Item: Sendable>(_ name: String, _ list: PagedList<Item>, _ item: (Item) -> String) -> String {
        let attributes: [(String, String)] = [
            ("page", String(list.page)), ("pagesize", String(list.pageSize)), ("start", String(list.start)), ("end", String(list.end)),
            ("uri", list.uri), ("firstpageuri", list.firstPageURI),
            ("previouspageuri", list.previousPageURI ?? ""), ("nextpageuri", list.nextPageURI ?? ""),
        ]
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        return "<\(name)\(attributeText)>" + list.items.map(item).joined() + "</\(name)>"
    }

    private static func fields(of p: Participant) -> [(String, String?)] {
        [
            ("CallSid", p.callSid), ("ConferenceSid", p.conferenceSid), ("AccountSid", p.accountSid), ("Label", p.label),
            ("Status", p.status?.rawValue), ("Muted", String(p.muted)), ("Hold", String(p.hold)),
            ("Coaching", p.coaching.map { String($0) }), ("CallSidToCoach", p.callSidToCoach),
            ("EndConferenceOnExit", p.endConferenceOnExit.map { String($0) }),
            ("StartConferenceOnEnter", p.startConferenceOnEnter.map { String($0) }),
            ("DateCreated", p.dateCreated.map(RFC2822.string(from:))), ("DateUpdated", p.dateUpdated.map(RFC2822.string(from:))),
            ("QueueTime", p.queueTime), ("Uri", p.uri.map(withoutJSON)),
        ]
    }

    private static func fields(of c: Conference) -> [(String, String?)] {
        [
            ("Sid", c.sid), ("AccountSid", c.accountSid), ("FriendlyName", c.friendlyName), ("Status", c.status?.rawValue),
            ("Region", c.region), ("ApiVersion", c.apiVersion),
            ("DateCreated", c.dateCreated.map(RFC2822.string(from:))), ("DateUpdated", c.dateUpdated.map(RFC2822.string(from:))),
            ("ReasonConferenceEnded", c.reasonConferenceEnded), ("CallSidEndingConference", c.callSidEndingConference),
            ("Uri", c.uri.map(withoutJSON)),
        ]
    }

    private static func fields(of c: Call) -> [(String, String?)] {
        [
            ("Sid", c.sid), ("DateCreated", c.dateCreated.map(RFC2822.string(from:))), ("DateUpdated", c.dateUpdated.map(RFC2822.string(from:))),
            ("ParentCallSid", c.parentCallSid), ("AccountSid", c.accountSid), ("To", c.to), ("ToFormatted", c.toFormatted),
            ("From", c.from), ("FromFormatted", c.fromFormatted), ("PhoneNumberSid", c.phoneNumberSid), ("Status", c.status?.rawValue),
            ("StartTime", c.startTime.map(RFC2822.string(from:))), ("EndTime", c.endTime.map(RFC2822.string(from:))),
            ("Duration", c.duration), ("Price", c.price), ("PriceUnit", c.priceUnit), ("Direction", c.direction?.rawValue),
            ("AnsweredBy", c.answeredBy), ("ApiVersion", c.apiVersion), ("ForwardedFrom", c.forwardedFrom), ("GroupSid", c.groupSid),
            ("CallerName", c.callerName), ("QueueTime", c.queueTime), ("TrunkSid", c.trunkSid), ("Uri", c.uri.map(withoutJSON)),
        ]
    }

    /// A conference with its `SubresourceUris`, as the JSON form has `subresource_uris`.
    private static func conferenceElement(_ c: Conference) -> String {
        element("Conference", fields(of: c), children: subresources(c.subresourceUris))
    }

    /// `<SubresourceUris><Notifications>…</Notifications>…</SubresourceUris>`, names in the XML's case.
    private static func subresources(_ uris: [String: String]?) -> String {
        guard let uris else { return "" }
        let children = uris.sorted { $0.key < $1.key }.map { key, uri in
            let name = key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return "<\(name)>\(escape(withoutJSON(uri)))</\(name)>"
        }
        return "<SubresourceUris>" + children.joined() + "</SubresourceUris>"
    }

    private static func fields(of r: ConferenceRecording) -> [(String, String?)] {
        [
            ("Sid", r.sid), ("AccountSid", r.accountSid), ("ConferenceSid", r.conferenceSid), ("CallSid", r.callSid),
            ("ApiVersion", r.apiVersion), ("DateCreated", r.dateCreated.map(RFC2822.string(from:))),
            ("DateUpdated", r.dateUpdated.map(RFC2822.string(from:))), ("StartTime", r.startTime.map(RFC2822.string(from:))),
            ("Duration", r.duration), ("Price", r.price), ("PriceUnit", r.priceUnit), ("Status", r.status?.rawValue),
            ("Channels", r.channels.map { String($0) }), ("Source", r.source), ("ErrorCode", r.errorCode.map { String($0) }),
            ("EncryptionDetails", nil), ("Uri", r.uri.map(withoutJSON)),
        ]
    }

    /// The XML form names resources without the `.json` suffix.
    private static func withoutJSON(_ uri: String) -> String {
        uri.hasSuffix(".json") ? String(uri.dropLast(5)) : uri
    }

    private static func element(_ name: String, _ fields: [(String, String?)], children: String = "") -> String {
        "<\(name)>" + fields.map { field, value in
            value.map { "<\(field)>\(escape($0))</\(field)>" } ?? "<\(field)/>"
        }.joined() + children + "</\(name)>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 cannot carry most control characters at all; write them as U+FFFD.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
