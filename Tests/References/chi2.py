"""Reference values for Tests/AuditingTests/ChiSquaredTests.swift.

Serves:
- ChiSquaredTests.independenceTestMatchesScipy: Pearson chi-squared test of
  independence without continuity correction (statistic, dof, p-value);
- ChiSquaredTests.survival (survivalMatchesScipy): chi2.sf(x, k);
- ChiSquaredTests.upperGammaMatchesScipy: the regularised upper incomplete
  gamma function Q(s, x) = gammaincc(s, x).

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6.
Run: python3 Tests/References/chi2.py
Printed in the test's order; the test compares with relative tolerances
1e-12 (statistics) and 1e-10 / 1e-9 (p-values, survival, gamma).
"""
from scipy.special import gammaincc
from scipy.stats import chi2, chi2_contingency

print("# independenceTestMatchesScipy: statistic, dof, pvalue")
for table in ([[10, 20], [30, 40]], [[12, 38], [25, 25], [40, 10], [3, 47]], [[600, 400], [1400, 7600]]):
    r = chi2_contingency(table, correction=False)
    print(f"{table}: {float(r.statistic)!r}, {int(r.dof)}, {float(r.pvalue)!r}")

print("# survival: chi2.sf(x, k) for x in [0.001, 0.5, 3.84, 10, 50, 200]")
points = [0.001, 0.5, 3.84, 10.0, 50.0, 200.0]
for k in (1, 2, 3, 5, 10, 25, 50):
    print(f"({k}, {[float(chi2.sf(x, k)) for x in points]}),")

print("# upperGammaMatchesScipy: (s, x, gammaincc(s, x))")
for s, x in [(0.3, 0.1), (0.5, 0.001), (7.5, 3.0), (7.5, 30.0), (100.0, 120.0), (100.0, 80.0),
             (25.0, 25.5), (1.0, 700.0)]:
    print(f"({s}, {x}, {float(gammaincc(s, x))!r}),")
