import Foundation

/// `bad-field`: one participant of a list page with one field as a careless server might send it.
enum BadFieldFault {
    private static let marker = "__confwatch_bad_utf8__"

    static func spoil(_ body: [UInt8], _ field: FaultRule.BadField) -> [UInt8] {
        guard var page = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
              var participants = page["participants"] as? [[String: Any]], !participants.isEmpty else { return body }
        switch field {
        case .labelNumber: participants[0]["label"] = 42
        case .dateISO: participants[0]["date_created"] = "2026-11-29T10:00:00Z"
        case .dateEmpty: participants[0]["date_updated"] = ""
        case .labelUTF8: participants[0]["label"] = marker
        case .noCallSid: participants[0]["call_sid"] = nil
        }
        page["participants"] = participants
        guard let data = try? JSONSerialization.data(withJSONObject: page, options: [.withoutEscapingSlashes]) else { return body }
        var bytes = Array(data)
        if field == .labelUTF8, let range = bytes.firstRange(of: Array(marker.utf8)) {
            // "a", two bytes that are never UTF-8, "b".
            bytes.replaceSubrange(range, with: [0x61, 0xFF, 0xFE, 0x62])
        }
        return bytes
    }
}

/// `gzip`: the body as a gzip stream of stored (uncompressed) deflate blocks, valid for any gunzip.
enum GzipStored {
    static func wrap(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var offset = 0
        repeat {
            let count = min(65_535, body.count - offset)
            let last = offset + count == body.count
            out.append(last ? 0x01 : 0x00)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += body[offset..<(offset + count)]
            offset += count
        } while offset < body.count
        out += littleEndian(crc32(body)) + littleEndian(UInt32(truncatingIfNeeded: body.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
