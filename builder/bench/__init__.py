"""The benchmark: stage times and sizes of the seed, of synthetic archives, and the parser's accuracy.

    python -m builder.bench                        # the bulletins in seeds/ (median of 3 builds)
    python -m builder.bench --archive 1,10,100,300 # the archive table (README, "Benchmark")
    python -m builder.bench --archive 10 --check   # the same for 10 issues, failing outside the bounds
    python -m builder.bench --corpus [--failures]  # parser accuracy on tests/corpus/bulletins

Numbers go to the README; tests never time anything.
"""
