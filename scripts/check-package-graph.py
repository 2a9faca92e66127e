#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports.

For every Swift target (library, executable, test and test-support), the
modules its sources `import` (including `@testable import` and
`import struct M.T`) must equal the target and product dependencies that
Package.swift declares for it: a declared dependency that no file imports is
reported as unused, an imported module that is not declared as missing.
System and toolchain modules (Foundation, Glibc, Testing, …) are ignored, and a
test target may depend on an executable it does not import (so that SwiftPM
builds the binary the test runs).

The dependency graph of the library and executable targets is then drawn as
text, one line per target, and must appear verbatim between the markers
`package-graph:begin` and `package-graph:end` in Package.swift's comment and in
docs/ARCHITECTURE.md, so the drawing can never drift from the declarations.

Usage (from the repository root):
    python3 scripts/check-package-graph.py           # check; exit 1 on drift
    python3 scripts/check-package-graph.py --write   # redraw both graph blocks

It reads the manifest through `swift package dump-package`, so it sees what
SwiftPM sees. Exit codes: 0 consistent, 1 drift found, 2 could not run.
"""
import json
import os
import re
import subprocess
import sys

SYSTEM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Musl",
    "Darwin", "Dispatch", "Testing", "XCTest", "Synchronization", "os", "_Concurrency", "Swift",
    "SwiftShims", "CoreFoundation",
}
IMPORT = re.compile(
    r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+|@_implementationOnly\s+)*import\s+"
    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)",
    re.MULTILINE)
BEGIN, END = "package-graph:begin", "package-graph:end"


def dump_package(root):
    try:
        text = subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                              capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"check-package-graph: cannot read the manifest: {error}")
    return json.loads(text)


def declared_dependencies(target):
    """Module names a target depends on: targets by name, products by product name."""
    names = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        names.add(value[0])
    return names


def source_folder(root, target):
    if target.get("path"):
        return os.path.join(root, target["path"])
    parent = "Tests" if target["type"] == "test" else "Sources"
    return os.path.join(root, parent, target["name"])


def imported_modules(folder):
    modules = set()
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".swift"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    text = re.sub(r"/\*.*?\*/", "", handle.read(), flags=re.DOTALL)
                modules.update(IMPORT.findall(text))
    return modules - SYSTEM_MODULES


def graph_lines(targets):
    """`A ◄─ B, C`: each non-test Swift target and the local targets it depends on."""
    local = {t["name"] for t in targets}
    lines = []
    for target in targets:
        if target["type"] in ("test", "system") or target["name"].endswith("TestSupport"):
            continue
        dependencies = sorted(declared_dependencies(target) & local,
                              key=[t["name"] for t in targets].index)
        lines.append(f"{target['name']} → {', '.join(dependencies) if dependencies else '(none)'}")
    return lines


def check_block(path, lines, write, prefix, fence=""):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return [f"{path}: no '{BEGIN}' … '{END}' block"]
    head = text[:text.index("\n", start) + 1]
    tail = text[text.rindex("\n", 0, end) + 1:]
    block = "".join(f"{prefix}{line}\n" for line in lines)
    if fence:
        block = f"{fence}\n{block}{fence[:3]}\n"
    if text[len(head):len(text) - len(tail)] == block:
        return []
    if write:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(head + block + tail)
        return []
    return [f"{path}: the drawn graph differs from Package.swift's declarations "
            "(run scripts/check-package-graph.py --write)"]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    write = "--write" in sys.argv[1:]
    targets = dump_package(root)["targets"]
    problems = []
    for target in targets:
        if target["type"] == "system":
            continue
        imported = imported_modules(source_folder(root, target))
        declared = declared_dependencies(target)
        for module in sorted(imported - declared):
            problems.append(f"{target['name']}: imports {module} but does not declare it")
        executables = {t["name"] for t in targets if t["type"] == "executable"}
        # A test may depend on an executable only so that SwiftPM builds the binary it runs.
        unused = declared - imported - (executables if target["type"] == "test" else set())
        for module in sorted(unused):
            problems.append(f"{target['name']}: declares {module} but no file imports it")
    lines = graph_lines(targets)
    problems += check_block(os.path.join(root, "Package.swift"), lines, write, "///   ")
    problems += check_block(os.path.join(root, "docs", "ARCHITECTURE.md"), lines, write, "", fence="```text")
    for problem in problems:
        print(f"check-package-graph: {problem}")
    if problems:
        return 1
    print(f"check-package-graph: {len(targets)} targets, declarations match imports; graph drawn in "
          "Package.swift and docs/ARCHITECTURE.md is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
