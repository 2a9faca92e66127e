"""Reference value for ReportTests.jsonHasTheContractKeys
(Tests/ReportingTests/ReportTests.swift): accuracy_delta_vs_random of the
female keep_hard row, the mean of the per-seed deltas [-0.17, -0.16, -0.19]
of the report fixture.

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/report_delta.py
Test tolerance: absolute 1e-12.
"""
import numpy as np

print(float(np.mean([-0.17, -0.16, -0.19])))
