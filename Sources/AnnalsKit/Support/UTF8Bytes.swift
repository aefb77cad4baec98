/// Byte-level tests and scalar decoding over valid UTF-8, shared by the parsers that read
/// text as bytes (``CardParser``, ``MojibakeRepair``) so that each rule is written once.
enum UTF8Bytes {
    /// The length of the UTF-8 sequence that `lead` starts (1 for ASCII).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    /// ASCII white space: space, tab, and the line breaks LF, VT, FF, CR.
    @inline(__always)
    static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    /// `c` in lowercase when it is an ASCII capital, else `c`.
    @inline(__always)
    static func lowercased(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c + 32 : c }

    /// The scalar that starts at `i`, or nil past the end or for a sequence cut short.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        guard i < b.count else { return nil }
        let lead = b[i]
        let length = sequenceLength(lead)
        guard length > 1 else { return Unicode.Scalar(lead) }
        guard i + length <= b.count else { return nil }
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// The start of the scalar that ends just before `end`, looking no further back than `lower`.
    @inline(__always)
    static func scalarStart(in b: UnsafeBufferPointer<UInt8>, before end: Int, from lower: Int) -> Int {
        var k = end - 1
        while k > lower, b[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }
}
