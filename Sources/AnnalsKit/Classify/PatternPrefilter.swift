/// The literal words a regular expression cannot match without, so the classifier runs
/// NSRegularExpression (slow on Linux) only on the few texts that contain them.
///
/// `requiredLiteralGroups(of:)` reads the pattern's structure conservatively and returns
/// groups of literals: a text can match only if it contains a literal of every group. A
/// run of ASCII letters and digits outside any optional part is a group of one; a group
/// whose every alternative requires a literal gives a group of one literal per
/// alternative; anything it does not understand requires nothing. Literals are at least
/// two characters long. No group (an empty list) means the pattern runs on every text.
///
/// `(?-i)` is fine (the prefilter ignores case, which can only let more texts through);
/// `(?x)` and `\Q…\E` turn the prefilter off. The prefilter compares ASCII letters without
/// case; a text where case folding changes length (`ß` for `ss`, the `ﬁ` ligature) could
/// escape a prefiltered pattern that ICU would match.
enum PatternPrefilter {
    static func requiredLiteralGroups(of pattern: String) -> [[String]] {
        var analyzer = Analyzer(s: Array(pattern.unicodeScalars))
        let groups = analyzer.alternation()
        if analyzer.failed || analyzer.i < analyzer.s.count { return [] }
        var seen: Set<[String]> = []
        return groups.map { Array(Set($0)).sorted() }.filter { seen.insert($0).inserted }
    }

    /// Whether `text` holds a literal of every group.
    static func admits(_ text: UnsafeBufferPointer<UInt8>, _ groups: [[[UInt8]]]) -> Bool {
        groups.allSatisfy { group in group.contains { contains(text, $0) } }
    }

