/// One word of a text: lowercased and plural-folded, with where it stands in the text.
struct Token: Hashable, Sendable {
    /// The folded form: `Controls` → `control`, `entities` → `entity`, `China's` → `china`.
    var text: String
    /// UTF-8 offsets of the word in the text (`end` exclusive).
    var start: Int
    var end: Int
}

/// Splits texts into word tokens, the one way the ``Classifier``, the taxonomy's
/// phrases and ``EventKey`` all see words, so that they agree.
///
/// - A word is a run of letters, marks and digits of any script; everything else
///   separates words, so `export-control` is `export control` and `U.S.` is `u s`.
/// - Words are lowercased and plural-folded (see ``foldPlural(_:)``).
/// - A possessive `'s` / `’s` is dropped (`China's` → `china`); an apostrophe inside a
///   word is skipped (`don't` → `dont`).
/// - A `.` or `,` between digits stays in the number (`6.6`, `1,000` → `1000`).
/// - Scripts written without spaces (Han, kana, Hangul, Thai) give one token per
///   character, so a phrase in those scripts matches anywhere inside a run of them:
///   `华为` matches in `华为发布新芯片`, as a substring search would.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(utf8: $0) }
    }

    static func tokens(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(bytes.count / 5 + 1)
        scan(bytes) { word, start, end in
            result.append(Token(text: String(decoding: word, as: UTF8.self), start: start, end: end))
        }
        return result
    }

    /// Calls `body` with each word's folded UTF-8 bytes (valid only during the call) and
    /// its UTF-8 offsets in `bytes`. The one tokenizer: ``tokens(utf8:)`` and the
    /// classifier's allocation-free path both use it.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { scratch in
            var buffer = WordBuffer(scratch: scratch)
            scan(bytes, into: &buffer, body)
        }
    }

    /// Where a word's folded bytes are built: a stack buffer, or the heap for long words.
    struct WordBuffer {
        var scratch: UnsafeMutableBufferPointer<UInt8>
        var heap: [UInt8]? = nil
        var count = 0

        init(scratch: UnsafeMutableBufferPointer<UInt8>) { self.scratch = scratch }

        @inline(__always) mutating func append(_ b: UInt8) {
            if heap == nil, count < scratch.count {
                scratch[count] = b
            } else {
                if heap == nil { heap = Array(scratch[..<count]) }
                heap!.append(b)
            }
            count += 1
        }

        @inline(__always) var isEmpty: Bool { count == 0 }
        @inline(__always) var last: UInt8? {
            guard count > 0 else { return nil }
            return heap?.last ?? scratch[count - 1]
        }

        @inline(__always) mutating func clear() {
            count = 0
            heap = nil
        }

        /// Folds the plural and passes the bytes to `body`.
        @inline(__always) mutating func finish(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            if heap != nil {
                var word = heap!
                foldPlural(&word)
                word.withUnsafeBufferPointer(body)
            } else {
                count = foldPlural(UnsafeMutableBufferPointer(rebasing: scratch[..<count]))
                body(UnsafeBufferPointer(rebasing: scratch[..<count]))
            }
        }
    }

    @inline(__always)
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, into word: inout WordBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void
    ) {
        var start = 0
        let n = bytes.count
        var i = 0

        @inline(__always) func emit(_ end: Int) {
            if word.isEmpty { return }
            word.finish { body($0, start, end) }
            word.clear()
        }
        @inline(__always) func isASCIIWord(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        // An apostrophe of `width` bytes at `i` inside a word: drop `'s` at a word's
        // end, join the word across any other one, end the word before a non-letter.
        func apostrophe(width: Int) -> Int {
            let next = i + width
            guard !word.isEmpty, next < n, isASCIIWord(bytes[next]), !isDigit(bytes[next]) else {
                emit(i)
                return next
            }
            if bytes[next] | 0x20 == 0x73, next + 1 >= n || !isASCIIWord(bytes[next + 1]) && bytes[next + 1] < 0x80 {
                emit(i)
                return next + 1
            }
            return next
        }

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if isASCIIWord(b) {
                    if word.isEmpty { start = i }
                    word.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                } else if (b == 0x2E || b == 0x2C), let last = word.last, isDigit(last), i + 1 < n, isDigit(bytes[i + 1]) {
                    if b == 0x2E { word.append(b) }
                    i += 1
                } else if b == 0x27 {
                    i = apostrophe(width: 1)
                } else {
                    emit(i)
                    i += 1
                }
                continue
            }
            // Non-ASCII: decode one scalar.
            var value: UInt32
            var width: Int
            if b & 0xE0 == 0xC0 {
                value = UInt32(b & 0x1F); width = 2
            } else if b & 0xF0 == 0xE0 {
                value = UInt32(b & 0x0F); width = 3
            } else {
                value = UInt32(b & 0x07); width = 4
            }
            if i + width > n { width = n - i }
            for k in 1..<max(width, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            guard width > 1, let scalar = Unicode.Scalar(value) else {
                emit(i)
                i += max(width, 1)
                continue
            }
            if value == 0x2019 || value == 0x02BC {
                i = apostrophe(width: width)
                continue
            }
            if isUnspacedScript(value) {
                emit(i)
                body(UnsafeBufferPointer(rebasing: bytes[i..<i + width]), i, i + width)
                i += width
                continue
            }
            if isWordScalar(scalar) {
                if word.isEmpty { start = i }
                if scalar.properties.changesWhenLowercased {
                    for byte in scalar.properties.lowercaseMapping.utf8 { word.append(byte) }
                } else {
                    for k in 0..<width { word.append(bytes[i + k]) }
                }
            } else {
                emit(i)
            }
            i += width
        }
        emit(n)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Han, kana, Hangul and Thai: scripts whose words are not separated by spaces.
    static func isUnspacedScript(_ v: UInt32) -> Bool {
        switch v {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1100...0x11FF,  // Hangul Jamo
            0x3040...0x30FF,  // Hiragana, Katakana
            0x3130...0x318F,  // Hangul compatibility Jamo
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xAC00...0xD7AF,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFF9F,  // half-width katakana
            0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }

    // MARK: - Plural folding

    /// Words whose final `s` is not a plural ending.
    static let keepS = ByteSet([
        "news", "chaos", "series", "species", "this", "thus", "does", "goes", "bias", "alias", "atlas",
        "canvas", "texas", "christmas", "whereas", "always", "perhaps", "lens", "ethos", "kudos", "pathos",
        "macos", "mars", "paris", "athens", "vegas", "physics", "politics", "ethics", "economics",
        "mathematics", "analytics", "robotics", "headquarters", "means", "overseas",
    ])
    /// Plurals of words ending in `u` (the `-us` rule would keep them).
    static let uPlurals = ByteSet([
        "gpus", "tpus", "cpus", "npus", "dpus", "apus", "ipus", "xpus", "lpus", "menus", "gurus", "emus",
    ])
    /// `-ches` plurals of words ending in `-che`.
    static let chePlurals = ByteSet([
        "caches", "niches", "headaches", "avalanches", "moustaches", "psyches", "clichés",
    ])

    /// A cheap plural fold for lowercased English words, the same for texts and rules:
    /// `controls` → `control`, `chips` → `chip`, `licences` → `licence`, `entities` →
    /// `entity`, `launches` → `launch`, `businesses` → `business`, `GPUs` → `gpu`.
    /// It leaves words of three letters or fewer (`us`, `gas`, `its`), words ending in
    /// `ss`, `us`, `is` (`access`, `focus`, `analysis`) and a list of words whose `s` is
    /// not a plural (`news`, `chaos`, `series`, `this`). It is not a stemmer: verbs keep
    /// their tense (`expanded` stays), and a third-person `-s` folds like a plural
    /// (`expands` → `expand`), which is what matching wants.
    static func foldPlural(_ w: inout [UInt8]) {
        let count = w.withUnsafeMutableBufferPointer { foldPlural($0) }
        w.removeLast(w.count - count)
    }

    /// Folds the word in place and returns its new length.
    static func foldPlural(_ w: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = w.count
        guard n >= 4, w[n - 1] == 0x73 else { return n }  // s
        let p = w[n - 2]
        if p == 0x73 || p == 0x69 || p == 0x27 { return n }  // -ss, -is
        if p == 0x75 {  // -us
            return uPlurals.contains(UnsafeBufferPointer(w)) ? n - 1 : n
        }
        if keepS.contains(UnsafeBufferPointer(w)) { return n }
        if p == 0x65, n >= 5 {  // -es
            let q = w[n - 3]
            if q == 0x69 {  // -ies → -y
                w[n - 3] = 0x79
                return n - 2
            }
            if q == 0x78 || (q == 0x73 && w[n - 4] == 0x73) { return n - 2 }  // -xes, -sses
            if q == 0x7A && w[n - 4] == 0x7A { return n - 2 }  // -zzes
            if q == 0x68 && (w[n - 4] == 0x63 || w[n - 4] == 0x73) {  // -ches, -shes
                return chePlurals.contains(UnsafeBufferPointer(w)) ? n - 1 : n - 2
            }
        }
        return n - 1
    }

    /// `foldPlural` on a lowercased word.
    static func fold(_ word: String) -> String {
        var bytes = Array(word.utf8)
        foldPlural(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A set of byte strings looked up without allocating: open addressing on FNV-1a.
/// ``ByteTable`` maps them to ids.
struct ByteSet: Sendable {
    private let table: ByteTable

    init(_ words: [String]) {
        var table = ByteTable()
        for word in words { _ = table.insert(Array(word.utf8)) }
        self.table = table
    }

    @inline(__always) func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { table.id(of: bytes) >= 0 }
}

/// Byte strings → dense ids 0, 1, 2…, found from a byte buffer without allocating.
struct ByteTable: Sendable {
    private(set) var storage: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var mask = 15

    var count: Int { offsets.count - 1 }

    /// The bytes of word `id`.
    func word(_ id: Int32) -> ArraySlice<UInt8> { storage[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])] }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `bytes`, or -1.
    @inline(__always) func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Self.hash(bytes) & mask
        return slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                offsets.withUnsafeBufferPointer { offsets in
                    while true {
                        let id = slots[slot]
                        if id < 0 { return -1 }
                        let start = Int(offsets[Int(id)])
                        let end = Int(offsets[Int(id) + 1])
                        if end - start == bytes.count {
                            var k = 0
                            while k < bytes.count, storage[start + k] == bytes[k] { k += 1 }
                            if k == bytes.count { return id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    func id(of bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { id(of: $0) } }

    /// The id of `bytes`, added if new.
    mutating func insert(_ bytes: [UInt8]) -> Int32 {
        let existing = id(of: bytes)
        if existing >= 0 { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        storage.append(contentsOf: bytes)
        offsets.append(Int32(storage.count))
        place(id, hash: bytes.withUnsafeBufferPointer(Self.hash))
        return id
    }

    private mutating func place(_ id: Int32, hash: Int) {
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            let hash = storage.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[Int(offsets[id])..<Int(offsets[id + 1])]))
            }
            place(Int32(id), hash: hash)
        }
    }
}
