"""Reference values for the score building blocks.

Serves, in this order:
- Tests/ScoringTests/ElementaryScoreTests.swift, el2nOnHandComputedExample:
  EL2N = || softmax output - one-hot(y) ||_2 of two probability rows;
- Tests/ScoringTests/DynamicsScoreTests.swift:
  - lossAndMarginOfAHandSetNetwork: cross-entropy loss and margin
    z[y] - max_{c != y} z of a 2-2-3 ReLU network with hand-set parameters
    (float32 weights and inputs, as the Swift network; the parameter vector is
    W1 (2x2, row = input), b1, W2 (2x3), b2);
  - areaUnderMarginAveragesPresentations: mean margin per example;
  - cartographyMeanAndPopulationStd: mean and population std (ddof 0) of the
    true-class probability over four epochs.

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/score_building_blocks.py
Test tolerances: 1e-7 (EL2N), 1e-6 (loss, margin: float32), 1e-12 / 1e-15 (means).
"""
import numpy as np

print("# el2nOnHandComputedExample")
p = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
print([float(v) for v in np.linalg.norm(p - np.eye(3)[[0, 1]], axis=1)])

print("# lossAndMarginOfAHandSetNetwork: loss, then margin")
parameters = np.array([0.5, -1.0, 1.5, 0.25, 0.1, -0.2, 1.0, -0.5, 0.25, -1.0, 2.0, 0.5, 0.0, 0.3, -0.1],
                      dtype=np.float32)
w1, b1 = parameters[0:4].reshape(2, 2), parameters[4:6]
w2, b2 = parameters[6:12].reshape(2, 3), parameters[12:15]
x = np.array([[1, 2], [-1, 0.5], [0, -2]], dtype=np.float32)
y = np.array([0, 1, 2])
h = np.maximum(x @ w1 + b1, 0)
z = (h @ w2 + b2).astype(np.float64)
rows = np.arange(len(y))
top = z.max(axis=1)
log_sum_exp = top + np.log(np.exp(z - top[:, None]).sum(axis=1))  # shifted by the row maximum
print([float(v) for v in log_sum_exp - z[rows, y]])
others = z.copy()
others[rows, y] = -np.inf
print([float(v) for v in z[rows, y] - others.max(axis=1)])

print("# areaUnderMarginAveragesPresentations: mean margin of examples 0, 1, 2")
presented = {0: [1.5, 0.5, -0.75], 1: [-0.5, -1.25, 0.25], 2: [2.0]}
print([float(np.mean(presented[example])) for example in range(3)])

print("# cartographyMeanAndPopulationStd: P.mean(0), P.std(0)")
P = np.array([[0.2, 0.9, 0.5], [0.4, 0.95, 0.1], [0.7, 0.85, 0.6], [0.9, 0.99, 0.3]])
print([float(v) for v in P.mean(0)])
print([float(v) for v in P.std(0)])
