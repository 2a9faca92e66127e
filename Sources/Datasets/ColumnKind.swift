import DietAuditCore

/// How a column is interpreted: numbers (kept with their parsed values, `nil`
/// where missing) or categories (the raw strings).
enum ColumnKind {
    case numeric([Double?])
    case categorical

    var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// Share of numeric values above which a non-number is taken for a data error.
    static let mostlyNumericShare = 0.9

    /// The kind of column `name` over all `rows`.
    ///
    /// - Listed under `dataset.categorical`: categorical.
    /// - ARFF data: numeric exactly when declared `numeric`/`real`/`integer`.
    /// - CSV data: numeric when every non-missing value is a plain finite decimal
    ///   number (and at least one is present); categorical when fewer than 90% are.
    /// - Throws: ``InputError`` at the first offending row when at least 90% but not
    ///   all of the non-missing values are numbers (almost surely a typo in the data).
    static func infer(column name: String, in rows: DataRows, forcedCategorical: Bool) throws -> ColumnKind {
        if forcedCategorical { return .categorical }
        let values = rows.values(of: name)
        if let declared = rows.declaredNumeric {
            guard declared.contains(name) else { return .categorical }
            return .numeric(values.map { $0.flatMap(DecimalNumber.parse) })
        }
        var numbers = [Double?](repeating: nil, count: values.count)
        var present = 0, numeric = 0
        var firstBad: Int?
        for (row, value) in values.enumerated() {
            guard let value else { continue }
            present += 1
            if let number = DecimalNumber.parse(value) {
                numbers[row] = number
                numeric += 1
            } else if firstBad == nil {
                firstBad = row
            }
        }
        guard present > 0 else { return .categorical }
        guard let firstBad else { return .numeric(numbers) }
        if Double(numeric) >= mostlyNumericShare * Double(present) {
            throw InputError(
                "column '\(name)': '\(values[firstBad]!)' is not a number, but \(numeric) of \(present) values are; "
                    + "fix or empty the value, or list '\(name)' under dataset.categorical",
                at: rows.location(ofRow: firstBad))
        }
        return .categorical
    }
}
