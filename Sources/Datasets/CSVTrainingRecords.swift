import DietAuditCore

/// Training records as a long CSV: one line per (seed, epoch, example) with
/// columns `seed`, `epoch`, `id`, then `logit_0 … logit_{C−1}` (logits) or
/// `prob_0 … prob_{C−1}` (probabilities), lines in any order. Read whole into
/// memory: meant for small records; large ones belong in NPY.
///
/// Seeds are any integers (sorted, they become seed positions 0…S−1); the
/// epoch column numbers epochs as DietAudit's trainer does (0 = at
/// initialisation, t = after t epochs) and must hold consecutive numbers from
/// 0 or 1. Record rows are the ids in order of first appearance. Every
/// (seed, epoch, id) must appear exactly once.
public final class CSVTrainingRecords: TrainingRecordSource {
    public let displayPath: String
    public let seedCount: Int
    public let epochs: [Int]
    public let rowCount: Int
    public let classCount: Int
    public let ids: [String]?
    public let valueSize = 8
    public private(set) var slicesRead = 0
    /// Whether the class columns are `logit_k` (or `prob_k`).
    public let holdsLogits: Bool
    /// The seed numbers as the file writes them, in position order.
    public let seedNumbers: [Int]
    private var values: [Double]

    /// Reads and checks the whole file.
    /// - Throws: ``InputError`` at the file (header) or line: a missing or
    ///   unknown column, class columns not numbered 0…C−1, logits mixed with
    ///   probabilities, a seed or epoch that is not a whole number, epochs not
    ///   consecutive from 0 or 1, a value that is not a number, a repeated
    ///   (seed, epoch, id), or missing ones (counted, with five examples).
    public init(path: String, displayPath: String) throws {
        self.displayPath = displayPath
        let table = try CSVReader.read(path: path, displayName: displayPath)
        let header = SourceLocation(file: displayPath, line: 1)
        let columns = try Self.classColumns(table, header: header)
        (holdsLogits, classCount) = (columns.logits, columns.indices.count)
        func index(_ name: String) throws -> Int { try scoreFileColumn(name, in: table, displayPath: displayPath) }
        let seedColumn = table.columns[try index("seed")], epochColumn = table.columns[try index("epoch")]
        let idColumn = table.columns[try index("id")]
        func whole(_ column: [String?], _ name: String, _ row: Int) throws -> Int {
            guard let text = column[row], let number = Int(text) else {
                throw InputError(
                    "\(name) '\(column[row] ?? "")' is not a whole number", at: table.location(ofRow: row))
            }
            return number
        }
        var seedOfRow = [Int](), epochOfRow = [Int](), recordOfRow = [Int](), idOrder = [String]()
        var recordOfId = [String: Int]()
        for row in 0..<table.rowCount {
            seedOfRow.append(try whole(seedColumn, "seed", row))
            epochOfRow.append(try whole(epochColumn, "epoch", row))
            guard let id = idColumn[row], !id.isEmpty else {
                throw InputError("the id is empty; every line needs an example id", at: table.location(ofRow: row))
            }
            if recordOfId[id] == nil {
                recordOfId[id] = idOrder.count
                idOrder.append(id)
            }
            recordOfRow.append(recordOfId[id]!)
        }
        seedNumbers = Set(seedOfRow).sorted()
        let epochNumbers = Set(epochOfRow).sorted()
        guard let first = epochNumbers.first, first == 0 || first == 1,
            epochNumbers.last! - first + 1 == epochNumbers.count
        else {
            throw InputError(
                "the epoch column holds \(listForMessage(epochNumbers.map(String.init))); expected consecutive "
                    + "epochs from 0 (at initialisation) or 1 (after the first epoch)",
                at: header)
        }
        (seedCount, epochs, rowCount, ids) = (seedNumbers.count, epochNumbers, idOrder.count, idOrder)
        values = [Double](repeating: .nan, count: seedCount * epochs.count * rowCount * classCount)
        try fill(table, columns: columns.indices, seeds: seedOfRow, epochs: epochOfRow, records: recordOfRow)
    }

