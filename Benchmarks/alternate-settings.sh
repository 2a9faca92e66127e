#!/bin/sh
# Compares one LearningProfile binary under several environment settings side by side under the
# same load: runs the settings in turn (S1 S2 S3 S1 S2 S3 …) ROUNDS times on one workload, then
# prints each setting's best and median rate (examples per wall-clock second, and the best run's
# examples per second of process CPU time) and the load averages before and after.
#
#   Benchmarks/alternate-settings.sh BINARY WORKLOAD ROUNDS REPEATS 'name:VAR=value VAR2=value' …
#
# Each setting is a name, a colon and the variables to set for that run (none for the default);
# `BINARY=path` among them runs another binary for that setting (Benchmarks/alternate.sh compares
# two builds this way).
# Examples: another BLAS put in front of OpenBLAS, OpenBLAS's own knobs:
#
#   blis=/usr/lib/x86_64-linux-gnu/blis-pthread/libblis.so.4
#   Benchmarks/alternate-settings.sh .build/release/LearningProfile train-wide 6 2 'openblas:' \
#       "blis:LD_PRELOAD=$blis BLIS_NUM_THREADS=2" 'timeout4:OPENBLAS_THREAD_TIMEOUT=4' \
#       'one-thread:OPENBLAS_NUM_THREADS=1'
set -eu
binary=$1
workload=$2
rounds=$3
repeats=$4
shift 4
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "load before: $(uptime | sed 's/.*load average: //')"
round=1
while [ "$round" -le "$rounds" ]; do
    for setting in "$@"; do
        name=${setting%%:*}
        variables=${setting#*:}
        run=$binary
        for assignment in $variables; do
            case $assignment in BINARY=*) run=${assignment#BINARY=} ;; esac
        done
        variables=$(echo " $variables " | sed 's/ BINARY=[^ ]*//g')
        # shellcheck disable=SC2086  # the variables are meant to split into separate assignments
        line=$(env $variables "$run" "$workload" "$repeats" | tail -n 1)
        rate=$(echo "$line" | sed 's/.* = \([0-9]*\) examples\/s.*/\1/')
        cpu=$(echo "$line" | sed -n 's/.*, \([0-9]*\) examples\/cpu-s/\1/p')
        echo "$name $rate ${cpu:-0}" >>"$results"
        echo "round $round $name: $rate examples/s${cpu:+, $cpu examples/cpu-s} (load $(cut -d' ' -f1 /proc/loadavg))"
    done
    round=$((round + 1))
done
echo "load after: $(uptime | sed 's/.*load average: //')"
for setting in "$@"; do
    name=${setting%%:*}
    grep "^$name " "$results" | cut -d' ' -f2,3 | sort -n | awk -v name="$name" '
        { rates[NR] = $1; cpu[NR] = $2 }
        END {
            median = NR % 2 ? rates[(NR + 1) / 2] : (rates[NR / 2] + rates[NR / 2 + 1]) / 2
            printf "%s: best %d, median %d examples/s over %d runs", name, rates[NR], median, NR
            if (cpu[NR] > 0) printf " (best run %d examples/cpu-s)", cpu[NR]
            printf "\n"
        }'
done
