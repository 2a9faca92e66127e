"""Reference values for Tests/AuditingTests/UndefinedRatesTests.swift.

Serves fairlearnCountsUndefinedRatesAsZero: three groups where group A has
only positive test examples (all predicted positive), so its false positive
rate has no base; B and C each have two positives (both predicted positive)
and two negatives (one predicted positive). Fairlearn normalises
scikit-learn's confusion matrix and turns the 0/0 rate into 0, so its
per-group FPR is A 0, B 0.5, C 0.5, and equalized_odds_difference is 0.5
(DietAudit before this change left A out and gave 0).

Prints per-group TPR, FPR and selection rate (MetricFrame.by_group, groups A,
B, C), then equalized_odds_difference and demographic_parity_difference.

Versions: Python 3.11.7, numpy 2.4.6, fairlearn 0.15.0 (with scikit-learn
1.9.1, pandas 3.1.1).
Install: pip install "fairlearn==0.15.*"
Run: python3 Tests/References/fairlearn_undefined_rates.py
Test tolerance: absolute 1e-15.
"""
import warnings

from fairlearn.metrics import (MetricFrame, demographic_parity_difference, equalized_odds_difference,
                               false_positive_rate, selection_rate, true_positive_rate)

y_true = [1, 1, 1, 1, 0, 0, 1, 1, 0, 0]
y_pred = [1, 1, 1, 1, 1, 0, 1, 1, 1, 0]
groups = ["A", "A"] + ["B"] * 4 + ["C"] * 4

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    frame = MetricFrame(metrics={"tpr": true_positive_rate, "fpr": false_positive_rate,
                                 "selection_rate": selection_rate},
                        y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    for name in ["tpr", "fpr", "selection_rate"]:
        print(name, [repr(float(v)) for v in frame.by_group[name]])
    print("equalized_odds_difference",
          repr(float(equalized_odds_difference(y_true, y_pred, sensitive_features=groups))))
    print("demographic_parity_difference",
          repr(float(demographic_parity_difference(y_true, y_pred, sensitive_features=groups))))

# Second case (undefinedRatesAreFlaggedBothWays): group 0 positives only,
# group 1 negatives only, group 2 one of each; then groups 0 and 1 alone.
y_true = [1, 1, 1, 0, 0, 0, 1, 0]
y_pred = [1, 0, 1, 1, 0, 0, 0, 0]
groups = [0, 0, 0, 1, 1, 1, 2, 2]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    frame = MetricFrame(metrics={"tpr": true_positive_rate, "fpr": false_positive_rate},
                        y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    for name in ["tpr", "fpr"]:
        print("case 2", name, [repr(float(v)) for v in frame.by_group[name]])
    print("case 2 equalized_odds_difference",
          repr(float(equalized_odds_difference(y_true, y_pred, sensitive_features=groups))))
    print("case 2 groups 0 and 1 equalized_odds_difference",
          repr(float(equalized_odds_difference(y_true[:6], y_pred[:6], sensitive_features=groups[:6]))))
