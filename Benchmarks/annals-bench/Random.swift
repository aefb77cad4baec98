import AnnalsEval

/// The generator's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Written out here rather than taken from the standard library so the corpus depends on
/// nothing that could change between Swift releases: the same seed gives the same bytes
/// on every toolchain. It deliberately does not conform to `RandomNumberGenerator`, so
/// `shuffled()`, `randomElement()` and friends (whose algorithms are not guaranteed
/// stable) cannot be used with it by accident.
struct Rng {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`, further split by `stream` (e.g. a card's index), so each
    /// card draws from its own independent sequence.
    init(seed: UInt64, stream: UInt64 = 0) {
        var mix = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = mix.next()
        s0 = mix.next()
        s1 = mix.next()
        s2 = mix.next()
        s3 = mix.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// 0 ..< n (n > 0), by Lemire's multiply-high: the tiny bias does not matter here,
    /// stability does.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Fisher–Yates, in place.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}
