#!/usr/bin/env python3
"""Writes a heavily tied variant of the scale benchmark's score next to the data that
generate.py made: integer counts 0-20 like forgetting counts (about 2.5 million zeros and
3 million ones among ten million examples), so the runs of equal scores that plans cut are
millions long.

Written with numpy 2.4; seeded (--seed, default 1). Reads score.npy and ids.npy of --data
(default Benchmarks/scale/data) and writes there:

  score-tied.npy   float64 counts, same order as ids.npy
  audit-tied.yaml  the audit spec of audit-npy.yaml with this score (name: forgetting_like)

Run it after generate.py, then `dietaudit run Benchmarks/scale/data/audit-tied.yaml`.
"""
import argparse
import os

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    arguments = parser.parse_args()
    score = np.load(os.path.join(arguments.data, "score.npy"))
    generator = np.random.default_rng(arguments.seed)
    # The planted score's positive part in quarters, plus a coin: larger for the same planted groups.
    counts = np.clip(np.floor(np.maximum(score, 0) * 4 + generator.integers(0, 2, len(score))), 0, 20)
    np.save(os.path.join(arguments.data, "score-tied.npy"), counts.astype(np.float64))
    with open(os.path.join(arguments.data, "audit-npy.yaml"), encoding="utf-8") as handle:
        spec = handle.read()
    spec = spec.replace("{kind: imported, path: score.npy, name: score, ids: ids.npy}",
                        "{kind: imported, path: score-tied.npy, name: forgetting_like, ids: ids.npy}")
    with open(os.path.join(arguments.data, "audit-tied.yaml"), "w", encoding="utf-8") as handle:
        handle.write(spec)
    values, sizes = np.unique(counts, return_counts=True)
    print("runs of equal scores:", dict(zip(values.astype(int).tolist(), sizes.tolist())))


if __name__ == "__main__":
    main()
