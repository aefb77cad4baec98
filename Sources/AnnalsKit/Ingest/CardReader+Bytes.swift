// Byte ranges of the card's UTF-8: trimming, keys, comparisons and joining into strings.

extension CardReader {
    // MARK: - Bytes and scalars

    /// White space, including the non-ASCII kinds (NBSP, ideographic space, ZWSP, BOM…).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Emoji, pictographs, arrows, dingbats and bullets used as markers.
    static func isMarker(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2022, 0x2023, 0x2043, 0x203C, 0x2049, 0x2139, 0x200D, 0x20E3: return true
        case 0x2190...0x2BFF, 0xFE00...0xFE0F, 0x1F000...0x1FAFF, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// The scalar that starts at `i` (the text is valid UTF-8).
    @inline(__always)
    func scalar(at i: Int) -> Unicode.Scalar {
        UTF8Bytes.scalar(in: b, at: i) ?? Unicode.Scalar(b[i])
    }

    /// The start of the scalar that ends at `end`.
    @inline(__always)
    func scalarStart(before end: Int, from lower: Int) -> Int {
        UTF8Bytes.scalarStart(in: b, before: end, from: lower)
    }

    func string(_ span: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[span]), as: UTF8.self)
    }

    /// `span` without white space (and markers) at either end.
    func trim(_ span: Span, markers: Bool = false) -> Span {
        @inline(__always) func drops(_ i: Int) -> Bool {
            let c = b[i]
            if c < 0x80 { return UTF8Bytes.isASCIISpace(c) }
            let s = scalar(at: i)
            return Self.isSpace(s) || (markers && Self.isMarker(s))
        }
        var lower = span.lowerBound
        var upper = span.upperBound
        while lower < upper, drops(lower) { lower += UTF8Bytes.sequenceLength(b[lower]) }
        while upper > lower {
            let k = scalarStart(before: upper, from: lower)
            guard drops(k) else { break }
            upper = k
        }
        return lower..<max(lower, upper)
    }

    /// Lowercase ASCII letters and digits of `span`, at most `limit` of them: what headings
    /// and boilerplate are compared on.
    func key(_ span: Span, limit: Int = 48) -> Key {
        var out = Key()
        out.reserveCapacity(min(limit, span.count))
        for i in span {
            let c = b[i]
            guard UTF8Bytes.isASCIIAlphanumeric(c) else { continue }
            out.append(UTF8Bytes.lowercased(c))
            if out.count == limit { break }
        }
        return out
    }

    /// Whether the first ASCII letter or digit of `span` can start a heading or boilerplate.
    func mayBeSpecial(_ span: Span) -> Bool {
        for i in span where UTF8Bytes.isASCIIAlphanumeric(b[i]) { return Self.specialInitials.contains(UTF8Bytes.lowercased(b[i])) }
        return false
    }

    /// When `span` starts with `key` (comparing lowercase letters and digits, skipping ASCII
    /// punctuation and white space), the rest of `span` after it.
    func remainder(_ span: Span, afterKey key: Key) -> Span? {
        var i = span.lowerBound
        var k = 0
        while k < key.count {
            guard i < span.upperBound else { return nil }
            let c = b[i]
            if UTF8Bytes.isASCIIAlphanumeric(c) {
                guard UTF8Bytes.lowercased(c) == key[k] else { return nil }
                k += 1
                i += 1
            } else if c < 0x80 {
                i += 1
            } else if Self.isSpace(scalar(at: i)) {
                i += UTF8Bytes.sequenceLength(c)
            } else {
                return nil
            }
        }
        return i..<span.upperBound
    }

    /// Whether `span` holds a letter or digit (any script).
    func hasAlphanumeric(_ span: Span) -> Bool {
        var i = span.lowerBound
        while i < span.upperBound {
            let c = b[i]
            if c < 0x80 {
                if UTF8Bytes.isASCIIAlphanumeric(c) { return true }
            } else {
                let s = scalar(at: i)
                if s.properties.isAlphabetic || s.properties.numericType != nil { return true }
            }
            i += UTF8Bytes.sequenceLength(c)
        }
        return false
    }

    func startsWith(_ span: Span, _ bytes: [UInt8]) -> Bool {
        span.count >= bytes.count && b[span.lowerBound..<span.lowerBound + bytes.count].elementsEqual(bytes)
    }

    /// The first occurrence of the lowercase ASCII `needle` in `span`, ignoring case.
    func firstRange(of needle: [UInt8], in span: Span) -> Span? {
        guard span.count >= needle.count, let first = needle.first else { return nil }
        var i = span.lowerBound
        while i + needle.count <= span.upperBound {
            if UTF8Bytes.lowercased(b[i]) == first {
                var k = 1
                while k < needle.count, UTF8Bytes.lowercased(b[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i..<i + needle.count }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Joining

    /// Lines joined with single spaces, markers trimmed at both ends of each line and
    /// white-space runs collapsed; nil when nothing is left.
    func join<C: Collection>(_ lines: C) -> String? where C.Element == Span {
        guard !lines.isEmpty else { return nil }
        let text = collapse(lines.map { trim($0, markers: true) })
        return text.isEmpty ? nil : text
    }

    /// The spans' text with single spaces between them and inside them.
    func collapse(_ spans: [Span]) -> String {
        // One clean line, the common case, is copied as is.
        if spans.count == 1, isCollapsed(spans[0]) { return string(spans[0]) }
        var out: [UInt8] = []
        out.reserveCapacity(spans.reduce(spans.count) { $0 + $1.count })
        var pendingSpace = false
        for span in spans {
            var i = span.lowerBound
            while i < span.upperBound {
                let c = b[i]
                let length = UTF8Bytes.sequenceLength(c)
                if c < 0x80 ? UTF8Bytes.isASCIISpace(c) : Self.isSpace(scalar(at: i)) {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<min(i + length, span.upperBound)]))
                }
                i += length
            }
            pendingSpace = true
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `span` has no white space at its ends, no tab and no run of spaces.
    func isCollapsed(_ span: Span) -> Bool {
        var previousSpace = true  // a leading space is not collapsed
        for i in span {
            let c = b[i]
            if c == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if c < 0x20 || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF {
                return false  // control, or maybe non-ASCII white space: take the careful path
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }
}
