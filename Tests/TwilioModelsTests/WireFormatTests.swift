import Foundation
import Testing
@testable import TwilioModels

@Suite("RFC 2822 dates, form encoding, SIDs")
struct WireFormatTests {
    @Test(arguments: [
        ("Wed, 18 Aug 2010 20:20:10 +0000", 1_282_162_810.0),
        ("18 Aug 2010 20:20:10 +0000", 1_282_162_810.0),
        ("Wed, 18 Aug 2010 22:20:10 +0200", 1_282_162_810.0),
        ("Wed, 18 Aug 2010 15:20:10 -0500", 1_282_162_810.0),
        ("Wed, 18 Aug 2010 20:20:10 GMT", 1_282_162_810.0),
        ("Wed, 18 Aug 2010 20:20 +0000", 1_282_162_800.0),
        ("Thu, 01 Jan 1970 00:00:00 +0000", 0.0),
        ("Tue, 29 Feb 2028 23:59:59 +0000", 1_835_481_599.0),
    ])
    func parsesRFC2822(text: String, seconds: Double) {
        #expect(RFC2822.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["", "2010-08-18T20:20:10Z", "Wed, 32 Aug 2010 20:20:10 +0000", "Wed, 18 Foo 2010 20:20:10 +0000",
                      "Wed, 18 Aug 2010 25:20:10 +0000", "Wed 18 Aug 2010 20:20:10 +0000", "Wed, 18 Aug 2010 20:20:10 +00", "Wed, 18 Aug 2010 20:20:10 +0000 junk"])
    func refusesWhatIsNotRFC2822(text: String) {
        #expect(RFC2822.date(from: text) == nil)
    }

    @Test func formatsAndParsesBackTheSameSecond() {
        for seconds in stride(from: -86_400.0 * 400, to: 86_400.0 * 30_000, by: 86_400.0 * 37.3) {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            let text = RFC2822.string(from: date)
            #expect(RFC2822.date(from: text) == date, "\(text)")
        }
        #expect(RFC2822.string(from: Date(timeIntervalSince1970: 1_282_162_810)) == "Wed, 18 Aug 2010 20:20:10 +0000")
    }

    @Test func escapesFormValuesSoPlusSurvives() {
        #expect(FormEncoding.encode([("To", "+15558675310"), ("Label", "a b&c=d/é")]) == "To=%2B15558675310&Label=a%20b%26c%3Dd%2F%C3%A9")
        #expect(FormEncoding.encode([("StatusCallbackEvent", "ringing"), ("StatusCallbackEvent", "answered")])
            == "StatusCallbackEvent=ringing&StatusCallbackEvent=answered")
    }

    @Test func decodesFormsAsServersDo() {
        let pairs = FormEncoding.decode("Muted=true&HoldUrl=http%3A%2F%2Fx%2Fy&Label=two+words&Empty=&Bad=%zz")
        #expect(pairs.map(\.0) == ["Muted", "HoldUrl", "Label", "Empty", "Bad"])
        #expect(pairs.map(\.1) == ["true", "http://x/y", "two words", "", "%zz"])
        #expect(FormEncoding.unescapePath("a+b%20c") == "a+b c")
    }

    @Test func recognisesSIDs() {
        #expect(SID.isConference("CFbbe46ff1274e283f7e3ac1df0072ab39"))
        #expect(!SID.isConference("CFbbe46ff1274e283f7e3ac1df0072ab3"))
        #expect(!SID.isConference("CAbbe46ff1274e283f7e3ac1df0072ab39"))
        #expect(!SID.isCall("CAbbe46ff1274e283f7e3ac1df0072ab3g"))
        #expect(SID.isAccount("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX") == false)
        #expect(SID.isAPIKey("SK0123456789abcdefABCDEF0123456789"))
    }

    @Test func readsDaysForTheConferenceDateFilters() {
        #expect(ISODay.parse("2026-11-25") == RFC2822.days(fromCivil: 2026, month: 11, day: 25))
        #expect(ISODay.parse("2026-02-30") == nil)
        #expect(ISODay.parse("26-11-25") == nil)
        #expect(ISODay.parse("2026-1-5") == nil)
    }
}
