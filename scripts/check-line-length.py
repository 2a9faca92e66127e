#!/usr/bin/env python3
"""Checks that no Swift line is longer than the project's limit (120 columns).

Columns are counted as Unicode characters, not bytes, so `χ²` or `–` count as
one column each, as they do in an editor. Every Swift file tracked by git is
checked (sources, tests, benchmarks, fuzz targets and Package.swift).

Usage (from the repository root):
    python3 scripts/check-line-length.py           # check with the limit 120
    python3 scripts/check-line-length.py --limit 100

Prints `file:line: N columns` for every offending line and exits 1 when any
exists; exits 0 when all lines fit, 2 when git cannot list the files.
"""
import subprocess
import sys

LIMIT = 120


def swift_files():
    """The Swift files tracked by git, relative to the repository root."""
    output = subprocess.check_output(["git", "ls-files", "-z", "*.swift"])
    return [name for name in output.decode("utf-8").split("\0") if name]


def main(arguments):
    limit = LIMIT
    if len(arguments) == 2 and arguments[0] == "--limit":
        limit = int(arguments[1])
    elif arguments:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        files = swift_files()
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"check-line-length: cannot list the Swift files with git: {error}", file=sys.stderr)
        return 2
    offenders = 0
    for name in files:
        with open(name, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                columns = len(line.rstrip("\r\n"))
                if columns > limit:
                    print(f"{name}:{number}: {columns} columns (limit {limit})")
                    offenders += 1
    if offenders:
        print(f"check-line-length: {offenders} line(s) over {limit} columns", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
