"""Writes the seed corpora under Fuzz/Corpus/<target>/ from the shipped data and specs.

Run from the repository root: python3 Fuzz/make_corpus.py  (numpy 2.4, Python 3 standard library).
Every seed is small (a few rows or values) so that the fuzzer mutates fast; the whole corpus stays under 1 MB.
"""
import gzip
import io
import os
import shutil
import struct

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def head(path, lines):
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        return "".join(handle.readline() for _ in range(lines))


def csv_seeds():
    for name in ["german_credit.csv", "compas_two_years.csv", "digits.csv"]:
        write("csv", name, head(f"datasets/{name}", 6))
    write("csv", "quoted.csv", 'a,b,c\n"x, y","he said ""hi""",3\n"multi\nline",,-1.5e3\n')
    write("csv", "crlf-bom.csv", "\ufeffid;label\r\n1;yes\r\n2;no\r\n")
    write("csv", "tabs-missing.tsv", "x\ty\n1\t?\nNA\t2\n")
    write("csv", "empty.csv", "")
    write("csv", "header-only.csv", "a,b\n")
    write("csv", "ragged.csv", "a,b\n1\n1,2,3\n")


def arff_seeds():
    write("arff", "credit.arff", """% German credit, a few rows
@relation credit
@attribute duration numeric
@attribute purpose {car, 'radio/tv', education}
@attribute 'credit amount' real
@attribute class {good,bad}
@data
6,car,1169,good
48,'radio/tv',5951,bad
12,education,?,good
""")
    write("arff", "sparse.arff", "@RELATION s\n@ATTRIBUTE a NUMERIC\n@ATTRIBUTE b NUMERIC\n@DATA\n{0 1, 1 2}\n{1 5}\n")
    write("arff", "string-date.arff", "@relation t\n@attribute name string\n@attribute when date 'yyyy-MM-dd'\n"
          "@attribute y {0,1}\n@data\n'a b',2020-01-02,0\n\"c\",?,1\n")
    write("arff", "no-data.arff", "@relation empty\n@attribute a numeric\n")


def npy_bytes(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def npy_seeds():
    rng = np.random.default_rng(0)
    write("npy", "u1-images.npy", npy_bytes(rng.integers(0, 256, size=(3, 4, 4), dtype=np.uint8)))
    write("npy", "i8-labels.npy", npy_bytes(np.array([0, 1, 2, 1], dtype="<i8")))
    write("npy", "f4-be.npy", npy_bytes(np.array([[1.5, -2.0], [np.nan, 3.25]], dtype=">f4")))
    write("npy", "f8.npy", npy_bytes(np.linspace(0, 1, 5)))
    write("npy", "i4-scalar.npy", npy_bytes(np.array(7, dtype="<i4")))
    write("npy", "empty.npy", npy_bytes(np.zeros((0, 3), dtype=np.uint8)))
    write("npy", "fortran.npy", npy_bytes(np.asfortranarray(np.arange(6, dtype=np.uint8).reshape(2, 3))))
    version2 = bytearray(npy_bytes(np.arange(4, dtype=np.uint8)))
    header = bytes(version2[10:])  # version 1.0 header: 2-byte length at 8..9
    length = struct.unpack("<H", version2[8:10])[0]
    write("npy", "v2.npy", b"\x93NUMPY\x02\x00" + struct.pack("<I", length) + header)
    write("npy", "gzipped.npy.gz", gzip.compress(npy_bytes(np.arange(6, dtype="<i4")), mtime=0))


def idx_bytes(type_code, shape, payload):
    return struct.pack(">BBBB", 0, 0, type_code, len(shape)) + struct.pack(f">{len(shape)}I", *shape) + payload


def idx_seeds():
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, size=(3, 4, 4), dtype=np.uint8)
    write("idx", "images-ubyte.idx", idx_bytes(0x08, images.shape, images.tobytes()))
    write("idx", "labels-ubyte.idx", idx_bytes(0x08, (4,), bytes([0, 1, 2, 9])))
    write("idx", "byte.idx", idx_bytes(0x09, (3,), bytes([0x80, 0, 0x7F])))
    write("idx", "int16.idx", idx_bytes(0x0B, (2,), np.array([-2, 300], dtype=">i2").tobytes()))
    write("idx", "int32.idx", idx_bytes(0x0C, (2, 1), np.array([-7, 70000], dtype=">i4").tobytes()))
    write("idx", "float32.idx", idx_bytes(0x0D, (2,), np.array([0.5, np.inf], dtype=">f4").tobytes()))
    write("idx", "float64.idx", idx_bytes(0x0E, (1,), np.array([-1e300], dtype=">f8").tobytes()))
    write("idx", "images.idx.gz", gzip.compress(idx_bytes(0x08, images.shape, images.tobytes()), mtime=0))


def gzip_seeds():
    text = head("datasets/digits.csv", 4).encode()
    write("gzip", "digits-default.gz", gzip.compress(text, compresslevel=6, mtime=0))
    write("gzip", "digits-level1.gz", gzip.compress(text, compresslevel=1, mtime=0))
    write("gzip", "stored.gz", gzip.compress(b"abc" * 5, compresslevel=0, mtime=0))
    write("gzip", "empty.gz", gzip.compress(b"", mtime=0))
    write("gzip", "two-members.gz", gzip.compress(b"first\n", mtime=0) + gzip.compress(b"second\n", mtime=0))
    write("gzip", "repeats.gz", gzip.compress(b"ab" * 300 + bytes(range(256)), compresslevel=9, mtime=0))
    named = bytearray(gzip.compress(b"named", mtime=0))
    named[3] |= 0x08  # FNAME: a zero-terminated name follows the 10-byte header
    write("gzip", "with-name.gz", bytes(named[:10]) + b"data.csv\x00" + bytes(named[10:]))


def yaml_seeds():
    for name in os.listdir(os.path.join(ROOT, "audits")):
        shutil.copy(os.path.join(ROOT, "audits", name), os.path.join(CORPUS, "audit-spec", name))
    for name in os.listdir(os.path.join(ROOT, "rulesets")):
        shutil.copy(os.path.join(ROOT, "rulesets", name), os.path.join(CORPUS, "ruleset", name))
    write("audit-spec", "anchors.yaml", "audit: a\nbase: &b {x: 1}\ndataset: *b\n")
    write("ruleset", "anchors.yaml", "ruleset: r\nrules:\n  - &r {id: a, metric: m}\n  - *r\n")


if __name__ == "__main__":
    shutil.rmtree(CORPUS, ignore_errors=True)
    for target in ["audit-spec", "ruleset"]:
        os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    csv_seeds()
    arff_seeds()
    npy_seeds()
    idx_seeds()
    gzip_seeds()
    yaml_seeds()
