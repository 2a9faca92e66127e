#!/usr/bin/env python3
"""A straightforward pandas + numpy + scipy version of DietAudit's composition audit, for the
scale benchmark: the same plans (keep_hard, keep_easy, random, class_balanced at fractions
0.1 ... 0.9) over the same groupings (class, each attribute, each attribute pair, each attribute
with class), and per plan x group the removal count, removal rate, retention ratio, Fisher exact
p-value (scipy.stats.fisher_exact) and Benjamini-Hochberg q-value within the plan
(scipy.stats.false_discovery_control).

Written the way a data scientist would write it first: pandas reads and joins, numpy sorts,
groupby counts, one fisher_exact call per group. Ties and random plans use numpy's generator,
so the plans differ from DietAudit's in which tied examples go (the statistics are the same
kind and cost). Tested with pandas 3.1.1, numpy 2.4.6, scipy 1.17.1.

Usage: pandas_audit.py DATA_DIR [--out rows.csv]
"""
import argparse
import itertools
import os
import time

import numpy as np
import pandas as pd
from scipy.stats import false_discovery_control, fisher_exact

ATTRIBUTES = ["sex", "region", "age_band"]
FRACTIONS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def plans(frame, seed=0):
    """Yields (policy, fraction, removed mask) for every plan."""
    generator = np.random.default_rng(seed)
    score = frame["score"].to_numpy()
    count = len(score)
    ties = generator.permutation(count)
    easiest_first = np.lexsort((ties, score))
    hardest_first = np.lexsort((ties, -score))
    labels = frame["label"].to_numpy()
    for fraction in FRACTIONS:
        target = round(fraction * count)
        for policy, order in (("keep_hard", easiest_first), ("keep_easy", hardest_first)):
            removed = np.zeros(count, dtype=bool)
            removed[order[:target]] = True
            yield policy, fraction, removed
        removed = np.zeros(count, dtype=bool)
        removed[generator.permutation(count)[:target]] = True
        yield "random", fraction, removed
        removed = np.zeros(count, dtype=bool)
        for label in np.unique(labels):
            members = easiest_first[labels[easiest_first] == label]
            removed[members[: round(fraction * len(members))]] = True
        yield "class_balanced", fraction, removed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--out")
    arguments = parser.parse_args()
    timings = {}
    start = time.perf_counter()
    dataset = pd.read_csv(os.path.join(arguments.data, "dataset.csv"), dtype={a: "category" for a in ATTRIBUTES})
    scores = pd.read_csv(os.path.join(arguments.data, "scores.csv"))
    frame = dataset.merge(scores, on="id", how="inner", validate="one_to_one")
    frame["class"] = frame["label"].astype("category")
    groupings = ["class", *ATTRIBUTES]
    for first, second in itertools.combinations(ATTRIBUTES, 2):
        frame[f"{first}×{second}"] = (frame[first].astype(str) + "×" + frame[second].astype(str)).astype("category")
        groupings.append(f"{first}×{second}")
    for attribute in ATTRIBUTES:
        frame[f"{attribute}×class"] = (frame[attribute].astype(str) + "×" + frame["label"].astype(str)).astype(
            "category")
        groupings.append(f"{attribute}×class")
    timings["read"] = time.perf_counter() - start

    rows = []
    counting = fisher = 0.0
    for policy, fraction, removed in plans(frame):
        tick = time.perf_counter()
        frame["removed"] = removed
        total, removed_total = len(frame), int(removed.sum())
        plan_rows = []
        for grouping in groupings:
            counts = frame.groupby(grouping, observed=True)["removed"].agg(["size", "sum"])
            for group, (n, removed_count) in counts.iterrows():
                plan_rows.append([policy, fraction, grouping, group, int(n), int(removed_count)])
        tock = time.perf_counter()
        counting += tock - tick
        p_values = []
        for row in plan_rows:
            n, removed_count = row[4], row[5]
            table = [[removed_count, n - removed_count], [removed_total - removed_count,
                                                          (total - removed_total) - (n - removed_count)]]
            p_values.append(fisher_exact(table).pvalue)
        q_values = false_discovery_control(p_values)
        for row, p_value, q_value in zip(plan_rows, p_values, q_values):
            n, removed_count = row[4], row[5]
            rate = removed_count / n
            retention = ((n - removed_count) / n) / ((total - removed_total) / total)
            rows.append(row + [rate, retention, p_value, q_value])
        fisher += time.perf_counter() - tock
    timings["counting"] = counting
    timings["fisher"] = fisher
    timings["total"] = time.perf_counter() - start
    if arguments.out:
        columns = ["policy", "fraction", "attribute", "group", "n", "removed", "removal_rate", "retention_ratio",
                   "p_value", "q_value"]
        pd.DataFrame(rows, columns=columns).to_csv(arguments.out, index=False)
    print(f"{len(rows)} rows; " + ", ".join(f"{key} {value:.1f} s" for key, value in timings.items()))


if __name__ == "__main__":
    main()
