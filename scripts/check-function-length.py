#!/usr/bin/env python3
"""Checks that no Swift function body is longer than the project's limit (80 lines).

A simple scanner, not a parser: it removes comments and string literals
(including multi-line `\"\"\"` literals, raw `#"…"#` literals and string
interpolations), then finds each `func`, `init`, `deinit` and `subscript`
declaration and matches the braces of its body. A body's length is the number
of lines from the line of its opening brace to the line of its closing brace,
both included. Nested functions and closures count towards the enclosing
function too, and are also checked on their own. Protocol requirements (no
body) are skipped.

Usage (from the repository root):
    python3 scripts/check-function-length.py                  # Sources/, limit 80
    python3 scripts/check-function-length.py --limit 60 Tests # other limit or folders

Prints `file:line: name is N lines` for each offender and exits 1 when any
exists; exits 0 when every body fits.
"""
import os
import re
import sys

LIMIT = 80
DECLARATION = re.compile(r"\b(func\s+[^\s(<]+|init[?!]?|deinit|subscript)\s*[(<{]?")


def blank_out(source):
    """The source with comments and string-literal contents replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(source)
    # Stack of contexts: ("code", paren depth) for interpolations, ("string", hashes, multiline).
    stack = [("code", 0)]
    while i < n:
        kind = stack[-1][0]
        c = source[i]
        if kind == "code":
            if source.startswith("//", i):
                end = source.find("\n", i)
                end = n if end < 0 else end
                out.append(" " * (end - i))
                i = end
                continue
            if source.startswith("/*", i):
                depth, j = 1, i + 2
                while j < n and depth:
                    if source.startswith("/*", j):
                        depth, j = depth + 1, j + 2
                    elif source.startswith("*/", j):
                        depth, j = depth - 1, j + 2
                    else:
                        j += 1
                out.append(re.sub(r"[^\n]", " ", source[i:j]))
                i = j
                continue
            match = re.match(r'(#*)("""|")', source[i:i + 40])
            if match:
                hashes, quote = len(match.group(1)), match.group(2)
                stack.append(("string", hashes, quote == '"""'))
                out.append(" " * match.end())
                i += match.end()
                continue
            if len(stack) > 1 and c == "(":
                stack[-1] = ("code", stack[-1][1] + 1)
            elif len(stack) > 1 and c == ")":
                if stack[-1][1] == 0:
                    stack.pop()  # end of an interpolation: back inside the string
                    out.append(" ")
                    i += 1
                    continue
                stack[-1] = ("code", stack[-1][1] - 1)
            out.append(c)
            i += 1
            continue
        _, hashes, multiline = stack[-1]
        escape = "\\" + "#" * hashes
        if source.startswith(escape + "(", i):
            stack.append(("code", 0))
            out.append(" " * (len(escape) + 1))
            i += len(escape) + 1
            continue
        if source.startswith(escape, i) and hashes == 0:
            out.append("  " if source[i + 1:i + 2] != "\n" else " \n")
            i += 2
            continue
        closing = ('"""' if multiline else '"') + "#" * hashes
        if source.startswith(closing, i):
            stack.pop()
            out.append(" " * len(closing))
            i += len(closing)
            continue
        out.append("\n" if c == "\n" else " ")
        i += 1
    return "".join(out)


def long_functions(path, limit):
    """(line, name, length) of each function body in `path` longer than `limit` lines."""
    with open(path, encoding="utf-8") as handle:
        code = blank_out(handle.read())
    found = []
    for match in DECLARATION.finditer(code):
        # The body starts at the first `{` after the signature, unless a `}` or a new
        # declaration comes first (a protocol requirement has no body).
        depth, j = 0, match.end() - 1
        body_start = None
        while j < len(code):
            ch = code[j]
            if ch in "([<":
                depth += 1
            elif ch in ")]>" and depth > 0:
                depth -= 1
            elif ch == "{" and depth == 0:
                body_start = j
                break
            elif ch == "}" and depth == 0:
                break
            elif depth == 0 and j > match.end() and DECLARATION.match(code, j) and code[j - 1] in " \n\t":
                break
            j += 1
        if body_start is None:
            continue
        level, k = 0, body_start
        while k < len(code):
            if code[k] == "{":
                level += 1
            elif code[k] == "}":
                level -= 1
                if level == 0:
                    break
            k += 1
        first = code.count("\n", 0, body_start) + 1
        last = code.count("\n", 0, k) + 1
        length = last - first + 1
        if length > limit:
            found.append((code.count("\n", 0, match.start()) + 1, match.group(1).split()[-1], length))
    return found


def main(arguments):
    limit = LIMIT
    if arguments[:1] == ["--limit"]:
        limit, arguments = int(arguments[1]), arguments[2:]
    roots = arguments or ["Sources"]
    offenders = 0
    for root in roots:
        for folder, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                if not name.endswith(".swift"):
                    continue
                path = os.path.join(folder, name)
                for line, function, length in long_functions(path, limit):
                    print(f"{path}:{line}: {function} is {length} lines (limit {limit})")
                    offenders += 1
    if offenders:
        print(f"check-function-length: {offenders} function(s) over {limit} lines", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
