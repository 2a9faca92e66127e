"""Reference values from German credit for the encoding and grouping tests.

Uses ../shared/datasets/german_credit.csv (relative to the repository; pass
another path as the first argument), split by position as the tests do:
`tr` = data rows 1-800 (training), `te` = rows 801-1000 (test).

Serves, in this order:
- Tests/DatasetsTests/EncodingTests.swift:
  - standardisationMatchesNumpy: np.mean / np.std (ddof 0) of duration and
    credit_amount over `tr`, the first test row's standardised duration and the
    first training row's standardised credit amount;
  - missingNumericGetsMeanAndIndicator: np.std([1, 2, 3]);
  - ScalingTests.minMaxUsesTrainingRange: min and max of duration over `tr`
    and the first test row's scaled duration;
- Tests/DatasetsTests/GroupingTests.swift:
  - germanCreditGroupings: np.quantile(age[tr], [.25, .5, .75]), the bins
    np.searchsorted(q, age, side='right') with their actual ranges and the
    train / test counts, and Counter((sex, class)) over `tr` and `te`;
  - quantileMatchesNumpy and duplicateEdgesCollapse: np.quantile of small lists
    and the collapsed bins.

Versions: Python 3.11.7, numpy 2.4.6 (csv and collections from the standard library).
Run: python3 Tests/References/german_credit.py [path/to/german_credit.csv]
Test tolerances: 1e-6 for the standardised values, exact counts and quantiles.
"""
import collections
import csv
import pathlib
import sys

import numpy as np

default = pathlib.Path(__file__).resolve().parents[2] / "../shared/datasets/german_credit.csv"
path = sys.argv[1] if len(sys.argv) > 1 else default
with open(path, newline="") as file:
    rows = list(csv.DictReader(file))
tr, te = rows[:800], rows[-200:]


def numbers(name, part):
    return np.array([float(row[name]) for row in part])


print("# EncodingTests.standardisationMatchesNumpy: mean, std of duration and credit_amount over tr")
duration, amount = numbers("duration", tr), numbers("credit_amount", tr)
print(float(duration.mean()), float(duration.std()), float(amount.mean()), float(amount.std()))
print("# first test row's duration, first training row's credit amount, standardised")
print(float((numbers("duration", te)[0] - duration.mean()) / duration.std()),
      float((amount[0] - amount.mean()) / amount.std()))
print("# EncodingTests.missingNumericGetsMeanAndIndicator: np.std([1, 2, 3])")
print(float(np.std([1, 2, 3])))
print("# ScalingTests.minMaxUsesTrainingRange: min, max of duration over tr; first test row scaled")
low, high = duration.min(), duration.max()
print(int(low), int(high), float((numbers("duration", te)[0] - low) / (high - low)))

print("# GroupingTests.germanCreditGroupings: age quartiles over tr")
q = np.quantile(numbers("age", tr), [0.25, 0.5, 0.75])
print([float(v) for v in q])
all_ages = numbers("age", rows)
bins = np.searchsorted(q, all_ages, side="right")
print("bin ranges", [f"{int(all_ages[bins == b].min())}-{int(all_ages[bins == b].max())}" for b in range(4)])
print("train counts", np.bincount(bins[:800], minlength=4).tolist(),
      "test counts", np.bincount(bins[-200:], minlength=4).tolist())
for name, part in [("train", tr), ("test", te)]:
    counts = collections.Counter((row["sex"], row["class"]) for row in part)
    print(f"sex x class {name}", [counts[key] for key in sorted(counts)], sorted(counts))

print("# GroupingTests.quantileMatchesNumpy")
print([float(v) for v in np.quantile([1, 2, 3, 4, 10], [0.25, 0.5, 0.75])], float(np.quantile([1, 2], 0.25)))
print("# GroupingTests.duplicateEdgesCollapse: quartiles, then the values of each bin")
for values in ([0] * 12 + list(range(1, 9)), [0] * 8 + list(range(1, 13))):
    q = np.quantile(values, [0.25, 0.5, 0.75])
    edges = np.unique(q)
    bins = np.searchsorted(edges, values, side="right")
    ranges = [f"{min(v for v, b in zip(values, bins) if b == k)}-{max(v for v, b in zip(values, bins) if b == k)}"
              for k in sorted(set(bins.tolist()))]
    print([float(v) for v in q], ranges)
