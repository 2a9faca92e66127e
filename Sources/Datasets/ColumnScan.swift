import DietAuditCore
import Foundation

/// What a ``ColumnScan`` keeps of one column.
enum ScannedColumnKind: Sendable {
    /// Each distinct value once (first appearance order) and a code per row.
    case category
    /// Numbers as ``DecimalNumber`` reads them, or the words `nan`, `inf`, …;
    /// one `Double` per row.
    case number
    /// Example ids: canonical integers while every value is one, else each
    /// value's text (``IdentifierColumn``).
    case identifier
}

/// An id column as a ``ColumnScan`` reads it: `Int64`s while every value is
/// a canonical integer; from the first that is not, every value as text (the
/// integers read so far turned back into their text, which is what the file
/// says). Either way the ids read as the full reader reads them.
struct IdentifierColumn {
    var integers: [Int64] = []
    /// The ids as text, once some id is not a canonical integer.
    var texts: [String]?

    mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        if texts == nil {
            if let integer = ExampleIds.canonicalInteger(value) { return integers.append(integer) }
            var converted = integers.map(String.init)
            converted.reserveCapacity(integers.capacity)
            texts = converted
            integers = []
        }
        texts?.append(String(decoding: value, as: UTF8.self))
    }

    mutating func reserveCapacity(_ count: Int) {
        if texts == nil { integers.reserveCapacity(count) } else { texts?.reserveCapacity(count) }
    }

    /// The ids read.
    var ids: ExampleIds { texts.map { ExampleIds($0) } ?? ExampleIds(integers: integers) }
}

/// The columns a ``ColumnScan`` read.
struct ScannedColumns {
    /// The header's column names, in file order.
    var header: [String]
    /// Data rows read.
    var rowCount: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    var sha256: String
    /// Per requested column (``ScannedColumnKind/category``): distinct values.
    var distinct: [[String]]
    /// Per requested column (category): the code of each row, an index into ``distinct``.
    var codes: [[UInt16]]
    /// Per requested column (number): the value of each row.
    var numbers: [[Double]]
    /// Per requested column (identifier): the ids.
    var identifiers: [ExampleIds]
}

/// A fast, streaming reader of a few columns of a plain CSV file: the path
/// large audit-only runs take (ten million rows in about a second).
///
/// It reads the file in 8 MiB chunks (memory: the chunk plus the columns it
/// keeps; the file is never held whole), hashes every byte, and keeps only
/// the requested columns, each typed once: categories as 2-byte codes into
/// their distinct values, ids as `Int64` (as text once one is not an
/// integer), scores as `Double`, with no `String` per cell but the ids'.
///
/// It handles only the simple, common form and declines anything else by
/// returning `nil`, so the caller falls back to the full reader
/// (``CSVReader``), which reads every form and reports every problem with
/// its line: a byte-order mark, a quote, a carriage return, a non-ASCII
/// byte, a blank line, a header with an empty or repeated name or without a
/// requested column, a row with another field count, an empty requested
/// field, a category with more than 65,536 distinct values, a number
/// column value that is not a number.
enum ColumnScan {
    /// Bytes read per chunk.
    static let chunkSize = 8 << 20

    /// Reads `columns` (name and kind) of the CSV file at `path`; `nil` when
    /// the file is not in the simple form (see the type's documentation).
    /// `progress` hears the rows read (after each chunk); `chunkSize` is the
    /// buffer's starting size (it doubles for a longer line).
    /// - Throws: ``InputError`` only when the file cannot be opened or read.
    static func scan(
        path: String, displayName: String, columns: [(name: String, kind: ScannedColumnKind)],
        progress: ProgressReporter = SilentProgress(), chunkSize: Int = ColumnScan.chunkSize
    ) throws -> ScannedColumns? {
        precondition(chunkSize > 0, "chunks of at least one byte")
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read file (is it a readable regular file?)", at: SourceLocation(file: displayName))
        }
        defer { try? handle.close() }
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        var state = ScanState(columns: columns)
        var hasher = StreamingSHA256()
        // One buffer for the whole file: each read appends to the unparsed tail (less than a line),
        // the complete lines are parsed in place, and only the tail moves to the front.
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0, bytesRead = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }  // a very long line
            let count = try buffer.withUnsafeMutableBytes { bytes in
                try readSome(handle, into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]), displayName)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[filled..<(filled + count)])) }
            filled += count
            bytesRead += count
            let consumed = buffer.withUnsafeBufferPointer {
                state.consumeLines(UnsafeBufferPointer(rebasing: $0[..<filled]))
            }
            guard let consumed else { return nil }
            buffer.withUnsafeMutableBytes { bytes in
                bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + consumed, byteCount: filled - consumed)
            }
            filled -= consumed
            if let fileSize, fileSize > 0 {
                if state.rowCount > 0 {  // rows per byte so far, 2 % to spare
                    state.reserveRows(expected: state.rowCount * fileSize / max(bytesRead - filled, 1) * 51 / 50 + 1024)
                }
                progress.advance(bytesRead, of: fileSize, detail: "\(state.rowCount) rows read")
            }
        }
        if filled > 0 {
            var last = Array(buffer[..<filled])
            last.append(UInt8(ascii: "\n"))  // a last line without its line feed
            guard last.withUnsafeBufferPointer({ state.consumeLines($0) }) != nil else { return nil }
        }
        guard let header = state.header, state.rowCount > 0 else { return nil }
        return ScannedColumns(
            header: header, rowCount: state.rowCount, sha256: hasher.hexDigest(),
            distinct: state.interners.map { $0.values.map { String(decoding: $0, as: UTF8.self) } },
            codes: state.codes, numbers: state.numbers,
            identifiers: state.identifiers.map(\.ids))
    }
}

