"""Reference outputs of xoshiro256** for SeededGeneratorTests.xoshiroReferenceStep
(Tests/DietAuditCoreTests/SeededGeneratorTests.swift).

A transcription of Blackman & Vigna's reference C definition of xoshiro256**
with Python integers masked to 64 bits, from the state (1, 2, 3, 4): the first
three outputs (11520, 0, 1509978240).

Versions: Python 3.11.7 (no third-party package needed).
Run: python3 Tests/References/xoshiro.py
Compared exactly.
"""
MASK = (1 << 64) - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro256starstar(state):
    s0, s1, s2, s3 = state
    while True:
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        yield result


generator = xoshiro256starstar((1, 2, 3, 4))
print([next(generator) for _ in range(3)])
