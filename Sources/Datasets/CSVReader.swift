import DietAuditCore
import Foundation

/// Reads comma-separated files (RFC 4180) into a ``Table``.
///
/// - Fields may be wrapped in double quotes; inside them a doubled quote (`""`)
///   is one quote, and commas and line breaks are data.
/// - Records end with LF or CRLF (a lone CR is accepted too); a leading UTF-8
///   byte-order mark is skipped; blank lines are skipped.
/// - The first record is the header: every name must be non-empty and unique.
/// - An empty field (`a,,b`, or `""`) is a missing value (`nil`), and so is a field equal
///   to one of ``TableReadOptions/missingValues`` (`NA`, `?`, … as the spec lists them).
/// - The text is UTF-8 (checked: an invalid byte is an error at its line and byte column)
///   or Latin-1, as ``TableReadOptions/encoding`` says.
/// - Every record must have as many fields as the header.
///
/// The parser walks the bytes directly (no per-character `String` work), so a
/// file costs about one pass plus one `String` per non-empty field.
public enum CSVReader: TableFileReader {
    /// Parses CSV bytes; messages name the file `displayName`.
    /// - Throws: ``InputError`` at `displayName:line` (and byte column, for invalid UTF-8).
    public static func parse(_ bytes: [UInt8], displayName: String, options: TableReadOptions) throws -> Table {
        let text = try utf8Text(
            bytes, encoding: options.encoding, fileName: displayName, loneCarriageReturnEndsLine: true)
        return try text.withUnsafeBufferPointer { buffer in
            var parser = CSVParser(buffer: buffer, fileName: displayName, missingValues: options.missingValues)
            return try parser.parseTable()
        }
    }
}

/// The byte-level state machine behind ``CSVReader``.
struct CSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let fileName: String
    /// Data field values read as missing (besides the empty field).
    private let missingValues: Set<String>
    /// Index of the next unread byte.
    private var position = 0
    /// 1-based line of the next unread byte.
    private var line = 1
    /// Reused buffer for quoted fields that contain doubled quotes.
    private var unescaped: [UInt8] = []

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String, missingValues: Set<String> = []) {
        self.bytes = buffer
        self.fileName = fileName
        self.missingValues = missingValues
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    /// Parses the header and every data record.
    mutating func parseTable() throws -> Table {
        skipBlankLines()
        guard position < bytes.count else {
            throw InputError(
                "the file is empty; expected a header row and data rows", at: SourceLocation(file: fileName))
        }
        let headerLine = line
        var header: [String?] = []
        _ = try parseRecord { _, value in header.append(value) }
        let names = try Self.validatedHeader(header, file: fileName, line: headerLine)

        let width = names.count
        var columns = [[String?]](repeating: [], count: width)
        let estimatedRows = max(16, bytes.count / max(1, 4 * width))
        for index in columns.indices { columns[index].reserveCapacity(estimatedRows) }
        var lineNumbers: [Int] = []
        lineNumbers.reserveCapacity(estimatedRows)
        let missingValues = self.missingValues

        while true {
            skipBlankLines()
            guard position < bytes.count else { break }
            let recordLine = line
            let fieldCount = try parseRecord { index, value in
                guard index < width else { return }
                if let value, !missingValues.isEmpty, missingValues.contains(value) {
                    columns[index].append(nil)
                } else {
                    columns[index].append(value)
                }
            }
            guard fieldCount == width else {
                throw InputError(
                    "expected \(width) fields, found \(fieldCount)",
                    at: SourceLocation(file: fileName, line: recordLine))
            }
            lineNumbers.append(recordLine)
        }
        guard !lineNumbers.isEmpty else {
            throw InputError(
                "the file has a header row but no data rows", at: SourceLocation(file: fileName, line: headerLine))
        }
        return Table(columnNames: names, columns: columns, lineNumbers: lineNumbers, fileName: fileName)
    }

    /// Checks header names: present, non-empty, unique.
    static func validatedHeader(_ header: [String?], file: String, line: Int) throws -> [String] {
        var seen: [String: Int] = [:]
        var names: [String] = []
        for (index, value) in header.enumerated() {
            guard let name = value, !name.isEmpty else {
                throw InputError(
                    "header column \(index + 1) has an empty name; every column needs a unique name",
                    at: SourceLocation(file: file, line: line))
            }
            if let first = seen[name] {
                throw InputError(
                    "duplicate column name '\(name)' (columns \(first + 1) and \(index + 1)); column names must be "
                        + "unique",
                    at: SourceLocation(file: file, line: line))
            }
            seen[name] = index
            names.append(name)
        }
        return names
    }

    /// Skips empty lines (LF, CRLF or CR alone).
    private mutating func skipBlankLines() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.newline {
                position += 1
                line += 1
            } else if byte == Self.carriageReturn {
                position += 1
                if position < bytes.count, bytes[position] == Self.newline { position += 1 }
                line += 1
            } else {
                return
            }
        }
    }

    /// Parses one record, handing each field (index, value) to `store`, and
    /// returns the number of fields. Leaves `position` after the record's line end.
    private mutating func parseRecord(_ store: (Int, String?) -> Void) throws -> Int {
        var index = 0
        while true {
            let value: String?
            if position < bytes.count, bytes[position] == Self.quote {
                value = try parseQuotedField()
            } else {
                value = parseUnquotedField()
            }
            store(index, value)
            index += 1
            guard position < bytes.count else { return index }
            let byte = bytes[position]
            position += 1
            if byte == Self.comma { continue }
            if byte == Self.carriageReturn, position < bytes.count, bytes[position] == Self.newline { position += 1 }
            line += 1
            return index
        }
    }

    /// An unquoted field: everything up to a comma or line end; empty is `nil`.
    private mutating func parseUnquotedField() -> String? {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
            position += 1
        }
        guard position > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A quoted field starting at the opening quote; `""` inside is one quote.
    /// Empty (`""`) is `nil`, like an empty unquoted field.
    private mutating func parseQuotedField() throws -> String? {
        let openingLine = line
        position += 1
        let start = position
        var hasDoubledQuotes = false
        while true {
            guard position < bytes.count else {
                throw InputError(
                    "quoted field opened on line \(openingLine) is never closed; add the closing '\"'",
                    at: SourceLocation(file: fileName, line: openingLine))
            }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    hasDoubledQuotes = true
                    position += 2
                    continue
                }
                break
            }
            if byte == Self.newline { line += 1 }
            position += 1
        }
        let end = position
        position += 1  // closing quote
        if position < bytes.count {
            let next = bytes[position]
            guard next == Self.comma || next == Self.newline || next == Self.carriageReturn else {
                throw InputError(
                    "unexpected character '\(Character(Unicode.Scalar(next)))' after a closing quote; "
                        + "a quoted field must end at a comma or the end of the line (write a quote inside quotes as "
                        + "\"\")",
                    at: SourceLocation(file: fileName, line: line))
            }
        }
        guard end > start else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasDoubledQuotes else { return String(decoding: raw, as: UTF8.self) }
        unescaped.removeAll(keepingCapacity: true)
        var index = 0
        while index < raw.count {
            unescaped.append(raw[index])
            index += raw[index] == Self.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