extension ColumnScan {
    /// Reads up to `buffer.count` bytes of `handle` into `buffer`; 0 at the
    /// end of the file. Retries reads interrupted by a signal.
    static func readSome(
        _ handle: FileHandle, into buffer: UnsafeMutableRawBufferPointer, _ displayName: String
    ) throws -> Int {
        while true {
            let count = read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else {
                throw InputError(
                    "cannot read file: \(String(cString: strerror(errno)))", at: SourceLocation(file: displayName))
            }
        }
    }
}

/// The parser state of a ``ColumnScan`` between chunks.
struct ScanState {
    let columns: [(name: String, kind: ScannedColumnKind)]
    /// Header names once read.
    var header: [String]?
    /// For each field of a row: (kind, slot within its kind), or nil when not kept.
    var fieldSlots: [(kind: ScannedColumnKind, slot: Int)?] = []
    var interners: [ByteInterner] = []
    var codes: [[UInt16]] = []
    var numbers: [[Double]] = []
    var identifiers: [IdentifierColumn] = []
    var rowCount = 0
    /// Whether ``reserveRows(expected:)`` has run.
    private var reserved = false

    init(columns: [(name: String, kind: ScannedColumnKind)]) {
        self.columns = columns
    }

    /// Reserves room for `expected` rows in every kept column, once: the
    /// estimate after the first chunk (rows per byte so far × file size)
    /// spares the columns' repeated doubling, each a copy into fresh pages.
    mutating func reserveRows(expected: Int) {
        guard !reserved else { return }
        reserved = true
        for slot in codes.indices { codes[slot].reserveCapacity(expected) }
        for slot in numbers.indices { numbers[slot].reserveCapacity(expected) }
        for slot in identifiers.indices { identifiers[slot].reserveCapacity(expected) }
    }

    /// Parses every complete line of `bytes`; returns the bytes consumed, or
    /// `nil` when the file is not in the simple form.
    mutating func consumeLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var lineStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            guard let newline = firstNewline(bytes, from: index) else { break }
            guard newline > lineStart else { return nil }  // a blank line
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<newline])
            if header == nil {
                guard readHeader(line) else { return nil }
            } else {
                guard readRow(line) else { return nil }
            }
            lineStart = newline + 1
            index = lineStart
        }
        return lineStart
    }

    private func firstNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }

    /// Reads the header: plain ASCII names, unique, non-empty, every requested one present.
    private mutating func readHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\r") }),
            !(line.first == 0xEF)
        else { return false }
        let names = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard !names.contains(where: \.isEmpty), Set(names).count == names.count else { return false }
        var slots = [(kind: ScannedColumnKind, slot: Int)?](repeating: nil, count: names.count)
        for column in columns {
            guard let position = names.firstIndex(of: column.name), slots[position] == nil else { return false }
            switch column.kind {
            case .category:
                slots[position] = (.category, interners.count)
                interners.append(ByteInterner())
                codes.append([])
            case .identifier:
                slots[position] = (.identifier, identifiers.count)
                identifiers.append(IdentifierColumn())
            case .number:
                slots[position] = (.number, numbers.count)
                numbers.append([])
            }
        }
        header = names
        fieldSlots = slots
        return true
    }

    /// Reads one data row's kept fields.
    private mutating func readRow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var field = 0
        var start = 0
        var index = 0
        let count = line.count
        while true {
            while index < count {
                let byte = line[index]
                if byte == UInt8(ascii: ",") { break }
                if byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") { return false }
                index += 1
            }
            guard field < fieldSlots.count else { return false }
            if let target = fieldSlots[field] {
                guard index > start else { return false }  // an empty kept field
                let value = UnsafeBufferPointer(rebasing: line[start..<index])
                guard store(value, in: target) else { return false }
            }
            field += 1
            if index >= count { break }
            index += 1
            start = index
        }
        guard field == fieldSlots.count else { return false }
        rowCount += 1
        return true
    }

    private mutating func store(
        _ value: UnsafeBufferPointer<UInt8>, in target: (kind: ScannedColumnKind, slot: Int)
    ) -> Bool {
        switch target.kind {
        case .category:
            guard let code = interners[target.slot].code(of: value) else { return false }
            codes[target.slot].append(code)
        case .identifier:
            identifiers[target.slot].append(value)
        case .number:
            guard
                let number = DecimalNumber.parse(bytes: value) ?? nonFiniteWord(String(decoding: value, as: UTF8.self))
            else { return false }
            numbers[target.slot].append(number)
        }
        return true
    }
}

/// Distinct byte strings, each with a 16-bit code (first appearance order),
/// found by an open-addressing hash table: no allocation per lookup.
struct ByteInterner {
    /// The distinct values, by code.
    private(set) var values: [[UInt8]] = []
    /// Slot → code + 1 (0: empty); the capacity is a power of two.
    private var table = [UInt32](repeating: 0, count: 64)

    /// Most distinct values a column may have.
    static let capacity = 1 << 16

    /// The code of `bytes`, added when new; `nil` past ``capacity`` values.
    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 {
            let code = Int(table[slot] - 1)
            if values[code].elementsEqual(bytes) { return UInt16(code) }
            slot = (slot + 1) & mask
        }
        guard values.count < Self.capacity else { return nil }
        values.append(Array(bytes))
        table[slot] = UInt32(values.count)
        if values.count * 2 > table.count { grow() }
        return UInt16(values.count - 1)
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: table.count * 2)
        let mask = larger.count - 1
        for (code, value) in values.enumerated() {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = UInt32(code + 1)
        }
        table = larger
    }
}
