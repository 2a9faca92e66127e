"""Independent numpy check of GraNd at initialisation on the digits, quoted in
DigitsScoresTests.grandAtInitTracksInputNorm (Tests/ScoringTests/DigitsScoresTests.swift).

The 1,797 digits of ../shared/datasets/digits.csv (relative to the repository;
pass another path as the first argument), features / 16; an MLP 64-128-10 with
ReLU, He-normal weights N(0, 2 / fan_in) drawn with np.random.default_rng(seed)
(W1 as 64x128, then W2 as 128x10) and zero biases. The exact per-example GraNd
over all parameters at initialisation is
    ||grad||^2 = (||x||^2 + 1) ||d1||^2 + (||h||^2 + 1) ||d2||^2,
with d2 = softmax(z) - onehot(y), d1 = (W2 d2) * [a1 > 0], h = relu(a1).

Prints, as quoted in the test's doc comment:
- the Spearman correlation of single-seed GraNd with ||x|| for seeds 0-4
  (quoted range 0.54-0.70);
- the mean pairwise Spearman between those five seeds (quoted 0.355; the test
  asserts only 0.25 < stability < 0.5 of the Swift run, not this number);
- the Spearman of the 5-seed mean against ||x|| averaged over 100 draws of 5
  seeds (draw k uses seeds 5k...5k+4; quoted 0.864).
The Swift network draws its weights from its own generator, so only these
summaries, not per-example values, are comparable.

Versions: Python 3.11.7, numpy 2.4.6, scipy 1.17.1.
Run: python3 Tests/References/grand_init_digits.py   (about 45 seconds)
"""
import itertools
import pathlib
import sys

import numpy as np
from scipy.stats import spearmanr

default = pathlib.Path(__file__).resolve().parents[2] / "../shared/datasets/digits.csv"
data = np.loadtxt(sys.argv[1] if len(sys.argv) > 1 else default, delimiter=",", skiprows=1)
x, y = data[:, :64] / 16, data[:, 64].astype(int)
input_norm = np.linalg.norm(x, axis=1)
onehot = np.eye(10)[y]


def grand(seed):
    rng = np.random.default_rng(seed)
    w1 = rng.normal(size=(64, 128)) * np.sqrt(2 / 64)
    w2 = rng.normal(size=(128, 10)) * np.sqrt(2 / 128)
    a1 = x @ w1
    h = np.maximum(a1, 0)
    z = h @ w2
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    d2 = p - onehot
    d1 = (d2 @ w2.T) * (a1 > 0)
    squared = (input_norm ** 2 + 1) * (d1 ** 2).sum(1) + ((h ** 2).sum(1) + 1) * (d2 ** 2).sum(1)
    return np.sqrt(squared)


first = [grand(seed) for seed in range(5)]
print("single seeds 0-4 vs ||x||:", [round(float(spearmanr(g, input_norm).statistic), 3) for g in first])
pairs = [float(spearmanr(a, b).statistic) for a, b in itertools.combinations(first, 2)]
print("mean pairwise Spearman of seeds 0-4:", round(float(np.mean(pairs)), 3))
draws = [float(spearmanr(np.mean([grand(5 * k + i) for i in range(5)], axis=0), input_norm).statistic)
         for k in range(100)]
print("5-seed mean vs ||x||, 100 draws: mean", round(float(np.mean(draws)), 3),
      "range", round(min(draws), 3), "-", round(max(draws), 3))
