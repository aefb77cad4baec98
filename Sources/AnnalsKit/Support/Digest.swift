import Crypto
import Foundation

/// SHA-256 in lowercase hex: the identity of a document, and the short keys of events.
enum Digest {
    static func sha256Hex(_ bytes: some DataProtocol) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
