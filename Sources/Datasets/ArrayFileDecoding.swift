import DietAuditCore

/// Byte-level entry points to the binary file readers, for callers that hold a
/// file's bytes in memory (the fuzz targets under `Fuzz/`, tools, tests).
///
/// Each entry point runs the same code the dataset loaders run on a file read
/// from disk, so a file rejected here is rejected there with the same message.
public enum ArrayFileDecoding {
    /// An array read from an NPY or IDX file: its dimensions and every value.
    public struct DecodedArray: Sendable, Equatable {
        /// Dimensions, outermost first (C order).
        public var shape: [Int]
        /// Every value as a `Double`, in C order.
        public var values: [Double]
    }

    /// Parses the bytes of an `.npy` file (gzip-compressed or not).
    /// - Throws: ``InputError`` at `displayName`, as ``NPYReader`` reports it.
    public static func decodeNPY(_ bytes: [UInt8], displayName: String) throws -> DecodedArray {
        let array = try NPYReader.parse(bytes, displayName: displayName)
        return DecodedArray(shape: array.shape, values: array.doubleValues())
    }

    /// Parses the bytes of an IDX file (gzip-compressed or not).
    /// - Throws: ``InputError`` at `displayName`, as ``IDXReader`` reports it.
    public static func decodeIDX(_ bytes: [UInt8], displayName: String) throws -> DecodedArray {
        let array = try IDXReader.parse(bytes, displayName: displayName)
        return DecodedArray(shape: array.shape, values: array.doubleValues())
    }

    /// The bytes of a file as the readers see them: decompressed when they
    /// start with the gzip magic number 1F 8B, unchanged otherwise.
    /// - Throws: ``InputError`` at `displayName` for invalid gzip data.
    public static func gunzipIfCompressed(_ bytes: [UInt8], displayName: String) throws -> [UInt8] {
        try decompressIfGzipped(bytes, displayName: displayName)
    }
}
