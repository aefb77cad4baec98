// The benchmark suite: see Benchmarks/README.md.
print("annals-bench: not written yet")
