"""Regenerates the byte fixtures of Tests/DatasetsTests/PythonFixtures.swift and
Tests/DatasetsTests/DigitsGzipFixture.swift.

Serves the DEFLATE / gzip tests (InflateTests), the IDX reader tests
(IDXReaderTests.pythonStructFiles and its error tests, ImagePrepareTests), the
NPY reader tests (NPYReaderTests.numpyFiles and its error tests) and the digits
image tests that read DigitsGzipFixture.images / .labels.

Each fixture is printed as `static let name: [UInt8] = [...]` with 20 bytes a
line, exactly as pasted. `dynamicLength`, `dynamicCRC` and `dynamicTail` are the
length, CRC-32 and last 8 bytes of the data behind `dynamic`.

Versions: Python 3.11.7 (zlib 1.2.13: compressed bytes can differ with another
zlib version; the tests only need them to be valid streams of the given data),
numpy 2.4.6. The digits fixture reads ../shared/datasets/digits.csv (relative to
the repository; pass another path as the first argument).
Run: python3 Tests/References/byte_fixtures.py
"""
import csv
import gzip
import io
import pathlib
import struct
import sys
import zlib

import numpy as np

TEXT = b"DietAudit prunes data and audits who gets removed. " * 3
fixtures = {}


def raw_deflate(data, *args):
    compressor = zlib.compressobj(*args)
    return compressor.compress(data) + compressor.flush()


# ---- DEFLATE / gzip ----
fixtures["stored"] = raw_deflate(TEXT, 0, zlib.DEFLATED, -15)
fixtures["fixed"] = raw_deflate(TEXT, 9, zlib.DEFLATED, -15, 9, zlib.Z_FIXED)
letters = np.random.default_rng(0).choice(np.arange(97, 123), size=200, p=np.arange(1, 27) / 351)
dynamic_data = bytes(letters.astype(np.uint8).tolist()) + b"DietAudit prunes data and audits who gets removed. " * 8
fixtures["dynamic"] = raw_deflate(dynamic_data, 9, zlib.DEFLATED, -15)
fixtures["gzipPlain"] = gzip.compress(TEXT, mtime=0)

fields_text = b"hello, hello, hello gzip"
header = struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 3)
header += struct.pack("<H", 4) + b"ab\x01\x02" + b"digits.idx\x00" + b"a comment\x00"
header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
fixtures["gzipFields"] = (header + raw_deflate(fields_text, 6, zlib.DEFLATED, -15)
                          + struct.pack("<II", zlib.crc32(fields_text), len(fields_text)))
fixtures["gzipTwoMembers"] = gzip.compress(b"first member; ", mtime=0) + gzip.compress(b"second member", mtime=0)

# ---- IDX ----
fixtures["idxImagesGz"] = gzip.compress(struct.pack(">BBBBIII", 0, 0, 8, 3, 3, 2, 2)
                                        + bytes([0, 255, 128, 7, 1, 2, 3, 4, 250, 0, 0, 9]), mtime=0)
fixtures["idxLabelsGz"] = gzip.compress(struct.pack(">BBBBI", 0, 0, 8, 1, 3) + bytes([7, 3, 7]), mtime=0)
fixtures["idxFloat"] = (struct.pack(">BBBBII", 0, 0, 0x0D, 2, 2, 3)
                        + np.array([[1.5, -2.25, 1e6], [0, 3, -0.5]], dtype=">f4").tobytes())
fixtures["idxInt16"] = struct.pack(">BBBBI", 0, 0, 0x0B, 1, 3) + np.array([-300, 2, 1000], dtype=">i2").tobytes()


# ---- NPY ----
def npy(array, version=None):
    file = io.BytesIO()
    if version is None:
        np.save(file, array)
    else:
        np.lib.format.write_array(file, array, version=version)
    return file.getvalue()


fixtures["npyFloat32"] = npy(np.array([[0.5, -1, 2], [3.25, 0, -4.5]], dtype="<f4"))
fixtures["npyFloat64BigEndian"] = npy(np.array([[1e-3, 2.5], [-7, 1e10]], dtype=">f8"))
fixtures["npyUInt8"] = npy((np.arange(12, dtype=np.uint8) * 20).reshape(3, 2, 2))
fixtures["npyInt64"] = npy(np.array([5, -1, 5, 2], dtype="<i8"))
fixtures["npyInt32BigEndian"] = npy(np.array([1, 0, 1], dtype=">i4"))
fixtures["npyFortran"] = npy(np.asfortranarray(np.array([[1.0, 2.0], [3.0, 4.0]])))
fixtures["npyVersion2"] = npy(np.array([[1, 2], [3, 4]], dtype="<i4"), version=(2, 0))
fixtures["npyVersion3"] = npy(np.array([9.5, 8.5]), version=(3, 0))
fixtures["npyInt16"] = npy(np.array([1, 2], dtype="<i2"))

# ---- DigitsGzipFixture: the first 30 rows of digits.csv ----
default = pathlib.Path(__file__).resolve().parents[2] / "../shared/datasets/digits.csv"
with open(sys.argv[1] if len(sys.argv) > 1 else default, newline="") as file:
    rows = list(csv.reader(file))[1:31]
fixtures["images"] = gzip.compress(struct.pack(">BBBBIII", 0, 0, 8, 3, 30, 8, 8)
                                   + bytes(int(v) for r in rows for v in r[:64]), mtime=0)
fixtures["labels"] = gzip.compress(struct.pack(">BBBBI", 0, 0, 8, 1, 30) + bytes(int(r[64]) for r in rows), mtime=0)


def swift_array(name, data):
    lines = [f"    static let {name}: [UInt8] = ["]
    for start in range(0, len(data), 20):
        lines.append("        " + " ".join(f"0x{b:02X}," for b in data[start:start + 20]))
    lines.append("    ]")
    return "\n".join(lines)


for name, data in fixtures.items():
    if name == "images":
        print("// DigitsGzipFixture.swift")
    print(swift_array(name, data))
    if name == "dynamic":
        print(f"    static let dynamicLength = {len(dynamic_data)}")
        print(f"    static let dynamicCRC: UInt32 = 0x{zlib.crc32(dynamic_data):08X}")
        print(f"    static let dynamicTail = {list(dynamic_data[-8:])}")
