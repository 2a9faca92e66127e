#!/bin/sh
# Compares two LearningProfile binaries side by side under the same load:
# runs A B A B … ROUNDS times each on one workload, then prints each binary's
# best and median rate (examples per wall-clock second, and per second of the
# process's CPU time when the driver prints it) and the load averages before and after.
#
#   Benchmarks/alternate.sh BEFORE_BINARY AFTER_BINARY [workload] [rounds] [repeats]
#
# workload: train-wide (default), grand-wide, train-digits, grand-digits, train-cnn, grand-cnn;
# rounds: alternations (default 7); repeats: runs of the workload per process (default 2).
# Build each binary with `swift build -c release --product LearningProfile` in Benchmarks/
# of the commit it measures. Both binaries pick OpenBLAS's SkylakeX kernels themselves.
set -eu
before=$1
after=$2
workload=${3:-train-wide}
rounds=${4:-7}
repeats=${5:-2}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "load before: $(uptime | sed 's/.*load average: //')"
round=1
while [ "$round" -le "$rounds" ]; do
    for side in before after; do
        if [ "$side" = before ]; then binary=$before; else binary=$after; fi
        line=$("$binary" "$workload" "$repeats")
        rate=$(echo "$line" | sed 's/.* = \([0-9]*\) examples\/s.*/\1/')
        cpu=$(echo "$line" | sed -n 's/.*, \([0-9]*\) examples\/cpu-s/\1/p')
        echo "$side $rate ${cpu:-0}" >>"$results"
        echo "round $round $side: $rate examples/s${cpu:+, $cpu examples/cpu-s}"
    done
    round=$((round + 1))
done
echo "load after: $(uptime | sed 's/.*load average: //')"
for side in before after; do
    for field in 2 3; do
        unit=examples/s
        [ "$field" = 3 ] && unit=examples/cpu-s
        grep "^$side " "$results" | cut -d' ' -f"$field" | sort -n | awk -v side="$side" -v unit="$unit" '
            { rates[NR] = $1 }
            END {
                if (rates[NR] == 0) exit
                median = NR % 2 ? rates[(NR + 1) / 2] : (rates[NR / 2] + rates[NR / 2 + 1]) / 2
                printf "%s: best %d, median %d %s over %d runs\n", side, rates[NR], median, unit, NR
            }'
    done
done
