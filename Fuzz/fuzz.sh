#!/usr/bin/env bash
# Builds DietAudit's fuzz targets (libFuzzer + AddressSanitizer) and runs each
# for FUZZ_SECONDS of CPU time (user + system of the fuzzer process), one after
# the other, one job each. CPU time, not wall time: on a busy machine a target
# still gets its full budget (libFuzzer's own -max_total_time counts wall time).
#
# Usage: Fuzz/fuzz.sh [target…]      targets: csv arff npy idx gzip audit-spec ruleset (default: all)
# Environment: FUZZ_SECONDS (CPU seconds per target, default 600), FUZZ_RSS_MB (default 2048),
# FUZZ_MAX_LEN (default 16384), SWIFT.
#
# Seeds come from Fuzz/Corpus/<target>/ (committed); new inputs the fuzzer finds
# go to Fuzz/.work/<target>/corpus and anything it stops on (crash, timeout,
# out-of-memory, sanitizer report) to Fuzz/.work/<target>/ (neither committed).
# Prints per target the executions and the result; exits 1 when any target found something.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
swift="${SWIFT:-swift}"
seconds="${FUZZ_SECONDS:-600}"
rss_mb="${FUZZ_RSS_MB:-2048}"
max_len="${FUZZ_MAX_LEN:-16384}"
all_targets=(csv arff npy idx gzip audit-spec ruleset)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

executable() {  # csv → FuzzCSV, audit-spec → FuzzAuditSpec
    case "$1" in
        csv) echo FuzzCSV ;; arff) echo FuzzARFF ;; npy) echo FuzzNPY ;; idx) echo FuzzIDX ;;
        gzip) echo FuzzGzip ;; audit-spec) echo FuzzAuditSpec ;; ruleset) echo FuzzRuleset ;;
        *) echo "unknown fuzz target '$1'; expected one of: ${all_targets[*]}" >&2; return 1 ;;
    esac
}
for target in "${targets[@]}"; do executable "$target" >/dev/null || exit 2; done

# One product at a time: a plain `swift build` would also link the root
# package's `dietaudit` executable with libFuzzer, which cannot work (two mains).
for target in "${targets[@]}"; do
    echo "building $(executable "$target") (debug, -sanitize=fuzzer,address)…"
    "$swift" build --package-path "$here" --product "$(executable "$target")" -Xswiftc -sanitize=fuzzer,address 2>&1 \
        | grep -v "ld.gold: warning: Cannot export local symbol" | tail -n 2
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz build failed" >&2; exit 2; }
done
bin="$("$swift" build --package-path "$here" --show-bin-path)"

# A Swift trap must reach libFuzzer's crash handler (which saves the input), not
# the Swift runtime's backtracer; leaks are not what these targets look for.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

failed=0
summary=()
for target in "${targets[@]}"; do
    work="$here/.work/$target"
    mkdir -p "$work/corpus"
    log="$work/fuzz.log"
    touch "$work/.started"
    echo "fuzzing $target for ${seconds} CPU seconds (log: ${log#$here/})…"
    "$bin/$(executable "$target")" "$work/corpus" "$here/Corpus/$target" \
        -timeout=10 -rss_limit_mb="$rss_mb" -max_len="$max_len" \
        -artifact_prefix="$work/" -print_final_stats=1 >"$log" 2>&1 &
    fuzzer=$!
    cpu=0
    code=""
    # Poll the fuzzer's CPU time (fields 14 and 15 of /proc/PID/stat, in clock
    # ticks) and stop it with SIGINT (libFuzzer then prints its final stats
    # and exits with its -interrupt_exitcode, 72) once it has had its budget.
    while kill -0 "$fuzzer" 2>/dev/null; do
        stat="$(cat "/proc/$fuzzer/stat" 2>/dev/null)" || break
        fields=(${stat##*) })
        cpu=$(( (fields[11] + fields[12]) / $(getconf CLK_TCK) ))
        if [ "$cpu" -ge "$seconds" ]; then
            kill -INT "$fuzzer"
            wait "$fuzzer"
            code=$?
            break
        fi
        sleep 2
    done
    if [ -z "$code" ]; then wait "$fuzzer"; code=$?; fi
    # Stopped by the budget (SIGINT: libFuzzer exits with its -interrupt_exitcode, 72), not by a finding.
    if [ "$cpu" -ge "$seconds" ] && [ "$code" -eq 72 ]; then code=0; fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)"
    [ -z "$runs" ] && runs="$(grep -o '^Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -n 1)"
    coverage="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*')"
    artifacts="$(find "$work" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
        -o -name 'leak-*' -o -name 'slow-unit-*' \) -newer "$work/.started" 2>/dev/null | sort)"
    if [ "$code" -eq 0 ] && [ -z "$artifacts" ]; then
        result="nothing found"
    else
        failed=1
        pattern='ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|ERROR: libFuzzer: [a-z-]*\|Fatal error: .*\|SUMMARY: .*'
        reason="$(grep -m1 -o "$pattern" "$log")"
        result="FOUND (exit $code) ${reason:-see log}; inputs: ${artifacts//$'\n'/ }"
    fi
    line="$(printf '%-11s %10s executions %6s edges %5s CPU s  %s' "$target" "${runs:-?}" "${coverage:-?}" \
        "$cpu" "$result")"
    echo "$line"
    summary+=("$line")
done

echo
echo "fuzzing summary (${seconds} CPU seconds per target):"
printf '%s\n' "${summary[@]}"
exit "$failed"
