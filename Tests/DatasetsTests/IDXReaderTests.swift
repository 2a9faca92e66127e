import DietAuditCore
import Testing

@testable import Datasets

/// IDX files built by hand and by Python's `struct` + `gzip`.
@Suite struct IDXReaderTests {
    private func parse(_ bytes: [UInt8]) throws -> NumericArray {
        try IDXReader.parse(bytes, displayName: "data/x.idx")
    }

    @Test func handBuiltUbyteImages() throws {
        let bytes = ImageFiles.idx(
            typeCode: 0x08, shape: [2, 2, 3], payload: [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255])
        let array = try parse(bytes)
        #expect(array.shape == [2, 2, 3])
        #expect(array.elementType == .uint8)
        #expect(array.doubleValues() == [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255])
    }

    @Test func handBuiltSignedTypes() throws {
        // int32 big-endian: -2 = FF FF FF FE, 70000 = 00 01 11 70; signed byte 0xFF = -1.
        let int32 = try parse(
            ImageFiles.idx(typeCode: 0x0C, shape: [2], payload: [0xFF, 0xFF, 0xFF, 0xFE, 0x00, 0x01, 0x11, 0x70]))
        #expect(int32.doubleValues() == [-2, 70000])
        let int8 = try parse(ImageFiles.idx(typeCode: 0x09, shape: [3], payload: [0xFF, 0x80, 0x7F]))
        #expect(int8.doubleValues() == [-1, -128, 127])
        // float64 big-endian 1.5 = 3F F8 00 00 00 00 00 00.
        let float64 = try parse(
            ImageFiles.idx(typeCode: 0x0E, shape: [1, 1], payload: [0x3F, 0xF8, 0, 0, 0, 0, 0, 0]))
        #expect(float64.doubleValues() == [1.5])
    }

    @Test func pythonStructFiles() throws {
        let float32 = try parse(PythonFixtures.idxFloat)
        #expect(float32.shape == [2, 3])
        #expect(float32.elementType == .float32)
        #expect(float32.doubleValues() == [1.5, -2.25, 1e6, 0, 3, -0.5])
        let int16 = try parse(PythonFixtures.idxInt16)
        #expect(int16.doubleValues() == [-300, 2, 1000])
    }

    @Test func gzippedPair() throws {
        let images = try parse(PythonFixtures.idxImagesGz)
        #expect(images.shape == [3, 2, 2])
        #expect(images.doubleValues() == [0, 255, 128, 7, 1, 2, 3, 4, 250, 0, 0, 9])
        let labels = try parse(PythonFixtures.idxLabelsGz)
        #expect(labels.doubleValues() == [7, 3, 7])
    }

    @Test func errors() {
        let at = DietAuditCore.SourceLocation(file: "data/x.idx")
        #expect(
            TestData.inputError { try parse([0, 1, 8, 1, 0, 0, 0, 0]) }
                == InputError(
                    "not an IDX file: bad magic number 00 01 08 01; expected 00 00, a type code and the number of "
                        + "dimensions",
                    at: at))
        #expect(
            TestData.inputError { try parse([0, 0]) }
                == InputError(
                    "not an IDX file: it has 2 bytes, fewer than the 4-byte magic number", at: at))
        #expect(
            TestData.inputError { try parse(ImageFiles.idx(typeCode: 0x0A, shape: [1], payload: [0])) }
                == InputError(
                    "unsupported IDX type code 0A; supported: 08 (ubyte), 09 (byte), 0B (int16), 0C (int32), 0D "
                        + "(float32), 0E (float64)",
                    at: at))
        #expect(
            TestData.inputError {
                try parse(ImageFiles.idx(typeCode: 0x08, shape: [3, 2, 2], payload: [UInt8](repeating: 1, count: 11)))
            }
                == InputError("truncated data: a 3×2×2 array of ubyte needs 12 bytes of data, found 11", at: at))
        #expect(
            TestData.inputError {
                try parse(ImageFiles.idx(typeCode: 0x0C, shape: [2], payload: [UInt8](repeating: 1, count: 9)))
            }
                == InputError(
                    "unexpected data after the values: a 2 array of int32 needs 8 bytes of data, found 9", at: at))
        #expect(
            TestData.inputError { try parse([0, 0, 8, 3, 0, 0, 0, 3]) }
                == InputError(
                    "truncated IDX header: 3 dimensions need 16 header bytes, found 8", at: at))
        var corrupt = PythonFixtures.idxLabelsGz
        corrupt[corrupt.count - 6] ^= 0x55
        #expect(
            TestData.inputError { try parse(corrupt) }?.message.hasPrefix(
                "cannot decompress this gzip file: CRC-32 check failed") == true)
    }
}
