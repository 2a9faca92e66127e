"""Reference fingerprint for SARIFReportTests.fingerprintIsTheDocumentedHash.

Python 3.11, standard library only (hashlib). Run: python3 Tests/References/sarif_fingerprint.py
The `dietauditFinding/v1` fingerprint is the lower-case hex SHA-256 of rule id,
score, policy, fraction, attribute and group (absent ones as empty text),
joined by the ASCII unit separator U+001F.
"""
import hashlib

SEPARATOR = "\x1f"
cases = [
    ("disproportionate-removal", "planted", "keep_hard", "0.3", "sex", "female"),
    ("composition-shift", "planted", "keep_hard", "0.3", "sex", ""),
    ("accuracy-cost", "", "full", "", "sex", "female"),
]
for fields in cases:
    print(fields, hashlib.sha256(SEPARATOR.join(fields).encode("utf-8")).hexdigest())
