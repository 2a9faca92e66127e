import DietAuditCore

/// The character encoding of a text data file (CSV, ARFF): `dataset.encoding`.
public enum TextEncoding: String, CaseIterable, Sendable {
    /// UTF-8 (the default). Invalid byte sequences are an error, never replaced,
    /// so that `M\xFCnchen` and `M\xF6nchen` cannot silently become one group.
    case utf8
    /// ISO 8859-1: every byte is one character, byte b being U+00b (U+0000–U+00FF).
    /// Windows-1252 files read the same, except for the 32 bytes 80–9F.
    case latin1
}

/// Options shared by the table readers (``CSVReader``, ``ARFFReader``).
public struct TableReadOptions: Sendable, Equatable {
    /// How the file's bytes are turned into text.
    public var encoding: TextEncoding
    /// Field values read as missing besides the empty field (CSV) or `?` (ARFF),
    /// compared exactly after the reader's usual trimming (none for CSV; the
    /// spaces around an unquoted ARFF value).
    public var missingValues: Set<String>

    public init(encoding: TextEncoding = .utf8, missingValues: Set<String> = []) {
        self.encoding = encoding
        self.missingValues = missingValues
    }
}

/// A file's bytes as UTF-8: checked when `encoding` is UTF-8, transcoded when it is Latin-1.
///
/// - Parameter loneCarriageReturnEndsLine: whether a CR not followed by LF counts as a
///   line break when locating an error (true for CSV, false for ARFF), so the line
///   numbers agree with the reader's.
/// - Throws: ``InputError`` at `file:line:column` of the first invalid UTF-8 sequence, the
///   column counted in bytes from the start of the line; the message names the bytes in hex
///   and suggests `dataset.encoding: latin1`.
func utf8Text(
    _ bytes: [UInt8], encoding: TextEncoding, fileName: String, loneCarriageReturnEndsLine: Bool
) throws -> [UInt8] {
    switch encoding {
    case .latin1:
        return latin1ToUTF8(bytes)
    case .utf8:
        guard let invalid = firstInvalidUTF8(bytes) else { return bytes }
        let (line, column) = lineAndColumn(
            of: invalid.lowerBound, in: bytes, loneCarriageReturnEndsLine: loneCarriageReturnEndsLine)
        let found = invalid.count == 1 ? "byte \(hexBytes(bytes[invalid]))" : "bytes \(hexBytes(bytes[invalid]))"
        let first = bytes[invalid.lowerBound]
        // Bytes 80–9F are control characters in Latin-1 (Windows-1252 puts letters and quotes there).
        let reading = first >= 0xA0 ? ", where \(hexBytes([first])) is '\(Character(Unicode.Scalar(first)))'" : ""
        throw InputError(
            "invalid UTF-8: \(found) at byte \(column) of the line cannot start or continue a UTF-8 character; "
                + "the file is probably in another encoding such as Latin-1\(reading); "
                + "re-save it as UTF-8 or set dataset.encoding: latin1",
            at: SourceLocation(file: fileName, line: line, column: column))
    }
}

/// Latin-1 bytes re-encoded as UTF-8: ASCII bytes unchanged, byte b ≥ 80 as the two bytes of U+00b.
func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
    let highCount = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
    guard highCount > 0 else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + highCount)
    for byte in bytes {
        if byte < 0x80 {
            output.append(byte)
        } else {
            output.append(0xC0 | byte >> 6)
            output.append(0x80 | byte & 0x3F)
        }
    }
    return output
}

/// The byte range of the first ill-formed UTF-8 sequence in `bytes`, or `nil` when all
/// of it is valid. The range is the maximal ill-formed prefix (Unicode §3.9, table 3-7):
/// a lone bad byte, or a lead byte with the continuation bytes that did fit it.
func firstInvalidUTF8(_ bytes: [UInt8]) -> Range<Int>? {
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var position = 0
    while position < bytes.count {
        let lead = bytes[position]
        if lead < 0x80 {
            position += 1
            continue
        }
        // Allowed range of the second byte, and the sequence length, by lead byte (table 3-7).
        let length: Int, second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return position..<position + 1
        }
        var end = position + 1
        while end < position + length {
            let allowed = end == position + 1 ? second : 0x80...0xBF
            guard end < bytes.count, allowed.contains(bytes[end]) else { return position..<end }
            end += 1
        }
        position = end
    }
    return nil
}

/// The 1-based line and byte column of `offset` in `bytes`.
func lineAndColumn(of offset: Int, in bytes: [UInt8], loneCarriageReturnEndsLine: Bool) -> (line: Int, column: Int) {
    var line = 1, lineStart = 0, index = 0
    while index < offset {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index
        } else if byte == UInt8(ascii: "\r"), loneCarriageReturnEndsLine, index < bytes.count,
            bytes[index] != UInt8(ascii: "\n")
        {
            line += 1
            lineStart = index
        }
    }
    return (line, offset - lineStart + 1)
}
