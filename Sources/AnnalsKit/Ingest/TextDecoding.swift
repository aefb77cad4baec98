import Foundation

/// Turns the bytes of a document into text the parsers can rely on, or says why it cannot.
///
/// Every document Annals receives goes through here first, so the rules are strict and
/// the work is one scan over the bytes (it runs on drop folders of 100k files):
///
/// - no bytes, or only white space (ASCII or Unicode, after a BOM) → ``IngestError/empty``;
/// - a NUL byte anywhere, or more than 10% C0 control bytes (not counting tab, line
///   feed, carriage return and form feed) → ``IngestError/binary``;
/// - bytes that are not well-formed UTF-8 → ``IngestError/invalidUTF8(offset:)``, where
///   `offset` counts from the first byte of the input (a BOM included) and points at the
///   first byte of the first ill-formed sequence (for a truncated sequence, its lead byte);
/// - a leading UTF-8 byte order mark is dropped;
/// - CRLF and lone CR line ends become LF, so parsers only ever see `\n`.
///
/// When several rules apply, binary wins over invalid UTF-8, which wins over empty.
public enum TextDecoding {
    /// Decodes a document's bytes; see the type's rules.
    public static func decode(_ bytes: [UInt8]) throws -> String {
        try bytes.withUnsafeBufferPointer { try decode(buffer: $0) }
    }

    /// Decodes a document's bytes; see the type's rules.
    public static func decode(_ data: Data) throws -> String {
        try data.withUnsafeBytes { raw in try decode(buffer: raw.bindMemory(to: UInt8.self)) }
    }

    /// Decodes a document's bytes from any byte collection (an `ArraySlice`, a file's
    /// mapped bytes…); see the type's rules.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws -> String where Bytes.Element == UInt8 {
        if let text = try bytes.withContiguousStorageIfAvailable({ try decode(buffer: $0) }) {
            return text
        }
        return try decode(Array(bytes))
    }

    // MARK: - The scan

    static func decode(buffer b: UnsafeBufferPointer<UInt8>) throws -> String {
        let n = b.count
        guard n > 0 else { throw IngestError.empty }

        var start = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }

        var controls = 0
        var sawCR = false
        var firstContent = -1  // offset of the first byte that is not ASCII white space
        var invalidAt = -1
        var i = start
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c < 0x21 {
                    switch c {
                    case 0x00: throw IngestError.binary
                    case 0x0D: sawCR = true
                    case 0x20, 0x09, 0x0A, 0x0C: break
                    case 0x0B:
                        controls += 1  // vertical tab: white space, but a control byte
                    default:
                        controls += 1
                        if firstContent < 0 { firstContent = i }
                    }
                } else if firstContent < 0 {
                    firstContent = i
                }
                i += 1
                continue
            }
            // A multi-byte sequence: its length and the allowed range of its second byte.
            if firstContent < 0 { firstContent = i }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0  // a continuation byte with no lead, C0, C1 or F5…FF
            }
            var ok = length > 0 && i + length <= n
            if ok {
                let second = b[i + 1]
                ok = second >= low && second <= high
                var k = 2
                while ok && k < length {
                    ok = b[i + k] & 0xC0 == 0x80
                    k += 1
                }
            }
            if ok {
                i += length
            } else {
                if invalidAt < 0 { invalidAt = i }
                i += 1  // keep scanning: a NUL further on still makes it binary
            }
        }

        if controls * 10 > n { throw IngestError.binary }
        if invalidAt >= 0 { throw IngestError.invalidUTF8(offset: invalidAt) }
        if firstContent < 0 { throw IngestError.empty }

        let body = UnsafeBufferPointer(rebasing: b[start...])
        let text: String
        if sawCR {
            text = String(unsafeUninitializedCapacity: body.count) { out in
                var w = 0
                var r = 0
                let m = body.count
                while r < m {
                    let c = body[r]
                    if c == 0x0D {
                        out[w] = 0x0A
                        if r + 1 < m && body[r + 1] == 0x0A { r += 1 }
                    } else {
                        out[w] = c
                    }
                    w += 1
                    r += 1
                }
                return w
            }
        } else {
            text = String(decoding: body, as: UTF8.self)
        }

        // The first non-ASCII-space byte may start Unicode white space (NBSP, U+3000…).
        if b[firstContent] >= 0x80,
            !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
        {
            throw IngestError.empty
        }
        return text
    }
}