    /// Whether `literal` (lowercase ASCII) occurs in `text`, ignoring ASCII case.
    @inline(__always)
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ literal: [UInt8]) -> Bool {
        let m = literal.count
        let n = text.count
        guard m > 0, n >= m else { return m == 0 }
        let first = literal[0]
        var i = 0
        while i <= n - m {
            var b = text[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b == first {
                var k = 1
                while k < m {
                    var c = text[i + k]
                    if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    if c != literal[k] { break }
                    k += 1
                }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    /// Finds, in one pass over a text, which of many literals it holds: the classifier's
    /// prefilter for all its patterns at once, so that its cost does not grow with the
    /// number of literals (one table lookup per byte, a comparison per literal starting
    /// with that byte).
    struct Scanner: Sendable {
        let count: Int
        /// Literal i is `storage[offsets[i] ..< offsets[i + 1]]`.
        private let storage: [UInt8]
        private let offsets: [Int32]
        /// The literals starting with byte b are `ids[firstStart[b] ..< firstStart[b + 1]]`.
        private let firstStart: [Int32]
        private let ids: [Int32]

        init(_ literals: [[UInt8]]) {
            count = literals.count
            storage = literals.flatMap { $0 }
            var offsets: [Int32] = [0]
            for literal in literals { offsets.append(offsets.last! + Int32(literal.count)) }
            self.offsets = offsets
            var byByte = Array(repeating: [Int32](), count: 256)
            for (id, literal) in literals.enumerated() where !literal.isEmpty { byByte[Int(literal[0])].append(Int32(id)) }
            var firstStart: [Int32] = [0]
            for list in byByte { firstStart.append(firstStart.last! + Int32(list.count)) }
            self.firstStart = firstStart
            ids = byByte.flatMap { $0 }
        }

        /// For each literal, whether `text` holds it (ignoring ASCII case).
        func found(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
            var found = Array(repeating: false, count: count)
            storage.withUnsafeBufferPointer { storage in
                offsets.withUnsafeBufferPointer { offsets in
                    firstStart.withUnsafeBufferPointer { firstStart in
                        ids.withUnsafeBufferPointer { ids in
                            found.withUnsafeMutableBufferPointer { found in
                                let n = text.count
                                for i in 0..<n {
                                    var b = text[i]
                                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                                    for c in Int(firstStart[Int(b)])..<Int(firstStart[Int(b) + 1]) {
                                        let id = Int(ids[c])
                                        if found[id] { continue }
                                        let start = Int(offsets[id])
                                        let m = Int(offsets[id + 1]) - start
                                        guard i + m <= n else { continue }
                                        var k = 1
                                        while k < m {
                                            var x = text[i + k]
                                            if x >= 0x41 && x <= 0x5A { x |= 0x20 }
                                            if x != storage[start + k] { break }
                                            k += 1
                                        }
                                        if k == m { found[id] = true }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return found
        }
    }

    private struct Analyzer {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false

        /// Alternatives up to `)` or the end: the groups of a lone alternative, or one
        /// group with the best group of each alternative when every one has a group.
        mutating func alternation() -> [[String]] {
            var alternatives = [sequence()]
            while !failed, i < s.count, s[i] == "|" {
                i += 1
                alternatives.append(sequence())
            }
            if alternatives.count == 1 { return alternatives[0] }
            var union: [String] = []
            for groups in alternatives {
                guard let best = Self.best(groups) else { return [] }
                union += best
            }
            return [union]
        }

        /// The group whose shortest literal is longest: the most selective.
        static func best(_ groups: [[String]]) -> [String]? {
            groups.max { a, b in a.map(\.count).min()! < b.map(\.count).min()! }
        }

        /// Every group the items of a sequence require.
        mutating func sequence() -> [[String]] {
            var groups: [[String]] = []
            var run = ""
            func consider(_ candidate: [[String]]) {
                for group in candidate where !group.isEmpty && group.allSatisfy({ $0.count >= 2 }) {
                    groups.append(group)
                }
            }
            func flush() {
                if run.count >= 2 { groups.append([run]) }
                run = ""
            }
            while !failed, i < s.count, s[i] != "|", s[i] != ")" {
                let c = s[i]
                switch c {
                case "(":
                    flush()
                    i += 1
                    var counts = true
                    if i < s.count, s[i] == "?" {
                        i += 1
                        guard i < s.count else { failed = true; return [] }
                        switch s[i] {
                        case ":", ">", "|":
                            i += 1
                        case "=", "!":
                            counts = false
                            i += 1
                        case "<":
                            if i + 1 < s.count, s[i + 1] == "=" || s[i + 1] == "!" {
                                counts = false
                                i += 2
                            } else {
                                while i < s.count, s[i] != ">" { i += 1 }
                                i += 1
                            }
                        case "#":
                            while i < s.count, s[i] != ")" { i += 1 }
                            i += 1
                            continue
                        default:
                            // Flags: (?i) (?-i) (?s) … or (?i: … ).
                            var flags = ""
                            while i < s.count, s[i] != ")", s[i] != ":" {
                                flags.unicodeScalars.append(s[i])
                                i += 1
                            }
                            if flags.contains("x") { failed = true; return [] }
                            guard i < s.count else { failed = true; return [] }
                            if s[i] == ")" {
                                i += 1
                                continue
                            }
                            i += 1
                        }
                    }
                    let inner = alternation()
                    guard i < s.count, s[i] == ")" else { failed = true; return [] }
                    i += 1
                    let minimum = quantifier()
                    if counts && minimum >= 1 { consider(inner) }
                case "[":
                    flush()
                    skipClass()
                    _ = quantifier()
                case "\\":
                    flush()
                    i += 1
                    guard i < s.count else { failed = true; return [] }
                    let e = s[i]
                    i += 1
                    if e == "Q" { failed = true; return [] }
                    if ["p", "P", "N", "x", "k", "g"].contains(e), i < s.count, s[i] == "{" {
                        while i < s.count, s[i] != "}" { i += 1 }
                        i += 1
                    } else if e == "c" {
                        i += 1
                    }
                    _ = quantifier()
                case "*", "+", "?", "{":
                    // A quantifier with nothing before it; ICU rejects most of these anyway.
                    flush()
                    _ = quantifier()
                    if i < s.count, s[i] == c { i += 1 }
                default:
                    i += 1
                    let minimum = quantifier()
                    let isWord = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))
                    if !isWord {
                        flush()
                    } else if minimum == 1 && !quantified {
                        run.unicodeScalars.append(Unicode.Scalar(UInt8(c.value)).lowercased)
                    } else if minimum >= 1 {
                        // `ab+c`: `ab` is required, the run cannot go on past the `+`.
                        run.unicodeScalars.append(Unicode.Scalar(UInt8(c.value)).lowercased)
                        flush()
                    } else {
                        flush()
                    }
                }
            }
            flush()
            return groups
        }

        /// Whether the last ``quantifier()`` read one.
        var quantified = false

        /// Reads an optional quantifier; returns the minimum count (1 without one).
        mutating func quantifier() -> Int {
            quantified = false
            guard i < s.count else { return 1 }
            var minimum = 1
            switch s[i] {
            case "*", "?":
                minimum = 0
                i += 1
            case "+":
                i += 1
            case "{":
                var j = i + 1
                var digits = ""
                while j < s.count, ("0"..."9").contains(s[j]) {
                    digits.unicodeScalars.append(s[j])
                    j += 1
                }
                while j < s.count, s[j] != "}" { j += 1 }
                minimum = Int(digits) ?? 0
                i = j + 1
            default:
                return 1
            }
            quantified = true
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            return minimum
        }

        mutating func skipClass() {
            i += 1
            if i < s.count, s[i] == "^" { i += 1 }
            if i < s.count, s[i] == "]" { i += 1 }
            var depth = 1
            while i < s.count {
                switch s[i] {
                case "\\": i += 2
                case "[":
                    depth += 1
                    i += 1
                case "]":
                    depth -= 1
                    i += 1
                    if depth == 0 { return }
                default: i += 1
                }
            }
            failed = true
        }
    }
}

private extension Unicode.Scalar {
    var lowercased: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(value | 0x20)! : self
    }
}
