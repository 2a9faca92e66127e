# MD5 digests and example keys for MD5Tests and the planner's key rule.
# Python 3.11 hashlib (no third-party package needed).
import hashlib

cases = ["", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz", "0:ties:el2n@2:17", "0:random:1",
         "x" * 55, "y" * 56, "z" * 64, "é×" * 40]
for text in cases:
    print(repr(text), hashlib.md5(text.encode()).hexdigest())
