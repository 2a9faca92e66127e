import DietAuditCore

/// Reads IDX files, the format of MNIST (and Fashion-MNIST, EMNIST, KMNIST).
///
/// Layout, all integers big-endian: two zero bytes; a type code (0x08 ubyte,
/// 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64); the
/// number of dimensions d (1…255); d dimensions as 32-bit unsigned integers;
/// then the values in C order, big-endian. A file starting with the gzip magic
/// number is decompressed first (``Gzip``).
enum IDXReader {
    /// The element types by IDX type code.
    static let typeCodes: [UInt8: ElementType] = [
        0x08: .uint8, 0x09: .int8, 0x0B: .int16, 0x0C: .int32, 0x0D: .float32, 0x0E: .float64,
    ]

    /// Parses `bytes` (the whole file) into an array.
    /// - Throws: ``InputError`` at `displayName`: bad gzip data, bad magic,
    ///   unsupported type code (listing the supported ones), or a data length
    ///   other than the dimensions imply.
    static func parse(_ fileBytes: [UInt8], displayName: String) throws -> NumericArray {
        let location = SourceLocation(file: displayName)
        let bytes = try decompressIfGzipped(fileBytes, displayName: displayName)
        guard bytes.count >= 4 else {
            throw InputError(
                "not an IDX file: it has \(bytes.count) bytes, fewer than the 4-byte magic number", at: location)
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw InputError(
                "not an IDX file: bad magic number \(hexBytes(bytes[0..<4])); expected 00 00, a type code and the "
                    + "number of dimensions",
                at: location)
        }
        guard let elementType = typeCodes[bytes[2]] else {
            throw InputError(
                "unsupported IDX type code \(hexBytes(bytes[2...2])); supported: 08 (ubyte), 09 (byte), 0B (int16), "
                    + "0C (int32), 0D (float32), 0E (float64)",
                at: location)
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw InputError("IDX file declares 0 dimensions; expected at least 1", at: location) }
        let headerLength = 4 + 4 * rank
        guard bytes.count >= headerLength else {
            throw InputError(
                "truncated IDX header: \(rank) dimensions need \(headerLength) header bytes, found \(bytes.count)",
                at: location)
        }
        let shape = (0..<rank).map { axis in
            (0..<4).reduce(0) { $0 << 8 | Int(bytes[4 + 4 * axis + $1]) }
        }
        let array = NumericArray(
            shape: shape, elementType: elementType, bigEndian: true, bytes: bytes, dataOffset: headerLength,
            fileName: displayName)
        try checkDataLength(of: array)
        return array
    }
}

/// The file's bytes, gunzipped when they start with the gzip magic number.
/// - Throws: ``InputError`` at `displayName` when the gzip data is invalid.
func decompressIfGzipped(_ bytes: [UInt8], displayName: String) throws -> [UInt8] {
    guard Gzip.isCompressed(bytes) else { return bytes }
    do {
        return try Gzip.decompress(bytes)
    } catch let error as InflateError {
        throw InputError("cannot decompress this gzip file: \(error.reason)", at: SourceLocation(file: displayName))
    }
}

/// Checks that the bytes after the header hold exactly the values the shape implies.
///
/// The product of the non-zero dimensions must fit in an `Int` too, even when a
/// zero dimension makes the array empty: callers multiply subsets of the
/// dimensions (values per example = all but the first), which must not overflow.
/// - Throws: ``InputError`` "expected N bytes of data … found M", or "too large to load".
func checkDataLength(of array: NumericArray) throws {
    let found = array.bytes.count - array.dataOffset
    var nonZeroProduct = array.elementType.size
    for dimension in array.shape where dimension != 0 {
        let (product, overflow) = nonZeroProduct.multipliedReportingOverflow(by: dimension)
        guard !overflow else {
            throw InputError(
                "the shape \(array.shapeText) is too large to load", at: SourceLocation(file: array.fileName))
        }
        nonZeroProduct = product
    }
    let expected = array.shape.contains(0) ? 0 : nonZeroProduct
    guard found == expected else {
        let problem = found < expected ? "truncated data" : "unexpected data after the values"
        throw InputError(
            "\(problem): a \(array.shapeText) array of \(array.elementType.name) needs \(expected) bytes of data, "
                + "found \(found)",
            at: SourceLocation(file: array.fileName))
    }
}

/// `1F 8B 08`: bytes as upper-case hex pairs.
func hexBytes<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    bytes.map { byte in
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }.joined(separator: " ")
}
