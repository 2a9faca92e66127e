#!/usr/bin/env bash
# Benchmark 4: wall time of the whole digits audit as a process,
#   dietaudit run audits/digits.yaml
# with the release binary of the main package (target: <= 1 s).
#
# The binary is built through this Benchmarks package (it depends on the main
# package by path, so `--product dietaudit` builds the main package's own
# executable in release mode and reuses the modules the benchmarks built).
# Set DIETAUDIT=/path/to/dietaudit to time another binary instead.
# RUNS (default 20) sets the number of timed runs; extra arguments go to
# hyperfine (e.g. --export-markdown out.md).
#
# Each run writes a fresh database and report in a temporary directory, so no
# run finds earlier runs in its database. Uses hyperfine when installed
# (apt-get install -y hyperfine), else a loop timed with `date +%s.%N`.
set -euo pipefail

benchmarks_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$benchmarks_dir")"
runs="${RUNS:-20}"

if [[ -z "${DIETAUDIT:-}" ]]; then
    swift build -c release --package-path "$benchmarks_dir" --product dietaudit >&2
    DIETAUDIT="$(swift build -c release --package-path "$benchmarks_dir" --show-bin-path)/dietaudit"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$repo_dir"
audit="'$DIETAUDIT' run audits/digits.yaml --db '$scratch/runs.sqlite' --out '$scratch' --fail-on never"
reset="rm -f '$scratch/runs.sqlite' '$scratch/runs.sqlite-wal' '$scratch/runs.sqlite-shm' '$scratch/digits.md'"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load:$(uptime | sed 's/.*load average://')"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-<unset>}"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs "$runs" --prepare "$reset" --command-name "dietaudit run audits/digits.yaml" "$@" "$audit"
else
    times=()
    for ((i = 0; i < runs + 2; i++)); do
        eval "$reset"
        start=$(date +%s.%N)
        eval "$audit" >/dev/null 2>&1
        end=$(date +%s.%N)
        (( i >= 2 )) && times+=("$(echo "$end - $start" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '
        { t[NR] = $1; sum += $1 }
        END { printf "dietaudit run audits/digits.yaml: %d runs, mean %.3f s, median %.3f s, min %.3f s, max %.3f s\n",
              NR, sum / NR, t[int((NR + 1) / 2)], t[1], t[NR] }'
fi