    public func withSlice<Result>(
        seed: Int, epochIndex: Int, rows: Range<Int>, _ body: (TrainingRecordValues) throws -> Result
    ) throws -> Result {
        slicesRead += 1
        let start = ((seed * epochs.count + epochIndex) * rowCount + rows.lowerBound) * classCount
        return try values.withUnsafeBufferPointer { all in
            try body(.float64(UnsafeBufferPointer(rebasing: all[start..<(start + rows.count * classCount)])))
        }
    }

    /// The class columns, in class order, and whether they are logits.
    private static func classColumns(_ table: Table, header: SourceLocation) throws -> (indices: [Int], logits: Bool) {
        let logits = table.columnNames.filter { $0.hasPrefix("logit_") }
        let probabilities = table.columnNames.filter { $0.hasPrefix("prob_") }
        guard logits.isEmpty || probabilities.isEmpty else {
            throw InputError(
                "the file mixes logit_ and prob_ columns; give one kind: logit_0…logit_{C-1} or prob_0…prob_{C-1}",
                at: header)
        }
        let prefix = logits.isEmpty ? "prob_" : "logit_"
        let names = logits.isEmpty ? probabilities : logits
        let known = Set(["seed", "epoch", "id"] + names)
        if let unknown = table.columnNames.first(where: { !known.contains($0) }) {
            throw InputError(
                "unknown column '\(unknown)'; training records have the columns seed, epoch, id, then "
                    + "logit_0…logit_{C-1} (or prob_0…prob_{C-1})",
                at: header)
        }
        let expected = (0..<names.count).map { "\(prefix)\($0)" }
        guard names.count >= 1, Set(names) == Set(expected) else {
            throw InputError(
                "class columns must be \(prefix)0…\(prefix)\(max(names.count, 1) - 1), one per class; found "
                    + (names.isEmpty ? "none" : listForMessage(names)),
                at: header)
        }
        return (expected.map { table.columnIndex(named: $0)! }, !logits.isEmpty)
    }

    /// Places every line's values; refuses repeated and missing (seed, epoch, id).
    private func fill(_ table: Table, columns: [Int], seeds: [Int], epochs epochOfRow: [Int], records: [Int]) throws {
        let seedPosition = Dictionary(uniqueKeysWithValues: seedNumbers.enumerated().map { ($1, $0) })
        var lineOfSlot = [Int](repeating: 0, count: seedCount * epochs.count * rowCount)
        for row in 0..<table.rowCount {
            let slot =
                (seedPosition[seeds[row]]! * epochs.count + epochOfRow[row] - epochs[0]) * rowCount + records[row]
            guard lineOfSlot[slot] == 0 else {
                throw InputError(
                    "seed \(seeds[row]), epoch \(epochOfRow[row]), id \(ids![records[row]]) appears twice (first on "
                        + "line \(lineOfSlot[slot])); each (seed, epoch, id) needs exactly one line",
                    at: table.location(ofRow: row))
            }
            lineOfSlot[slot] = table.lineNumbers[row]
            for (offset, column) in columns.enumerated() {
                let text = table.columns[column][row] ?? "nan"
                guard let value = DecimalNumber.parse(text) ?? nonFiniteWord(text) else {
                    throw InputError(
                        "column '\(table.columnNames[column])': '\(text)' is not a number",
                        at: table.location(ofRow: row))
                }
                values[slot * classCount + offset] = value
            }
        }
        let missing = lineOfSlot.indices.filter { lineOfSlot[$0] == 0 }
        guard missing.isEmpty else {
            let examples = missing.prefix(5).map { slot in
                let record = slot % rowCount, epoch = slot / rowCount % epochs.count,
                    seed = slot / rowCount / epochs.count
                return "seed \(seedNumbers[seed]) epoch \(epochs[epoch]) id \(ids![record])"
            }
            throw InputError(
                "\(missing.count) (seed, epoch, id) combination\(missing.count == 1 ? " has" : "s have") no line "
                    + "(\(examples.joined(separator: "; "))\(missing.count > 5 ? "; …" : "")); every seed needs every "
                    + "epoch of every id",
                at: SourceLocation(file: displayPath))
        }
    }
}
