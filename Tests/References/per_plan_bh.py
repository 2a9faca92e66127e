"""Reference values for CompositionAuditTests.qValuesAreAdjustedWithinEachPlan.

Python 3.11, scipy 1.17.1. Run: python3 Tests/References/per_plan_bh.py
The second plan removes examples 5-8 of ten; groups are `sex` (f: 0-3,
m: 4-8, x: 9) and `class` (alternating good/bad). Its q-values are
Benjamini-Hochberg over its own five Fisher p-values only.
"""
from scipy.stats import false_discovery_control, fisher_exact

removed = [0, 0, 0, 0, 0, 1, 1, 1, 1, 0]
sex = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2]
classes = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
total, removed_total = len(removed), sum(removed)
p_values = []
for grouping, group_count in [(sex, 3), (classes, 2)]:
    for group in range(group_count):
        members = [i for i, g in enumerate(grouping) if g == group]
        n = len(members)
        r = sum(removed[i] for i in members)
        table = [[r, n - r], [removed_total - r, (total - removed_total) - (n - r)]]
        p_values.append(float(fisher_exact(table).pvalue))
print("p", p_values)
print("q", [float(q) for q in false_discovery_control(p_values, method="bh")])
