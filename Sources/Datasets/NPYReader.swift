import DietAuditCore

/// Reads NumPy `.npy` files (format versions 1.0, 2.0 and 3.0).
///
/// Layout: the magic string `\x93NUMPY`; major and minor version bytes; the
/// header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0); the
/// header, an ASCII (3.0: UTF-8) Python dict literal with keys `descr`,
/// `fortran_order` and `shape`; then the values. Only C order is read.
/// Supported `descr`: `|u1`, and `<`/`>` (little/big-endian) with `f4`,
/// `f8`, `i4`, `i8`. A file starting with the gzip magic number is decompressed first.
enum NPYReader {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
    static let supportedTypes = "'|u1', '<f4', '>f4', '<f8', '>f8', '<i4', '>i4', '<i8', '>i8'"

    /// Parses `bytes` (the whole file) into an array.
    /// - Throws: ``InputError`` at `displayName`: bad magic, unknown version,
    ///   unreadable header, unsupported dtype (listing the supported ones),
    ///   Fortran order, or a data length other than the shape implies.
    static func parse(_ fileBytes: [UInt8], displayName: String) throws -> NumericArray {
        let location = SourceLocation(file: displayName)
        let bytes = try decompressIfGzipped(fileBytes, displayName: displayName)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw InputError(
                "not an NPY file: bad magic number \(hexBytes(bytes.prefix(6))); expected 93 4E 55 4D 50 59 "
                    + "(\\x93NUMPY)",
                at: location)
        }
        let major = bytes[6], minor = bytes[7]
        let lengthSize: Int
        switch major {
        case 1: lengthSize = 2
        case 2, 3: lengthSize = 4
        default:
            throw InputError("unsupported NPY format version \(major).\(minor); supported: 1.0, 2.0, 3.0", at: location)
        }
        guard bytes.count >= 8 + lengthSize else { throw InputError("truncated NPY header", at: location) }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let dataOffset = 8 + lengthSize + headerLength
        guard bytes.count >= dataOffset else {
            throw InputError(
                "truncated NPY header: it declares \(headerLength) header bytes, the file has only "
                    + "\(bytes.count - 8 - lengthSize)",
                at: location)
        }
        let header = String(decoding: bytes[(8 + lengthSize)..<dataOffset], as: UTF8.self)
        let (elementType, bigEndian, shape) = try readHeader(header, location: location)
        let array = NumericArray(
            shape: shape, elementType: elementType, bigEndian: bigEndian, bytes: bytes, dataOffset: dataOffset,
            fileName: displayName)
        try checkDataLength(of: array)
        return array
    }

    /// The element type, byte order and shape the header dict gives.
    static func readHeader(_ header: String, location: SourceLocation) throws -> (ElementType, Bool, [Int]) {
        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(header)
        } catch let failure as PythonLiteral.ParseFailure {
            throw InputError("unreadable NPY header (\(failure.reason)): \(header.trimmingSpaces)", at: location)
        }
        guard case .dict(let entries) = literal,
            case .string(let descr)? = entries["descr"],
            case .bool(let fortranOrder)? = entries["fortran_order"],
            case .tuple(let dimensions)? = entries["shape"]
        else {
            throw InputError(
                "NPY header must be a dict with 'descr' (a string), 'fortran_order' (True/False) and 'shape' (a "
                    + "tuple); found \(header.trimmingSpaces)",
                at: location)
        }
        let shape = try dimensions.map { dimension -> Int in
            guard case .integer(let size) = dimension, size >= 0 else {
                throw InputError(
                    "NPY shape must hold non-negative integers; found \(header.trimmingSpaces)", at: location)
            }
            return size
        }
        guard !fortranOrder else {
            throw InputError(
                "the array is stored in Fortran (column-major) order; only C order is supported: save it with "
                    + "np.save(path, np.ascontiguousarray(a))",
                at: location)
        }
        let types: [String: ElementType] = ["u1": .uint8, "f4": .float32, "f8": .float64, "i4": .int32, "i8": .int64]
        guard descr.count == 3, let order = descr.first, "<>|=".contains(order),
            let elementType = types[String(descr.dropFirst())],
            order != "=" && (order != "|" || elementType.size == 1)
        else {
            throw InputError("unsupported NPY dtype '\(descr)'; supported: \(supportedTypes)", at: location)
        }
        return (elementType, order == ">", shape)
    }
}

extension String {
    /// The text without leading and trailing white space (newlines included).
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
