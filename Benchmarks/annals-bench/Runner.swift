/// The benchmark runner (part 2).
func runBenchmarks(_ args: [String]) throws {
    fail("run: not written yet")
}
