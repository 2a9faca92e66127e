"""Reference values for Tests/AuditingTests/GroupErrorMetricsTests.swift.

Serves, in this order:
- groupValuesMatchFairlearnMetricFrame: per-group accuracy, selection rate,
  true and false positive rate (fairlearn MetricFrame.by_group), groups a, b, c;
- attributeValuesMatchFairlearn: demographic_parity_difference,
  equalized_odds_difference, MetricFrame.difference() and group_min() of the
  accuracy;
- expectedCalibrationErrorMatchesNumpy: the 15-bin expected calibration error
  (numpy; the first bin is closed, [0, 1/15], the others (lo, hi]) of the
  12-row probability table, over all rows, the first six and the last six.

Versions: Python 3.11.7, numpy 2.4.6, fairlearn 0.15.0 (with scikit-learn 1.9.1,
pandas 3.1.1).
Install: pip install "fairlearn==0.15.*"
Run: python3 Tests/References/fairlearn_metrics.py
Test tolerances: relative 1e-15 (fairlearn values), 1e-12 (ECE).
"""
import numpy as np
from fairlearn.metrics import (MetricFrame, demographic_parity_difference, equalized_odds_difference,
                               false_positive_rate, selection_rate, true_positive_rate)
from sklearn.metrics import accuracy_score

y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0]
yhat = [1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0]
g = ["a"] * 10 + ["b"] * 6 + ["c"] * 9

mf = MetricFrame(metrics={"accuracy": accuracy_score, "selection_rate": selection_rate,
                          "tpr": true_positive_rate, "fpr": false_positive_rate},
                 y_true=y, y_pred=yhat, sensitive_features=g)
print("# groupValuesMatchFairlearnMetricFrame: mf.by_group")
for metric in ["accuracy", "selection_rate", "tpr", "fpr"]:
    print(metric, ", ".join(f"{group} {float(value)!r}" for group, value in mf.by_group[metric].items()))

print("# attributeValuesMatchFairlearn: demographic parity, equalized odds, accuracy difference, accuracy min")
print(float(demographic_parity_difference(y, yhat, sensitive_features=g)),
      float(equalized_odds_difference(y, yhat, sensitive_features=g)),
      float(mf.difference()["accuracy"]), float(mf.group_min()["accuracy"]))


def ece(P, y, bins=15):
    conf = P.max(axis=1)
    pred = P.argmax(axis=1)
    correct = (pred == y).astype(float)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for i in range(bins):
        inside = (conf > edges[i]) & (conf <= edges[i + 1]) if i > 0 else (conf >= 0) & (conf <= edges[1])
        if inside.any():
            total += inside.mean() * abs(correct[inside].mean() - conf[inside].mean())
    return float(total)


P = np.array([
    [0.70, 0.20, 0.10], [0.05, 0.90, 0.05], [0.41, 0.34, 0.25], [0.34, 0.33, 0.33],
    [0.10, 0.09, 0.81], [0.50, 0.45, 0.05], [0.02, 0.03, 0.95], [0.62, 0.10, 0.28],
    [0.25, 0.50, 0.25], [0.15, 0.15, 0.70], [0.99, 0.005, 0.005], [0.36, 0.30, 0.34],
])
labels = np.array([0, 1, 1, 0, 2, 1, 2, 0, 1, 0, 0, 2])
print("# expectedCalibrationErrorMatchesNumpy: all rows, rows 0-5, rows 6-11")
print(ece(P, labels), ece(P[:6], labels[:6]), ece(P[6:], labels[6:]))
