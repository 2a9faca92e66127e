# MD5 digests and example keys for MD5Tests and the planner's key rule.
# Python 3.11 hashlib (no third-party package needed).
import hashlib

cases = ["", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz", "0:ties:el2n@2:17", "0:random:1",
         "x" * 55, "y" * 56, "z" * 64, "é×" * 40]
for text in cases:
    print(repr(text), hashlib.md5(text.encode()).hexdigest())

# PruningPlannerTests.partialTieFollowsTieStream: scores [1, 1, 1, 0, 2], ids 1…5, keep_hard at 0.4 removes
# example 3 and, of the tied examples 0, 1, 2, the one with the smallest md5("<seed>:ties:forgetting:<id>").
winners = []
for seed in range(20):
    keys = [hashlib.md5(f"{seed}:ties:forgetting:{index + 1}".encode()).hexdigest() for index in range(3)]
    winners.append(min(range(3), key=lambda index: keys[index]))
print("tie winners", winners)

# PruningPlannerTests.randomTakesSmallestKeys: 10 examples with ids a0…a9, seed 3, random at 0.3 removes
# the 3 ids with the smallest md5("3:random:<id>").
ids = [f"a{index}" for index in range(10)]
order = sorted(range(10), key=lambda index: hashlib.md5(f"3:random:{ids[index]}".encode()).hexdigest())
print("random removes", sorted(order[:3]))
