# Reference sizes for DecimalFractionTests.matchesPythonFractionRound:
# round(Fraction(f) * N), Python's round half to even on the exact product.
# Python 3.11.7 (fractions from the standard library). numpy 2.4.6 rounds half to even too,
# but on the binary product f*N, which is not exact (0.7*45 = 31.499999999999996).
from fractions import Fraction

fractions = ["0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.45", "0.5", "0.55", "0.7", "0.75", "0.85",
             "0.9", "0.125", "0.375", "0.05", "0.001", "0.999", "0.3333", "0.6667"]
counts = [1, 2, 3, 5, 7, 10, 13, 20, 45, 60, 101, 1000, 1001, 4937, 60000]
for f in fractions:
    for n in counts:
        print(f'        ("{f}", {n}, {round(Fraction(f) * n)}),')
