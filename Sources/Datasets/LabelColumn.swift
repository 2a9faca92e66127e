import DietAuditCore

/// The label column turned into class indices.
struct LabelColumn {
    /// Sorted unique label values (numerically when all are numbers).
    var classNames: [String]
    /// Class index of every row of the ``DataRows``.
    var classOfRow: [Int]
    /// Index of `positive_label` in ``classNames``, when given.
    var positiveClass: Int?

    /// Reads the label of every row. Classes come from the data file's rows
    /// (`classRowCount` first rows); rows after them (a separate test file) must
    /// use those classes.
    /// - Throws: ``InputError`` for a missing label (at its row), a single class
    ///   (at `label`), an unknown `positive_label`, or a test label unseen in the data file.
    init(spec: DatasetSpec, rows: DataRows, classRowCount: Int) throws {
        let values = rows.values(of: spec.label)
        for (row, value) in values.enumerated() where value == nil {
            throw InputError(
                "the label '\(spec.label)' is missing on this row; every row needs a label",
                at: rows.location(ofRow: row))
        }
        let labels = values.map { $0! }
        let names = sortedLevels(labels[..<classRowCount])
        classNames = names
        guard names.count >= 2 else {
            throw InputError(
                "label column '\(spec.label)' has a single value, '\(names.first ?? "")'; "
                    + "a classification audit needs at least two classes",
                at: spec.location(ofKey: "label"))
        }
        let indexOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        classOfRow = try labels.enumerated().map { row, label in
            guard let index = indexOf[label] else {
                throw InputError(
                    "label '\(label)' does not occur in \(rows.firstFile); the test file may only use the classes "
                        + listForMessage(names),
                    at: rows.location(ofRow: row))
            }
            return index
        }
        if let positive = spec.positiveLabel {
            guard let index = indexOf[positive] else {
                throw InputError(
                    "positive_label '\(positive)' is not a value of label column '\(spec.label)' (values: "
                        + listForMessage(classNames) + ")" + didYouMean(positive, among: classNames),
                    at: spec.location(ofKey: "positive_label"))
            }
            positiveClass = index
        }
    }
}

/// The id of every row: the id column's values, or 1-based row numbers within each file.
/// - Throws: ``InputError`` for an empty id (at its row) or a repeated id (naming both lines).
func rowIds(spec: DatasetSpec, rows: DataRows) throws -> [String] {
    guard let column = spec.idColumn else {
        return (0..<rows.rowCount).map { row in
            String(row < rows.firstFileRowCount ? row + 1 : row - rows.firstFileRowCount + 1)
        }
    }
    let values = rows.values(of: column)
    var firstRow: [String: Int] = [:]
    firstRow.reserveCapacity(values.count)
    var ids: [String] = []
    ids.reserveCapacity(values.count)
    for (row, value) in values.enumerated() {
        guard let id = value else {
            throw InputError(
                "id column '\(column)' is empty on this row; every row needs an id", at: rows.location(ofRow: row))
        }
        if let earlier = firstRow[id] {
            throw InputError(
                "duplicate id '\(id)' in column '\(column)': first on \(rows.describe(row: earlier, relativeTo: row)), "
                    + "again on \(rows.describe(row: row, relativeTo: earlier)); ids must be unique",
                at: rows.location(ofRow: row))
        }
        firstRow[id] = row
        ids.append(id)
    }
    return ids
}
