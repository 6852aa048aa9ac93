/// One injected fault: what goes wrong, how often, and for which HTTP methods.
///
/// Written on the command line as `KIND[=ARG][@RATE|xCOUNT][/METHODS][?TEXT]`, for example
/// `503@0.1` (one request in ten answers 503), `429=2x3` (the next three answer 429 with
/// `Retry-After: 2`), `reset@0.05/GET`, `latency=100-400`, `500x1/GET?PageToken` (the next page
/// past the first fails once).
public struct FaultRule: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Wait this many seconds (a random value in the range) before answering.
        case latency(ClosedRange<Double>)
        /// Answer with this status and Twilio's error JSON (500, 503, 429…); `retryAfter` adds the header.
        case status(Int, retryAfter: Int?)
        /// Send half of the body, then close the connection.
        case reset
        /// Send a well-formed HTTP answer whose JSON body is cut in half.
        case truncate
        /// Send a body that is not JSON at all.
        case malformed
        /// Send valid JSON of the wrong shape.
        case wrongShape
        /// Send a valid answer padded to this many bytes.
        case huge(bytes: Int)
        /// Never answer.
        case hang
        /// A JSON list page whose `next_page_uri` always names a further page, a new one each time.
        case endlessPages
        /// A list page whose `next_page_uri` is its own URI: a page that names itself.
        case pageLoop
        /// A list page past the first names the first page as its next: a cycle of pages.
        case pageCycle
        /// A list page names a next page whose path climbs out of the account with `..`.
        case pageEscape
        /// Send the status and headers, then stall: the body never comes.
        case stall
        /// Send the answer this many bytes a second.
        case trickle(bytesPerSecond: Double)
        /// Send the headers, then a body that never ends.
        case endlessBody
        /// Spoil one field of the first participant of a list: see `BadField`.
        case badField(BadField)
        /// A gzip-compressed body (Content-Encoding: gzip) though none was asked for.
        case gzip
    }

    /// How `bad-field` spoils a participant.
    public enum BadField: String, Sendable, Hashable, CaseIterable {
        /// The label is a number.
        case labelNumber = "label-number"
        /// `date_created` is an ISO 8601 date, not RFC 2822.
        case dateISO = "date-iso"
        /// `date_updated` is empty.
        case dateEmpty = "date-empty"
        /// The label holds bytes that are not UTF-8.
        case labelUTF8 = "label-utf8"
        /// The call_sid is missing.
        case noCallSid = "no-call-sid"
    }

    public enum Trigger: Sendable, Hashable {
        case always
        /// Each request with this probability.
        case rate(Double)
        /// The next N matching requests.
        case count(Int)
    }

    public var kind: Kind
    public var trigger: Trigger
    /// Upper-case HTTP methods it applies to; empty means all.
    public var methods: Set<String>
    /// Only requests whose query contains this text (`PageToken`: pages past the first); nil means all.
    public var queryContains: String?

    public init(_ kind: Kind, trigger: Trigger = .always, methods: Set<String> = [], queryContains: String? = nil) {
        self.kind = kind
        self.trigger = trigger
        self.methods = methods
        self.queryContains = queryContains
    }

    /// Whether it may fire on this request.
    func applies(method: String, query: Substring) -> Bool {
        (methods.isEmpty || methods.contains(method)) && (queryContains.map { query.contains($0) } ?? true)
    }

    public var description: String {
        var text: String
        switch kind {
        case .latency(let range):
            text = range.lowerBound == range.upperBound ? "latency=\(Self.ms(range.lowerBound))" : "latency=\(Self.ms(range.lowerBound))-\(Self.ms(range.upperBound))"
        case .status(let code, let retryAfter): text = retryAfter.map { "\(code)=\($0)" } ?? "\(code)"
        case .reset: text = "reset"
        case .truncate: text = "truncate"
        case .malformed: text = "malformed"
        case .wrongShape: text = "wrong-shape"
        case .huge(let bytes): text = "huge=\(bytes / 1_000_000)"
        case .hang: text = "hang"
        case .endlessPages: text = "endless-pages"
        case .pageLoop: text = "page-loop"
        case .pageCycle: text = "page-cycle"
        case .pageEscape: text = "page-escape"
        case .stall: text = "stall"
        case .trickle(let rate): text = "trickle=\(Int(rate))"
        case .endlessBody: text = "endless-body"
        case .badField(let field): text = "bad-field=\(field.rawValue)"
        case .gzip: text = "gzip"
        }
        switch trigger {
        case .always: break
        case .rate(let rate): text += "@\(rate)"
        case .count(let count): text += "x\(count)"
        }
        if !methods.isEmpty { text += "/" + methods.sorted().joined(separator: ",") }
        if let queryContains { text += "?" + queryContains }
        return text
    }

    private static func ms(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) }

    /// The syntax, for `confwatch sim --help`.
    public static let syntax = """
        KIND[=ARG][@RATE|xCOUNT][/METHODS], repeatable. KIND is one of:
          500, 503         that status with Twilio's error JSON
          401, 403         refuse the credentials (20003), as a revoked token would
          502, 504         that status with an HTML page, as a proxy sends
          429[=SECONDS]    429 (code 20429), with Retry-After: SECONDS if given
          reset            half the body, then the connection is dropped
          truncate         a JSON body cut in half (valid HTTP)
          malformed        a body that is not JSON
          wrong-shape      valid JSON of the wrong shape
          huge[=MB]        a valid answer padded to MB megabytes (default 10)
          hang             no answer at all
          endless-pages    JSON list pages always name a further page, a new one
          page-loop        a list page names itself as the next page
          page-cycle       a page past the first names the first page as next
          page-escape      a page names a next page outside the account (..)
          stall            the headers, then the body never comes
          trickle[=BPS]    the answer at BPS bytes a second (default 1)
          endless-body     the headers, then a body that never ends
          bad-field=KIND   spoil the first participant of a list: label-number,
                           date-iso, date-empty, label-utf8 or no-call-sid
          gzip             a gzip-compressed body nobody asked for
          latency=MS[-MS]  wait MS milliseconds (or a random time in range)
        @RATE fires on that share of requests (0.1 = one in ten); xCOUNT on
        the next COUNT requests; neither means every request. /METHODS limits
        it to those methods, e.g. /GET or /POST,DELETE; ?TEXT to requests whose
        query holds TEXT (?PageToken: pages past the first). Examples:
          --fault 503@0.1  --fault 429=2x3/GET  --fault latency=50-300
          --fault 500x1/GET?PageToken
        """

    /// Parses one `--fault` value, with an error naming what is wrong and how to write it.
    public static func parse(_ spec: String) throws(FaultSpecError) -> FaultRule {
        var rest = Substring(spec.trimmingCharacters(in: .whitespaces))
        var queryContains: String?
        if let question = rest.firstIndex(of: "?") {
            queryContains = String(rest[rest.index(after: question)...])
            guard queryContains?.isEmpty == false else { throw FaultSpecError(spec: spec, problem: "'?' needs the text the query must hold, e.g. ?PageToken") }
            rest = rest[..<question]
        }
        var methods: Set<String> = []
        if let slash = rest.firstIndex(of: "/") {
            let list = rest[rest.index(after: slash)...].split(separator: ",").map { $0.uppercased() }
            guard !list.isEmpty, list.allSatisfy({ ["GET", "POST", "DELETE", "PUT"].contains($0) }) else {
                throw FaultSpecError(spec: spec, problem: "methods after '/' must be GET, POST, DELETE or PUT, comma-separated")
            }
            methods = Set(list)
            rest = rest[..<slash]
        }
        var trigger = Trigger.always
        if let at = rest.firstIndex(of: "@") {
            guard let rate = Double(rest[rest.index(after: at)...]), rate >= 0, rate <= 1 else {
                throw FaultSpecError(spec: spec, problem: "the rate after '@' must be a number from 0 to 1, e.g. @0.1")
            }
            trigger = .rate(rate)
            rest = rest[..<at]
        } else if let x = rest.lastIndex(of: "x"), let count = Int(rest[rest.index(after: x)...]) {
            guard count > 0 else { throw FaultSpecError(spec: spec, problem: "the count after 'x' must be at least 1") }
            trigger = .count(count)
            rest = rest[..<x]
        }
        let parts = rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? String(parts[1]) : nil
        let kind: Kind
        switch name {
        case "401", "403", "500", "502", "503", "504":
            guard argument == nil else { throw FaultSpecError(spec: spec, problem: "\(name) takes no '=' argument") }
            kind = .status(Int(name)!, retryAfter: nil)
        case "429":
            if let argument {
                guard let seconds = Int(argument), seconds >= 0 else { throw FaultSpecError(spec: spec, problem: "429=SECONDS needs whole seconds, e.g. 429=2") }
                kind = .status(429, retryAfter: seconds)
            } else {
                kind = .status(429, retryAfter: nil)
            }
        case "reset": kind = .reset
        case "truncate": kind = .truncate
        case "malformed": kind = .malformed
        case "wrong-shape": kind = .wrongShape
        case "hang": kind = .hang
        case "endless-pages": kind = .endlessPages
        case "page-loop": kind = .pageLoop
        case "page-cycle": kind = .pageCycle
        case "page-escape": kind = .pageEscape
        case "stall": kind = .stall
        case "endless-body": kind = .endlessBody
        case "gzip": kind = .gzip
        case "trickle":
            let rate = argument.map { Double($0) } ?? 1
            guard let rate, rate > 0, rate <= 1_000_000 else { throw FaultSpecError(spec: spec, problem: "trickle=BPS needs bytes a second, e.g. trickle=1") }
            kind = .trickle(bytesPerSecond: rate)
        case "bad-field":
            guard let argument, let field = BadField(rawValue: argument) else {
                throw FaultSpecError(spec: spec, problem: "bad-field needs one of " + BadField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kind = .badField(field)
        case "huge":
            let megabytes = argument.map { Double($0) } ?? 10
            guard let megabytes, megabytes > 0, megabytes <= 512 else { throw FaultSpecError(spec: spec, problem: "huge=MB needs a size from 1 to 512") }
            kind = .huge(bytes: Int(megabytes * 1_000_000))
        case "latency":
            guard let argument else { throw FaultSpecError(spec: spec, problem: "latency needs milliseconds, e.g. latency=200 or latency=100-400") }
            let bounds = argument.split(separator: "-").map { Double($0) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low >= 0, high >= low else {
                throw FaultSpecError(spec: spec, problem: "latency needs milliseconds, e.g. latency=200 or latency=100-400")
            }
            kind = .latency((low / 1000)...(high / 1000))
        default:
            throw FaultSpecError(spec: spec, problem: "unknown fault '\(name)'; see `confwatch sim --help` for the list, e.g. 500, 503, 429, reset, stall, latency")
        }
        return FaultRule(kind, trigger: trigger, methods: methods, queryContains: queryContains)
    }
}

public struct FaultSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public var spec: String
    public var problem: String
    public var description: String { "fault '\(spec)': \(problem)" }
}
