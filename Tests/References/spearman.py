"""Reference values for Tests/ScoringTests/StatisticsTests.swift.

Serves, in this order:
- spearmanWithTiesMatchesScipy: rankdata (average ranks) of x and y, and
  spearmanr(x, y) with ties in both vectors;
- spearmanNegativeMatchesScipy: spearmanr of a negatively related pair;
- classDependenceMatchesNumpy: the correlation ratio eta^2 = SSB / SST of
  values v by class g;
- validityCombinesTheThree: spearmanr of the seed pair ([1,2,3,4], [1,2,4,3])
  (seed stability 0.8), spearmanr of the seed mean against the input norm, and
  eta^2 of the seed mean by class (8/9).

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6.
Run: python3 Tests/References/spearman.py
Test tolerance: absolute 1e-12 (ranks exact).
"""
import numpy as np
from scipy.stats import rankdata, spearmanr


def eta_squared(values, classes):
    v = np.array(values, dtype=float)
    g = np.array(classes)
    ssb = sum((g == c).sum() * (v[g == c].mean() - v.mean()) ** 2 for c in np.unique(g))
    sst = ((v - v.mean()) ** 2).sum()
    return float(ssb / sst)


x, y = [1, 2, 2, 3, 5, 5, 5, 8], [2, 1, 4, 4, 3, 9, 9, 7]
print("# spearmanWithTiesMatchesScipy: rankdata(x), rankdata(y), rho")
print([float(r) for r in rankdata(x)])
print([float(r) for r in rankdata(y)])
print(float(spearmanr(x, y).statistic))
print("# spearmanNegativeMatchesScipy")
print(float(spearmanr([0.3, -1.2, 4.5, 2.2, 0.0, 7.1], [10, 8, 3, 5, 6, 1]).statistic))
print("# classDependenceMatchesNumpy: ssb / sst")
print(eta_squared([1, 2, 3, 2, 6, 7, 5, 0.5], [0, 0, 0, 1, 1, 1, 2, 2]))
print("# validityCombinesTheThree: seed stability, input-norm Spearman, class dependence")
mean = np.mean([[1, 2, 3, 4], [1, 2, 4, 3]], axis=0)
print(float(spearmanr([1, 2, 3, 4], [1, 2, 4, 3]).statistic), float(spearmanr(mean, [4, 3, 2, 1]).statistic),
      eta_squared(mean, [0, 0, 1, 1]), "(8/9 =", 8 / 9, ")")
