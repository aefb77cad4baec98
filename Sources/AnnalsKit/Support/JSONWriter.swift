import Foundation

/// A JSON value whose objects keep their keys in the order given, so output is
/// deterministic and reads in a meaningful order (`id` first). Foundation's
/// `JSONEncoder` sorts keys on Linux and `JSONSerialization` does not keep them in
/// any fixed order, so Annals writes JSON itself with ``JSONWriter``.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case int(Int64)
    /// Written with Swift's shortest round-tripping form; NaN and infinities as `null`.
    case double(Double)
    /// A string, escaped only where JSON requires it.
    case string(String)
    /// An array: its elements in order.
    case array([JSONValue])
    /// Members in the order they are written. Keys are not checked for duplicates.
    case object([(key: String, value: JSONValue)])

    /// A string, or `null` when `value` is nil.
    public init(_ value: String?) {
        self = value.map(JSONValue.string) ?? .null
    }

    /// An integer, or `null` when `value` is nil.
    public init(_ value: Int64?) {
        self = value.map(JSONValue.int) ?? .null
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object whose keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}

/// Writes ``JSONValue``s as UTF-8 JSON text (RFC 8259): keys in the order given,
/// non-ASCII kept as UTF-8, and only what must be escaped escaped — `"`, `\`, and
/// control characters (U+0000…U+001F and U+007F, as `\n`, `\t`… or `\u00XX`).
///
/// Compact output has no spaces (one value per line suits NDJSON); pretty output
/// indents by two spaces and writes `"key": value`.
public struct JSONWriter: Sendable {
    /// Whether to indent nested values on their own lines.
    public var pretty: Bool

    /// A writer of compact JSON (no spaces, one line), or indented JSON when `pretty` is true.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// Appends `value`'s JSON text to `output`, with no trailing newline.
    public func write(_ value: JSONValue, to output: inout [UInt8]) {
        write(value, depth: 0, to: &output)
    }

    /// The JSON text of `value` as UTF-8 bytes.
    public func data(_ value: JSONValue) -> Data {
        var bytes: [UInt8] = []
        write(value, to: &bytes)
        return Data(bytes)
    }

    /// The JSON text of `value`.
    public func string(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func write(_ value: JSONValue, depth: Int, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n):
            out.append(contentsOf: String(n).utf8)
        case .double(let d):
            out.append(contentsOf: (d.isFinite ? d.description : "null").utf8)
        case .string(let s):
            JSONWriter.writeString(s, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, &out)
                write(element, depth: depth + 1, to: &out)
            }
            newline(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, &out)
                JSONWriter.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1, to: &out)
            }
            newline(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ depth: Int, _ out: inout [UInt8]) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `s` as a quoted JSON string: runs that need no escape are copied whole.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var run = 0  // start of the pending run of bytes copied as they are
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
                else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
