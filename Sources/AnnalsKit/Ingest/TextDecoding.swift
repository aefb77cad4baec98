// TEMP STUB
public enum TextDecoding { public static func decode(_ bytes: [UInt8]) throws -> String { String(decoding: bytes, as: UTF8.self) } }
