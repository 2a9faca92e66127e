"""Reference learning rates of the step and cosine schedules (plain Python).

Serves:
- Tests/LearningTests/LearningRateScheduleTests.swift:
  stepRatesMatchClosedForm (base 0.1, halved every 3 epochs, 8 epochs) and
  cosineRatesMatchClosedForm (base 0.1, minimum 0.001, 8 epochs);
- Tests/LearningTests/TrainerOptimizerTests.swift, cosineScheduleIsAppliedPerEpoch:
  cosine rates for base 0.5, minimum 0.01, 4 epochs;
- Tests/LearningTests/MatrixProductTests.swift, productOfSmallMatrices: the
  2x3 by 3x2 product (numpy).

Cosine rate of epoch e of E: minimum + (base - minimum) * (1 + cos(pi*e/E)) / 2.

Versions: Python 3.11.7, numpy 2.4.6 (only for the matrix product).
Run: python3 Tests/References/learning_rate_schedules.py
Test tolerance: absolute 1e-8 (rates are used as float32 in the trainer test).
"""
import math

import numpy as np

print("# stepRatesMatchClosedForm")
print([0.1 * 0.5 ** (e // 3) for e in range(8)])
print("# cosineRatesMatchClosedForm")
print([0.001 + (0.1 - 0.001) * (1 + math.cos(math.pi * e / 8)) / 2 for e in range(8)])
print("# TrainerOptimizerTests.cosineScheduleIsAppliedPerEpoch")
print([0.01 + (0.5 - 0.01) * (1 + math.cos(math.pi * e / 4)) / 2 for e in range(4)])
print("# MatrixProductTests.productOfSmallMatrices")
print((np.array([[1, 2, 3], [4, 5, 6]]) @ np.array([[7, 8], [9, 10], [11, 12]])).ravel().tolist())
