#!/usr/bin/env python3
"""Runs the scale benchmark in one go and prints wall time, CPU time and peak memory of each:

  1. dietaudit run audit-csv.yaml   (dataset and score from CSV)
  2. dietaudit run audit-npy.yaml   (dataset from CSV, score from NPY + ids)
  3. pandas_audit.py                (the same statistics in pandas + numpy + scipy)

then the ratio pandas / dietaudit (CSV). Each process is timed by /usr/bin/time -v (wall clock,
user + system CPU seconds, maximum resident set size). Each dietaudit run writes a fresh database
and report in a temporary directory.

Usage: compare.py [--data DIR] [--dietaudit PATH] [--skip-pandas]
  --data       the generated data (default Benchmarks/scale/data; made by generate.py if missing)
  --dietaudit  the release binary (default .build/release/dietaudit of the repository)
"""
import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time -v; returns (wall s, cpu s, peak MiB, stdout+stderr)."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True)
    report = result.stderr
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{report}")
    wall_text = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report).group(1)
    parts = [float(part) for part in wall_text.split(":")]
    wall = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    user = float(re.search(r"User time \(seconds\): (\S+)", report).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", report).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    return wall, user + system, peak, result.stdout + report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(HERE, "data"))
    parser.add_argument("--dietaudit", default=os.path.join(REPO, ".build", "release", "dietaudit"))
    parser.add_argument("--skip-pandas", action="store_true")
    arguments = parser.parse_args()
    if not os.path.exists(os.path.join(arguments.data, "audit-csv.yaml")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", arguments.data], check=True)
    with open("/proc/cpuinfo", encoding="ascii") as handle:
        model = re.search(r"model name\s*:\s*(.*)", handle.read()).group(1)
    print(f"machine: {os.cpu_count()} cores, {model}, {platform.platform()}; load {os.getloadavg()}")

    results = {}
    for name in ("csv", "npy"):
        with tempfile.TemporaryDirectory() as scratch:
            command = [arguments.dietaudit, "run", os.path.join(arguments.data, f"audit-{name}.yaml"),
                       "--db", os.path.join(scratch, "runs.sqlite"), "--out", scratch, "--fail-on", "never"]
            wall, cpu, peak, _ = timed(command)
            database = sum(os.path.getsize(os.path.join(scratch, f)) for f in os.listdir(scratch)
                           if f.startswith("runs.sqlite"))
            results[f"dietaudit ({name})"] = (wall, cpu, peak)
            print(f"dietaudit run audit-{name}.yaml: {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MiB, "
                  f"database {database / 2**20:.0f} MiB", flush=True)
    if not arguments.skip_pandas:
        wall, cpu, peak, output = timed([sys.executable, os.path.join(HERE, "pandas_audit.py"), arguments.data])
        results["pandas + scipy"] = (wall, cpu, peak)
        print(f"pandas_audit.py: {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MiB ({output.splitlines()[0]})")
        base = results["dietaudit (csv)"]
        print(f"ratio pandas / dietaudit (csv): {wall / base[0]:.1f}x wall, {cpu / base[1]:.1f}x CPU, "
              f"{peak / base[2]:.1f}x peak memory")


if __name__ == "__main__":
    main()
