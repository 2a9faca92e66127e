"""Reference values for Tests/AuditingTests/StudentTTests.swift.

Serves, in this order:
- StudentTTests.quantiles975 (quantileAt975MatchesScipy): t.ppf(0.975, df) for
  df = 1...30, 50, 100;
- StudentTTests.quantileMatchesScipy: t.ppf(p, df) per (p, df);
- StudentTTests.quantileNearTheMedianKeepsItsDigits: t quantile at
  p = 0.5000001, df = 3 with mpmath at 40 digits (scipy loses digits there; its
  value is printed too, for comparison);
- StudentTTests.upperTailMatchesScipy: t.sf(t, df) per (t, df); for
  (1e200, 1) scipy underflows to 0 and the test uses the Cauchy closed form
  atan(1/t)/pi = 1/(pi*1e200), printed here as well;
- StudentTTests.incompleteBetaMatchesScipy: betainc(a, b, x);
- StudentTTests.seedSummaryMatchesNumpyAndScipy: mean, std (ddof=1) and the
  95% t interval of each list;
- SeedSummaryBoundsTests.intervalIsCutAtTheMetricsBounds: the raw t interval
  of [0.95, 1.0].

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6, mpmath 1.3.0.
Run: python3 Tests/References/student_t.py
Test tolerances: relative 1e-11 to 1e-13.
"""
import math

import mpmath as mp
import numpy as np
from scipy.special import betainc
from scipy.stats import t as student_t

print("# quantiles975: t.ppf(0.975, df), df = 1...30, 50, 100")
print([float(student_t.ppf(0.975, df)) for df in list(range(1, 31)) + [50, 100]])

print("# quantileMatchesScipy: (p, df, t.ppf(p, df))")
for p, df in [(0.9, 2.0), (0.995, 7.0), (0.025, 4.0), (0.6, 10.0), (0.999999, 1.0), (1e-8, 5.0),
              (0.999, 2.5), (0.55, 100.0), (0.75, 1.0), (1e-300, 1.0), (0.975, 1e6), (0.975, 0.5),
              (1e-20, 30.0), (0.9999999999, 2.0)]:
    print(f"({p!r}, {df!r}, {float(student_t.ppf(p, df))!r}),")

print("# quantileNearTheMedianKeepsItsDigits: mpmath (40 digits); scipy for comparison")
mp.mp.dps = 40
p = mp.mpf(0.5000001)
root = mp.findroot(lambda t: mp.betainc(0.5, 1.5, 0, t * t / (3 + t * t), regularized=True) / 2 - (p - 0.5),
                   2.7e-7)
print(mp.nstr(root, 19))
print("# scipy t.ppf(0.5000001, 3) =", float(student_t.ppf(0.5000001, 3)))

print("# upperTailMatchesScipy: (t, df, t.sf(t, df)); last: Cauchy closed form")
for t, df in [(2.0, 3.0), (50.0, 1.0), (0.1, 30.0), (-1.5, 4.0), (8.0, 60.0)]:
    print(f"({t!r}, {df!r}, {float(student_t.sf(t, df))!r}),")
print("# scipy t.sf(1e200, 1) =", float(student_t.sf(1e200, 1.0)), "; atan(1/t)/pi =", math.atan(1 / 1e200) / math.pi)

print("# incompleteBetaMatchesScipy: (a, b, x, betainc(a, b, x))")
for a, b, x in [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (5.0, 0.5, 0.9), (0.5, 15.0, 0.01), (10.0, 10.0, 0.5),
                (1.0, 1.0, 0.77), (50.0, 0.5, 0.2), (2.5, 7.5, 0.95), (0.1, 0.2, 1e-5), (100.0, 200.0, 0.34)]:
    print(f"({a!r}, {b!r}, {x!r}, {float(betainc(a, b, x))!r}),")


def seed_summary(values):
    v = np.array(values)
    m = v.mean()
    s = v.std(ddof=1)
    low, high = student_t.interval(0.95, len(v) - 1, loc=m, scale=s / np.sqrt(len(v)))
    return float(m), float(s), float(low), float(high)


print("# seedSummaryMatchesNumpyAndScipy: (values, mean, std, low, high)")
for values in ([0.81, 0.79, 0.84, 0.80, 0.77], [0.5, 0.7],
               [-0.12, -0.08, -0.15, -0.11, -0.09, -0.13, -0.10, -0.14, -0.07, -0.12]):
    print(f"({values}, {', '.join(repr(x) for x in seed_summary(values))}),")

print("# SeedSummaryBoundsTests: raw interval of [0.95, 1.0]")
print(seed_summary([0.95, 1.0])[2:])
