#!/bin/sh
# Compares two LearningProfile binaries side by side under the same load:
# runs A B A B … ROUNDS times each on one workload, then prints each binary's
# best and median rate (examples per wall-clock second, and the best run's
# examples per second of process CPU time) and the load averages before and after.
#
#   Benchmarks/alternate.sh BEFORE_BINARY AFTER_BINARY [workload] [rounds] [repeats]
#
# workload: train-wide (default), grand-wide, train-digits, grand-digits, train-cnn, grand-cnn;
# rounds: alternations (default 7); repeats: runs of the workload per process (default 2).
# Build each binary with `swift build -c release --product LearningProfile` in Benchmarks/
# of the commit it measures. Both binaries pick OpenBLAS's SkylakeX kernels themselves.
# The alternation itself is Benchmarks/alternate-settings.sh's, with one setting per binary.
set -eu
exec "$(dirname "$0")/alternate-settings.sh" "$1" "${3:-train-wide}" "${4:-7}" "${5:-2}" \
    'before:' "after:BINARY=$2"
