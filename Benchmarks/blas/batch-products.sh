#!/bin/sh
# Builds batch-products.c against the system OpenBLAS (libopenblas-dev) in a temporary directory and
# runs its modes in turn (one-thread openblas columns task-backward task-pairs, one process each) ROUNDS times,
# then prints each mode's best and median time per batch and the load averages before and after.
# Ends with one core's peak FMA rate.
#
#   Benchmarks/blas/batch-products.sh [rounds] [batches]
set -eu
rounds=${1:-8}
batches=${2:-150}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -mavx512f -o "$work/batch-products" "$here/batch-products.c" -lopenblas -lpthread
modes="one-thread openblas columns task-backward task-pairs"
echo "load before: $(uptime | sed 's/.*load average: //')"
round=1
while [ "$round" -le "$rounds" ]; do
    line="round $round:"
    for mode in $modes; do
        micros=$("$work/batch-products" "$mode" "$batches" | sed 's/.*: \([0-9]*\) us.*/\1/')
        echo "$mode $micros" >>"$work/results"
        line="$line $mode $micros µs"
    done
    echo "$line (load $(cut -d' ' -f1 /proc/loadavg))"
    round=$((round + 1))
done
echo "load after: $(uptime | sed 's/.*load average: //')"
for mode in $modes; do
    grep "^$mode " "$work/results" | cut -d' ' -f2 | sort -n | awk -v mode="$mode" '
        { micros[NR] = $1 }
        END {
            median = NR % 2 ? micros[(NR + 1) / 2] : (micros[NR / 2] + micros[NR / 2 + 1]) / 2
            flop = 2.0 * 128 * (2 * 784 * 512 + 3 * 512 * 512)
            printf "%s: best %d µs, median %d µs per batch (%.0f / %.0f GFLOP/s)\n", mode, micros[1], median,
                flop / micros[1] / 1e3, flop / median / 1e3
        }'
done
"$work/batch-products" peak
