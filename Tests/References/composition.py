"""Reference values for CompositionAuditTests.handComputedMetrics.

Test file: Tests/AuditingTests/CompositionAuditTests.swift. The plan removes
examples 0, 1, 2 and 4 of ten (N = 10, R = 4); groups are `sex` (f: 0-3,
m: 4-8, x: 9) and `class` (alternating good/bad). Prints, in the test's order:
- p: two-sided Fisher exact p-value of [[r, k], [R - r, (N - R) - k]] per group
  (r removed, k kept), groups f, m, x, good, bad;
- q: Benjamini-Hochberg over those five p-values;
- the Pearson chi-squared statistic and p-value (no continuity correction) of
  the removed/kept by group table for `sex` and for `class`;
- the Wilson interval of f's removal rate 3/4 (also printed by wilson.py).
The second plan of qValuesAreAdjustedWithinEachPlan is in per_plan_bh.py.

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6.
Run: python3 Tests/References/composition.py
Test tolerances: relative 1e-12 (p, q, chi2) and 1e-10 (chi2 p-values).
"""
import math

from scipy.stats import chi2_contingency, false_discovery_control, fisher_exact

removed = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]
sex = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2]
classes = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
total, removed_total = len(removed), sum(removed)

p_values = []
tables = []
for grouping, group_count in [(sex, 3), (classes, 2)]:
    table = []
    for group in range(group_count):
        members = [i for i, g in enumerate(grouping) if g == group]
        r = sum(removed[i] for i in members)
        k = len(members) - r
        table.append([r, k])
        p_values.append(float(fisher_exact([[r, k], [removed_total - r, (total - removed_total) - k]]).pvalue))
    tables.append(table)
print("p", p_values)
print("q", [float(q) for q in false_discovery_control(p_values, method="bh")])
for name, table in zip(["sex", "class"], tables):
    result = chi2_contingency(table, correction=False)
    print(f"chi2 {name} {table}: statistic {float(result.statistic)!r}, p {float(result.pvalue)!r}")

z = 1.959963984540054
r, n = 3, 4
rate = r / n
d = 1 + z * z / n
c = (rate + z * z / (2 * n)) / d
h = z / d * math.sqrt(rate * (1 - rate) / n + z * z / (4 * n * n))
print("wilson f 3/4", c - h, c + h)
