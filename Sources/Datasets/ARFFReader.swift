import DietAuditCore
import Foundation

/// Reads Weka ARFF files (dense form) into a ``Table``.
///
/// Supported: `%` comment lines, `@relation`, `@attribute NAME TYPE` with type
/// `numeric`, `real`, `integer`, `string`, `date [format]` (kept as text) or a
/// nominal list `{a, 'b c', …}`; names and values quoted with single or double
/// quotes (backslash escapes inside quotes); `@data` rows of comma-separated
/// values; `?` for a missing value, and any of ``TableReadOptions/missingValues``
/// (an unquoted value, compared after trimming its spaces). Keywords are
/// case-insensitive. The text is UTF-8 (checked) or Latin-1 (``TableReadOptions/encoding``).
///
/// Checked: every row has one value per attribute; numeric attributes hold
/// numbers; nominal attributes hold declared values. Sparse rows (`{0 x, 3 y}`)
/// and relational attributes are rejected with a clear message.
public enum ARFFReader: TableFileReader {
    /// Parses ARFF bytes; messages name the file `displayName`.
    /// - Throws: ``InputError`` at `displayName:line` (and byte column, for invalid UTF-8).
    public static func parse(_ bytes: [UInt8], displayName: String, options: TableReadOptions) throws -> Table {
        let text = try utf8Text(
            bytes, encoding: options.encoding, fileName: displayName, loneCarriageReturnEndsLine: false)
        var parser = ARFFParser(fileName: displayName, missingValues: options.missingValues)
        try text.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var lineNumber = 1
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { lineStart = 3 }
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                try parser.consume(
                    line: UnsafeBufferPointer(rebasing: buffer[lineStart..<contentEnd]), number: lineNumber)
                lineStart = lineEnd + 1
                lineNumber += 1
            }
        }
        return try parser.finish()
    }
}

/// One declared ARFF attribute.
struct ARFFAttribute {
    enum Kind: Equatable {
        case numeric
        case text
        case nominal(Set<String>)
    }
    var name: String
    var kind: Kind
}

/// Line-by-line state of ``ARFFReader``.
struct ARFFParser {
    let fileName: String
    /// Unquoted data values read as missing besides `?`.
    let missingValues: Set<String>
    private var attributes: [ARFFAttribute] = []
    private var inData = false
    private var columns: [[String?]] = []
    private var lineNumbers: [Int] = []
    private var fields: [ARFFToken] = []

    init(fileName: String, missingValues: Set<String> = []) {
        self.fileName = fileName
        self.missingValues = missingValues
    }

    private func error(_ message: String, line: Int) -> InputError {
        InputError(message, at: SourceLocation(file: fileName, line: line))
    }

    /// Handles one line (without its line ending).
    mutating func consume(line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        var start = 0, end = line.count
        while start < end, isSpace(line[start]) { start += 1 }
        while end > start, isSpace(line[end - 1]) { end -= 1 }
        guard start < end, line[start] != UInt8(ascii: "%") else { return }
        let content = UnsafeBufferPointer(rebasing: line[start..<end])
        if inData {
            try consumeDataRow(content, number: number)
        } else {
            try consumeHeaderLine(String(decoding: content, as: UTF8.self), number: number)
        }
    }

    private mutating func consumeHeaderLine(_ text: String, number: Int) throws {
        let keywordEnd = text.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? text.endIndex
        let keyword = text[..<keywordEnd].lowercased()
        let rest = text[keywordEnd...].trimmingCharacters(in: .whitespaces)
        switch keyword {
        case "@relation":
            return
        case "@attribute":
            try declareAttribute(rest, number: number)
        case "@data":
            guard !attributes.isEmpty else {
                throw error("@data before any @attribute; declare the attributes first", line: number)
            }
            inData = true
            columns = Array(repeating: [], count: attributes.count)
        default:
            throw error("expected @relation, @attribute or @data, found '\(text.prefix(40))'", line: number)
        }
    }

    private mutating func declareAttribute(_ declaration: String, number: Int) throws {
        do {
            try declareAttributeTokens(declaration, number: number)
        } catch let problem as ARFFTokenizer.Problem {
            throw error(problem.message, line: number)
        }
    }

    private mutating func declareAttributeTokens(_ declaration: String, number: Int) throws {
        var tokenizer = ARFFTokenizer(Array(declaration.utf8))
        guard let nameToken = try tokenizer.nextName(), !nameToken.isEmpty else {
            throw error("@attribute needs a name and a type", line: number)
        }
        let typeText = tokenizer.remainder.trimmingCharacters(in: .whitespaces)
        let lowered = typeText.lowercased()
        let kind: ARFFAttribute.Kind
        if typeText.hasPrefix("{") {
            guard typeText.hasSuffix("}") else {
                throw error("nominal attribute '\(nameToken)': the value list must end with '}'", line: number)
            }
            var listTokenizer = ARFFTokenizer(Array(typeText.dropFirst().dropLast().utf8))
            var levels = Set<String>()
            while let token = try listTokenizer.nextValue() {
                if let value = token.value { levels.insert(value) }
            }
            kind = .nominal(levels)
        } else if ["numeric", "real", "integer"].contains(lowered) {
            kind = .numeric
        } else if lowered == "string" || lowered.hasPrefix("date") {
            kind = .text
        } else if lowered.hasPrefix("relational") {
            throw error("attribute '\(nameToken)': relational attributes are not supported", line: number)
        } else {
            throw error(
                "attribute '\(nameToken)': unknown type '\(typeText)'; expected numeric, real, integer, string, date "
                    + "or {value list}",
                line: number)
        }
        if attributes.contains(where: { $0.name == nameToken }) {
            throw error("duplicate attribute name '\(nameToken)'; attribute names must be unique", line: number)
        }
        attributes.append(ARFFAttribute(name: nameToken, kind: kind))
    }

