import Datasets
import DietAuditCore
import Foundation
import Testing

/// Inputs that crashed a reader (found with the fuzz targets in `Fuzz/`, or
/// while writing them), each fed to the reader's public entry point: they must
/// now be rejected with a located ``InputError``. See docs/FUZZING.md.
@Suite struct FuzzRegressionTests {
    /// An NPY file whose header is `header`, version 1.0, with no data.
    private func npy(header: String) -> [UInt8] {
        let text = Array(header.utf8)
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
    }

    /// An IDX file of unsigned bytes with dimensions `shape` and no data.
    private func idx(shape: [UInt32]) -> [UInt8] {
        let dimensions = shape.flatMap { size in (0..<4).reversed().map { UInt8(size >> (8 * $0) & 0xFF) } }
        return [0, 0, 0x08, UInt8(shape.count)] + dimensions
    }

    /// `((((…` 15 000 levels deep in the NPY header overflowed the stack of the
    /// recursive header parser (AddressSanitizer: stack-overflow).
    @Test func deeplyNestedNPYHeader() {
        let header =
            "{'descr': '<f4', 'fortran_order': False, 'shape': "
            + String(repeating: "(", count: 15_000)
        let error = TestData.inputError {
            try ArrayFileDecoding.decodeNPY(npy(header: header), displayName: "deep.npy")
        }
        #expect(error?.location == SourceLocation(file: "deep.npy"))
        #expect(error?.message.hasPrefix("unreadable NPY header (nested deeper than 32 levels)") == true)
    }

    /// Nesting up to the limit is still read (the dict counts as one level).
    @Test func nestingWithinTheLimitIsRead() throws {
        let shape = String(repeating: "(", count: 31) + String(repeating: ")", count: 31)
        let bytes = npy(header: "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape)}")
        let error = TestData.inputError { try ArrayFileDecoding.decodeNPY(bytes, displayName: "n.npy") }
        // The header parses; the 31-deep tuple is then rejected as a shape, not as a header.
        #expect(error?.message.hasPrefix("NPY shape must hold non-negative integers") == true)
    }

    /// An empty IDX array (first dimension 0) with three more dimensions of
    /// 2³²−1 passed the data-length check (the product is 0), then trapped on
    /// integer overflow where the values per example (the product of all
    /// dimensions but the first) are computed.
    @Test func emptyIDXArrayWithHugeDimensions() {
        let bytes = idx(shape: [0, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF])
        let error = TestData.inputError { try ArrayFileDecoding.decodeIDX(bytes, displayName: "huge.idx") }
        #expect(
            error
                == InputError(
                    "the shape 0×4294967295×4294967295×4294967295 is too large to load",
                    at: SourceLocation(file: "huge.idx")))
    }

    /// The same for NPY, whose shape entries are Python integers.
    @Test func emptyNPYArrayWithHugeDimensions() {
        let header = "{'descr': '|u1', 'fortran_order': False, 'shape': (0, 4294967296, 4294967296), }"
        let bytes = npy(header: header)
        #expect(
            TestData.inputError { try ArrayFileDecoding.decodeNPY(bytes, displayName: "huge.npy") }
                == InputError(
                    "the shape 0×4294967296×4294967296 is too large to load", at: SourceLocation(file: "huge.npy")))
    }

    /// An empty array of ordinary dimensions is still read.
    @Test func emptyArrayIsRead() throws {
        let array = try ArrayFileDecoding.decodeIDX(idx(shape: [0, 28, 28]), displayName: "empty.idx")
        #expect(array.shape == [0, 28, 28])
        #expect(array.values.isEmpty)
    }
}
