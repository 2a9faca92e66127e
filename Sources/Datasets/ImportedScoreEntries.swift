import DietAuditCore

/// The raw entries of an imported score file, before they are joined to the
/// dataset: every row (CSV) or element (NPY) in file order, duplicates and
/// non-finite values kept, so the join can count and report them.
public struct ImportedScoreEntries: Sendable, Equatable {
    /// The id of each entry, or `nil` when the file carries no ids (an NPY
    /// vector without `ids`: entry k belongs to the dataset's k-th row).
    public var ids: ExampleIds?
    /// Each entry's score; NaN or ±infinity where the file holds one (or an
    /// empty CSV cell, read as NaN).
    public var values: [Double]

    public init(ids: [String]?, values: [Double]) {
        self.init(exampleIds: ids.map(ExampleIds.init), values: values)
    }

    public init(exampleIds: ExampleIds?, values: [Double]) {
        self.ids = exampleIds
        self.values = values
    }
}

/// Reads a CSV score file's entries: `column` as the score, `idColumn` (or the
/// 1-based data row number) as the id.
///
/// An empty score cell and the words `nan`, `inf`, `-inf`, `infinity` (any
/// case) read as non-finite values, which the join reports; any other text
/// that is not a number is an error at its line.
/// A plain file is read by the fast ``ColumnScan`` (ids as `Int64` when every
/// one is an integer, else as text; scores as `Double`); anything it declines
/// by the full reader.
/// - Throws: ``InputError`` for an unknown column (with "did you mean"), an
///   empty id, or a score that is not a number.
public func readImportedCSVEntries(
    path: String, displayPath: String, column: String, idColumn: String?,
    progress: ProgressReporter = SilentProgress()
) throws -> ImportedScoreEntries {
    var columns: [(name: String, kind: ScannedColumnKind)] = [(column, .number)]
    if let idColumn, idColumn != column { columns.append((idColumn, .identifier)) }
    if idColumn != column,
        let scanned = try ColumnScan.scan(
            path: path, displayName: displayPath, columns: columns, progress: progress)
    {
        let ids =
            idColumn == nil
            ? ExampleIds(integers: (0..<scanned.rowCount).map { Int64($0 + 1) })
            : scanned.identifiers[0]
        return ImportedScoreEntries(exampleIds: ids, values: scanned.numbers[0])
    }
    let table = try CSVReader.read(path: path, displayName: displayPath)
    func index(of name: String) throws -> Int { try scoreFileColumn(name, in: table, displayPath: displayPath) }
    let scores = table.columns[try index(of: column)]
    let idValues: [String?] =
        try idColumn.map { table.columns[try index(of: $0)] } ?? (0..<table.rowCount).map { String($0 + 1) }
    var ids: [String] = []
    var values: [Double] = []
    values.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
        guard let id = idValues[row] else {
            throw InputError(
                "id column '\(idColumn ?? "")' is empty on this row; every score needs an id",
                at: table.location(ofRow: row))
        }
        let value: Double
        if let text = scores[row] {
            guard let number = DecimalNumber.parse(text) ?? nonFiniteWord(text) else {
                throw InputError(
                    "score column '\(column)': '\(text)' is not a number", at: table.location(ofRow: row))
            }
            value = number
        } else {
            value = .nan
        }
        ids.append(id)
        values.append(value)
    }
    return ImportedScoreEntries(ids: ids, values: values)
}

/// The index of column `name` in a score file's table.
/// - Throws: ``InputError`` at the file's header line, with "did you mean" or
///   the list of its columns.
func scoreFileColumn(_ name: String, in table: Table, displayPath: String) throws -> Int {
    if let index = table.columnIndex(named: name) { return index }
    let hint = didYouMean(name, among: table.columnNames)
    throw InputError(
        "column '\(name)' not found in \(baseName(of: displayPath))"
            + (hint.isEmpty ? "; its columns are \(listForMessage(table.columnNames))" : hint),
        at: SourceLocation(file: displayPath, line: 1))
}

/// `nan`, `inf`, `+inf`, `-inf`, `infinity`, `-infinity` in any case, as written by numpy and pandas.
func nonFiniteWord(_ text: String) -> Double? {
    switch text.lowercased() {
    case "nan", "-nan", "+nan": .nan
    case "inf", "+inf", "infinity", "+infinity": .infinity
    case "-inf", "-infinity": -.infinity
    default: nil
    }
}

/// Reads an NPY score vector (1-D float32 or float64) and, when `idsPath` is
/// given, its ids (a 1-D NPY array of integers or unicode strings, see
/// ``readNPYIds(path:displayPath:)``) of the same length.
/// - Throws: ``InputError`` at the file for a wrong shape or dtype, or ids of another length.
public func readImportedNPYEntries(
    path: String, displayPath: String, idsPath: String?, idsDisplayPath: String?
) throws -> ImportedScoreEntries {
    let bytes = try readFileBytes(path: path, displayName: displayPath)
    let array = try NPYReader.parse(bytes, displayName: displayPath)
    guard array.shape.count == 1 else {
        throw InputError(
            "an imported score must be a 1-D vector with one value per example; this array's shape is "
                + "\(array.shapeText): save it with np.save(path, scores.reshape(-1))",
            at: SourceLocation(file: displayPath))
    }
    guard array.elementType == .float32 || array.elementType == .float64 else {
        throw InputError(
            "an imported score must be float32 or float64; this vector holds \(array.elementType.name): "
                + "save it with np.save(path, scores.astype(np.float64))",
            at: SourceLocation(file: displayPath))
    }
    let values = array.doubleValues()
    guard let idsPath else { return ImportedScoreEntries(ids: nil, values: values) }
    let idsDisplay = idsDisplayPath ?? idsPath
    let ids = try readNPYExampleIds(path: idsPath, displayPath: idsDisplay)
    guard ids.count == values.count else {
        throw InputError(
            "\(ids.count) ids for \(values.count) scores in \(baseName(of: displayPath)); "
                + "the ids file must hold one id per score, in the same order",
            at: SourceLocation(file: idsDisplay))
    }
    return ImportedScoreEntries(exampleIds: ids, values: values)
}
