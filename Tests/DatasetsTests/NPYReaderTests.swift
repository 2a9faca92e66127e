import DietAuditCore
import Testing

@testable import Datasets

/// NPY files built by hand and written by numpy.
@Suite struct NPYReaderTests {
    private func parse(_ bytes: [UInt8]) throws -> NumericArray {
        try NPYReader.parse(bytes, displayName: "x.npy")
    }

    @Test func numpyFiles() throws {
        let float32 = try parse(PythonFixtures.npyFloat32)
        #expect(float32.shape == [2, 3])
        #expect(float32.doubleValues() == [0.5, -1, 2, 3.25, 0, -4.5])
        let float64 = try parse(PythonFixtures.npyFloat64BigEndian)
        #expect(float64.bigEndian)
        #expect(float64.doubleValues() == [1e-3, 2.5, -7, 1e10])
        let bytes = try parse(PythonFixtures.npyUInt8)
        #expect(bytes.shape == [3, 2, 2])
        #expect(bytes.doubleValues() == (0..<12).map { Double($0 * 20) })
        #expect(try parse(PythonFixtures.npyInt64).doubleValues() == [5, -1, 5, 2])
        #expect(try parse(PythonFixtures.npyInt32BigEndian).doubleValues() == [1, 0, 1])
        let version2 = try parse(PythonFixtures.npyVersion2)
        #expect(version2.shape == [2, 2])
        #expect(version2.doubleValues() == [1, 2, 3, 4])
        #expect(try parse(PythonFixtures.npyVersion3).doubleValues() == [9.5, 8.5])
    }

    @Test func handBuilt() throws {
        let array = try parse(
            ImageFiles.npy(descr: "<f8", shape: [2, 1], payload: ImageFiles.littleEndianDoubles([-0.25, 1e-300])))
        #expect(array.shape == [2, 1])
        #expect(array.doubleValues() == [-0.25, 1e-300])
        let labels = try parse(
            ImageFiles.npy(descr: "<i8", shape: [3], payload: ImageFiles.littleEndianInt64([-5, 0, 1 << 40])))
        #expect(labels.doubleValues() == [-5, 0, Double(1 << 40)])
    }

    @Test func pythonLiteralHeader() throws {
        #expect(
            try PythonLiteral.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }")
                == .dict([
                    "descr": .string("<f4"), "fortran_order": .bool(false), "shape": .tuple([.integer(3)]),
                ]))
        #expect(
            try PythonLiteral.parse("{\"shape\": (), 'x': [1, 2]}")
                == .dict(["shape": .tuple([]), "x": .tuple([.integer(1), .integer(2)])]))
    }

    @Test func errors() {
        let at = DietAuditCore.SourceLocation(file: "x.npy")
        #expect(
            TestData.inputError { try parse(PythonFixtures.npyFortran) }
                == InputError(
                    "the array is stored in Fortran (column-major) order; only C order is supported: save it with "
                        + "np.save(path, np.ascontiguousarray(a))",
                    at: at))
        #expect(
            TestData.inputError { try parse(PythonFixtures.npyInt16) }
                == InputError(
                    "unsupported NPY dtype '<i2'; supported: '|u1', '<f4', '>f4', '<f8', '>f8', '<i4', '>i4', '<i8', "
                        + "'>i8'",
                    at: at))
        #expect(
            TestData.inputError { try parse(Array("P1\n2 2\n0 1 1 0\n".utf8)) }
                == InputError(
                    "not an NPY file: bad magic number 50 31 0A 32 20 32; expected 93 4E 55 4D 50 59 (\\x93NUMPY)",
                    at: at))
        #expect(
            TestData.inputError { try parse(Array(PythonFixtures.npyFloat32.dropLast(1))) }
                == InputError(
                    "truncated data: a 2×3 array of float32 needs 24 bytes of data, found 23", at: at))
        var version = PythonFixtures.npyFloat32
        version[6] = 4
        #expect(
            TestData.inputError { try parse(version) }
                == InputError(
                    "unsupported NPY format version 4.0; supported: 1.0, 2.0, 3.0", at: at))
        #expect(
            TestData.inputError { try parse(ImageFiles.npy(descr: "<f4", shape: [-1], payload: [])) }?.message
                .hasPrefix("NPY shape must hold non-negative integers") == true)
    }
}
