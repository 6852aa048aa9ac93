import TwilioModels
/// Finds where things are in a JSON list envelope without decoding it: the byte range of each element
/// of one array member, and of a few other members. Used only to skip work on a poll; anything it
/// does not understand makes it give up (nil), and the caller decodes the whole body normally.
struct JSONLayout {
    /// Ranges of the elements of the `arrayKey` array, in order.
    var elements: [Range<Int>] = []
    /// Ranges of the values of the other top-level members, by key.
    var members: [String: Range<Int>] = [:]

    static func scan(_ bytes: UnsafeRawBufferPointer, arrayKey: String) -> JSONLayout? {
        var scanner = Scanner(bytes: bytes)
        var layout = JSONLayout()
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        scanner.skipSpace()
        if scanner.take(UInt8(ascii: "}")) { return layout }
        while true {
            scanner.skipSpace()
            guard let key = scanner.string() else { return nil }
            scanner.skipSpace()
            guard scanner.take(UInt8(ascii: ":")) else { return nil }
            scanner.skipSpace()
            if key == arrayKey {
                guard scanner.take(UInt8(ascii: "[")) else { return nil }
                scanner.skipSpace()
                if !scanner.take(UInt8(ascii: "]")) {
                    while true {
                        scanner.skipSpace()
                        let start = scanner.index
                        guard scanner.skipValue() else { return nil }
                        layout.elements.append(start..<scanner.index)
                        scanner.skipSpace()
                        if scanner.take(UInt8(ascii: ",")) { continue }
                        guard scanner.take(UInt8(ascii: "]")) else { return nil }
                        break
                    }
                }
            } else {
                let start = scanner.index
                guard scanner.skipValue() else { return nil }
                layout.members[key] = start..<scanner.index
            }
            scanner.skipSpace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "}")) else { return nil }
            scanner.skipSpace()
            return scanner.atEnd ? layout : nil
        }
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string without escapes (keys are plain); nil otherwise.
        mutating func string() -> String? {
            let start = index
            guard skipString() else { return nil }
            let inner = bytes[(start + 1)..<(index - 1)]
            guard !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }

        mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return true }
                if byte == UInt8(ascii: "\\") { index += 1 }
                if byte < 0x20 { return false }
            }
            return false
        }

        /// Skips one value (string, number, literal, object or array), nested ones included.
        mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default:
                        break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                        return index > start
                    default:
                        index += 1
                    }
                }
                return index > start
            }
        }
    }
}
