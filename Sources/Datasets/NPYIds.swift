import DietAuditCore

/// Reads a 1-D NPY array of example ids as text: integers (`int8` … `int64`,
/// `uint8`; written in decimal, as a CSV id column would hold them) or unicode
/// strings (numpy's `<U n` / `>U n`: n UTF-32 code units per element, trailing
/// NUL characters removed).
/// - Throws: ``InputError`` at the file for another dtype, another rank, or a
///   floating-point array (ids must be exact).
public func readNPYIds(path: String, displayPath: String) throws -> [String] {
    Array(try readNPYExampleIds(path: path, displayPath: displayPath))
}

/// ``readNPYIds(path:displayPath:)`` keeping integer ids as integers (8 bytes
/// each, joined by arithmetic; see ``ExampleIds``).
public func readNPYExampleIds(path: String, displayPath: String) throws -> ExampleIds {
    let bytes = try decompressIfGzipped(readFileBytes(path: path, displayName: displayPath), displayName: displayPath)
    let location = SourceLocation(file: displayPath)
    if let strings = try NPYUnicodeArray.parse(bytes, location: location) {
        return ExampleIds(strings)
    }
    let array = try NPYReader.parse(bytes, displayName: displayPath)
    guard array.shape.count == 1 else {
        throw InputError("ids must be a 1-D array; this array's shape is \(array.shapeText)", at: location)
    }
    guard array.elementType.isInteger else {
        throw InputError(
            "ids must be integers or strings, not \(array.elementType.name); floating-point ids are not exact",
            at: location)
    }
    return ExampleIds(integers: (0..<array.count).map { Int64(array.value(at: $0)) })
}

/// numpy's fixed-width unicode arrays (`dtype('<U7')`): the header's `descr`
/// is `<U7` or `>U7`, and each element takes 4·7 bytes of UTF-32.
enum NPYUnicodeArray {
    /// The strings of a unicode array, or `nil` when the file holds another
    /// dtype (the numeric reader then handles it, and reports its errors).
    static func parse(_ bytes: [UInt8], location: SourceLocation) throws -> [String]? {
        guard bytes.count >= 10, Array(bytes[0..<6]) == NPYReader.magic else { return nil }
        let lengthSize = bytes[6] == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthSize else { return nil }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let dataOffset = 8 + lengthSize + headerLength
        guard bytes.count >= dataOffset,
            case .dict(let entries)? = try? PythonLiteral.parse(
                String(decoding: bytes[(8 + lengthSize)..<dataOffset], as: UTF8.self)),
            case .string(let descr)? = entries["descr"], descr.count >= 3,
            let order = descr.first, order == "<" || order == ">" || order == "=",
            descr.dropFirst().first == "U", let width = Int(descr.dropFirst(2)), width > 0
        else { return nil }
        guard case .tuple(let dimensions)? = entries["shape"], dimensions.count == 1,
            case .integer(let count) = dimensions[0], count >= 0
        else {
            throw InputError("ids must be a 1-D array of strings", at: location)
        }
        let elementBytes = 4 * width
        guard bytes.count - dataOffset >= count * elementBytes else {
            throw InputError(
                "truncated NPY data: \(count) strings of \(width) characters need \(count * elementBytes) bytes, "
                    + "the file has \(bytes.count - dataOffset)",
                at: location)
        }
        return try (0..<count).map { index in
            try decodeElement(
                bytes, start: dataOffset + index * elementBytes, width: width, bigEndian: order == ">",
                location: location)
        }
    }

    /// One element: `width` UTF-32 code units, NUL padding dropped.
    private static func decodeElement(
        _ bytes: [UInt8], start: Int, width: Int, bigEndian: Bool, location: SourceLocation
    ) throws -> String {
        var scalars = String.UnicodeScalarView()
        for unit in 0..<width {
            let offset = start + 4 * unit
            let raw = (0..<4).reduce(UInt32(0)) { value, byte in
                let shift = bigEndian ? 8 * (3 - byte) : 8 * byte
                return value | UInt32(bytes[offset + byte]) << UInt32(shift)
            }
            if raw == 0 { break }
            guard let scalar = Unicode.Scalar(raw) else {
                throw InputError("invalid UTF-32 code unit \(raw) in a string id", at: location)
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
