import DietAuditCore

/// Reads externally computed per-example scores from a CSV file, keyed by id.
///
/// - Parameters:
///   - column: the score column; every row must hold a finite number.
///   - idColumn: the id column; `nil` uses the 1-based data row number (`"1"`, `"2"`, …).
/// - Throws: ``InputError`` for an unknown column (with "did you mean"), a
///   missing or non-numeric score (at its line), or an id given twice (naming both lines).
public func readImportedScores(path: String, displayPath: String, column: String, idColumn: String?) throws -> [String:
    Double]
{
    let table = try CSVReader.read(path: path, displayName: displayPath)
    func index(of name: String) throws -> Int { try scoreFileColumn(name, in: table, displayPath: displayPath) }
    let scores = table.columns[try index(of: column)]
    let ids: [String?] =
        try idColumn.map { table.columns[try index(of: $0)] } ?? (1...table.rowCount).map { String($0) }

    var result: [String: Double] = [:]
    var lineOfId: [String: Int] = [:]
    result.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
        let location = table.location(ofRow: row)
        guard let id = ids[row] else {
            throw InputError("id column '\(idColumn!)' is empty on this row; every score needs an id", at: location)
        }
        guard let text = scores[row] else {
            throw InputError("score column '\(column)' is empty for id '\(id)'; every row needs a score", at: location)
        }
        guard let value = DecimalNumber.parse(text) else {
            throw InputError("score column '\(column)': '\(text)' is not a number", at: location)
        }
        if let earlier = lineOfId[id] {
            throw InputError(
                "duplicate id '\(id)': first on line \(earlier), again on line \(location.line!); ids must be unique",
                at: location)
        }
        lineOfId[id] = location.line!
        result[id] = value
    }
    return result
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
