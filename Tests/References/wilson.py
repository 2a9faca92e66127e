"""Reference Wilson score intervals.

Serves:
- Tests/AuditingTests/WilsonIntervalTests.swift: WilsonIntervalTests.cases
  (matchesClosedForm), the 95% Wilson interval (low, high) of k successes in n;
- Tests/AuditingTests/CompositionAuditTests.swift: handComputedMetrics, the
  interval of group f's removal rate 3/4 (ciLow, ciHigh).

The closed form in plain Python (math only), z = the 0.975 normal quantile
1.959963984540054 (`scipy.stats.norm.ppf(0.975)`), printed raw (no clipping):
at k = 0 it gives low = 0.0 exactly, at k = n = 10 high = 1 - 1 ulp, as pasted.
statsmodels' `proportion_confint(k, n, method="wilson")` is the
same formula.

Versions: Python 3.11.7 (no third-party package needed).
Run: python3 Tests/References/wilson.py
Prints `Case(successes: k, trials: n, low: ..., high: ...)` in the test's order,
then the CompositionAuditTests pair (test tolerance: relative 1e-12).
"""
import math

Z = 1.959963984540054


def wilson(k, n, z=Z):
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return c - h, c + h


for k, n in [(0, 10), (10, 10), (3, 10), (1, 1), (0, 1), (450, 1000), (27, 2000), (5, 7)]:
    low, high = wilson(k, n)
    print(f"Case(successes: {k}, trials: {n}, low: {low!r}, high: {high!r}),")

print("# CompositionAuditTests.handComputedMetrics: Wilson 3/4 (ciLow, ciHigh)")
print(*wilson(3, 4), sep=", ")
