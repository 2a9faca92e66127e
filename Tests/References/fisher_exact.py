"""Reference p-values for Tests/AuditingTests/FisherExactTests.swift.

Serves: FisherExactTests.cases (used by FisherExactTests.matchesScipy), the
two-sided Fisher exact p-value of each 2x2 table, in the order of the list.

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6.
Run: python3 Tests/References/fisher_exact.py
Prints one `Case(table: ..., expected: p)` line per table, as pasted in the test
(compared there with relative tolerance 1e-9).
"""
from scipy.stats import fisher_exact

TABLES = [
    [[8, 2], [1, 5]],
    [[120, 380], [2880, 6620]],
    [[0, 5], [5, 0]],
    [[0, 10], [3, 7]],
    [[0, 0], [5, 3]],
    # Symmetric tables: the mirror image is exactly as likely.
    [[3, 7], [7, 3]],
    [[1, 9], [9, 1]],
    [[6, 4], [4, 6]],
    [[2480, 2520], [2520, 2480]],
    # Equal column (or row) sums.
    [[13, 24], [9, 28]],
    [[25, 12], [12, 25]],
    [[5, 95], [25, 75]],
    [[75, 425], [140, 360]],
    [[155, 345], [60, 440]],
    [[32, 468], [325, 175]],
    [[7, 3], [2, 8]],
    [[1, 0], [0, 1]],
    # N = 50,000.
    [[4900, 5100], [15100, 24900]],
    [[2960, 7040], [12040, 27960]],
    [[12, 488], [2988, 46512]],
    [[0, 3000], [15000, 32000]],
    [[5000, 0], [0, 45000]],
    # Two modes of equal probability.
    [[0, 1], [11, 10]],
    [[0, 2], [7, 13]],
    [[2999, 12000], [7000, 27999]],
    [[2998, 12001], [7001, 27998]],
    [[3010, 11989], [6989, 28010]],
]

for table in TABLES:
    print(f"Case(table: {table}, expected: {float(fisher_exact(table).pvalue)!r}),")