    private mutating func consumeDataRow(_ content: UnsafeBufferPointer<UInt8>, number: Int) throws {
        if content[0] == UInt8(ascii: "{") {
            throw error(
                "sparse ARFF is not supported; write the data rows in dense form (one value per attribute)",
                line: number)
        }
        var tokenizer = ARFFTokenizer(content)
        fields.removeAll(keepingCapacity: true)
        do {
            while let token = try tokenizer.nextValue() { fields.append(token) }
        } catch let problem as ARFFTokenizer.Problem {
            throw error(problem.message, line: number)
        }
        guard fields.count == attributes.count else {
            throw error("expected \(attributes.count) values, found \(fields.count)", line: number)
        }
        for (index, attribute) in attributes.enumerated() {
            var value = fields[index].value
            if let text = value, !fields[index].quoted, missingValues.contains(text) { value = nil }
            if let value {
                switch attribute.kind {
                case .numeric:
                    guard DecimalNumber.parse(value) != nil else {
                        throw error(
                            "attribute '\(attribute.name)' is numeric, but the value is '\(value)'", line: number)
                    }
                case .nominal(let levels):
                    guard levels.contains(value) else {
                        throw error(
                            "attribute '\(attribute.name)': '\(value)' is not one of its declared values "
                                + listForMessage(levels.sorted()) + didYouMean(value, among: Array(levels)),
                            line: number)
                    }
                case .text:
                    break
                }
            }
            columns[index].append(value)
        }
        lineNumbers.append(number)
    }

    /// The table, once every line is consumed.
    func finish() throws -> Table {
        guard inData else {
            throw InputError(
                "no @data section found; an ARFF file needs @attribute lines then @data",
                at: SourceLocation(file: fileName))
        }
        guard !lineNumbers.isEmpty else {
            throw InputError("the @data section has no rows", at: SourceLocation(file: fileName))
        }
        let numeric = Set(attributes.filter { $0.kind == .numeric }.map(\.name))
        return Table(
            columnNames: attributes.map(\.name), columns: columns, lineNumbers: lineNumbers,
            declaredNumeric: numeric, fileName: fileName)
    }
}

@inline(__always) func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
}

/// One comma-separated value of an ARFF line: `nil` for an unquoted `?`.
struct ARFFToken {
    var value: String?
    /// Whether the value was written in quotes (then `'?'` or `'NA'` are data, not missing).
    var quoted = false
}

/// Splits ARFF text into names and comma-separated values, honouring quotes.
struct ARFFTokenizer {
    struct Problem: Error { var message: String }

    private let bytes: [UInt8]
    private var position = 0
    private var finished = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.bytes = Array(buffer) }

    /// The text not yet consumed.
    var remainder: String { String(decoding: bytes[position...], as: UTF8.self) }

    private mutating func skipSpaces() {
        while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    }

    /// An attribute name: quoted, or a run of non-space characters.
    mutating func nextName() throws -> String? {
        skipSpaces()
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\"") {
            return try quoted()
        }
        let start = position
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "{") { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// The next comma-separated value, or `nil` after the last one.
    mutating func nextValue() throws -> ARFFToken? {
        guard !finished else { return nil }
        skipSpaces()
        if position >= bytes.count {
            finished = true
            return position == 0 ? nil : ARFFToken(value: "")
        }
        var token: ARFFToken
        if bytes[position] == UInt8(ascii: "'") || bytes[position] == UInt8(ascii: "\"") {
            token = ARFFToken(value: try quoted(), quoted: true)
            skipSpaces()
            if position < bytes.count, bytes[position] != UInt8(ascii: ",") {
                throw Problem(
                    message:
                        "unexpected text after a quoted value at column \(position + 1); separate values with commas")
            }
        } else {
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: ",") { position += 1 }
            var end = position
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            token = ARFFToken(value: text == "?" ? nil : text)
        }
        if position < bytes.count {
            position += 1  // the comma
        } else {
            finished = true
        }
        return token
    }

    /// A value in single or double quotes starting at `position`; `\` escapes the next character.
    private mutating func quoted() throws -> String {
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                value.append(bytes[position + 1])
                position += 2
                continue
            }
            if byte == quote {
                position += 1
                return String(decoding: value, as: UTF8.self)
            }
            value.append(byte)
            position += 1
        }
        throw Problem(message: "a quoted value is never closed; add the closing \(Character(Unicode.Scalar(quote)))")
    }
}
