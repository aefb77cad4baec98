/// The literal words a regular expression cannot match without, so the classifier runs
/// NSRegularExpression (slow on Linux) only on the few texts that contain one of them.
///
/// `requiredLiterals(of:)` reads the pattern's structure conservatively: a run of ASCII
/// letters and digits outside any optional part is required; a group whose every
/// alternative requires a literal requires one of them; anything it does not understand
/// requires nothing. It returns nil when the pattern requires no literal of two or more
/// characters, and the pattern then runs on every text.
///
/// `(?-i)` is fine (the prefilter ignores case, which can only let more texts through);
/// `(?x)` and `\Q…\E` turn the prefilter off. The prefilter compares ASCII letters without
/// case; a text where case folding changes length (`ß` for `ss`, the `ﬁ` ligature) could
/// escape a prefiltered pattern that ICU would match.
enum PatternPrefilter {
    static func requiredLiterals(of pattern: String) -> [String]? {
        var analyzer = Analyzer(s: Array(pattern.unicodeScalars))
        let result = analyzer.alternation()
        if analyzer.failed || analyzer.i < analyzer.s.count { return nil }
        return result.map { Array(Set($0)).sorted() }
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

    private struct Analyzer {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false

        /// Alternatives up to `)` or the end: every alternative must require a literal.
        mutating func alternation() -> [String]? {
            var result = sequence()
            while !failed, i < s.count, s[i] == "|" {
                i += 1
                let next = sequence()
                if let a = result, let b = next { result = a + b } else { result = nil }
            }
            return result
        }

        /// The best requirement among the items of a sequence: the one whose shortest
        /// literal is longest.
        mutating func sequence() -> [String]? {
            var best: [String]? = nil
            var run = ""
            func consider(_ candidate: [String]?) {
                guard let candidate, !candidate.isEmpty, candidate.allSatisfy({ $0.count >= 2 }) else { return }
                let score = candidate.map(\.count).min()!
                if let current = best, current.map(\.count).min()! >= score { return }
                best = candidate
            }
            func flush() {
                if run.count >= 2 { consider([run]) }
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
                        guard i < s.count else { failed = true; return nil }
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
                            if flags.contains("x") { failed = true; return nil }
                            guard i < s.count else { failed = true; return nil }
                            if s[i] == ")" {
                                i += 1
                                continue
                            }
                            i += 1
                        }
                    }
                    let inner = alternation()
                    guard i < s.count, s[i] == ")" else { failed = true; return nil }
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
                    guard i < s.count else { failed = true; return nil }
                    let e = s[i]
                    i += 1
                    if e == "Q" { failed = true; return nil }
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
            return best
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
