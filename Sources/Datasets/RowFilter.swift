import DietAuditCore

/// `dataset.where`: keep only the rows whose columns hold one of the listed
/// values, e.g. `{propublica_filter: 1}` or `{race: [Caucasian, African-American]}`.
///
/// Values are compared as the text in the file (`1` does not match `1.0`); a
/// missing (empty) value never matches. Every condition must hold. Applied to
/// the data file and to a separate test file alike, before the split.
public struct RowFilter: Sendable, Equatable {
    /// Column and accepted values, in spec order.
    public var conditions: [(column: String, values: [String])]

    public init(conditions: [(column: String, values: [String])]) {
        self.conditions = conditions
    }

    public static func == (lhs: RowFilter, rhs: RowFilter) -> Bool {
        lhs.conditions.map(\.column) == rhs.conditions.map(\.column)
            && lhs.conditions.map(\.values) == rhs.conditions.map(\.values)
    }

    /// `propublica_filter = 1 and race in {Caucasian, African-American}`.
    public var summary: String {
        conditions.map { condition in
            condition.values.count == 1
                ? "\(condition.column) = \(condition.values[0])"
                : "\(condition.column) in {\(condition.values.joined(separator: ", "))}"
        }.joined(separator: " and ")
    }

    /// The rows of `table` that pass.
    /// - Throws: ``InputError`` at the spec's `where` key for an unknown column
    ///   (with "did you mean") or when no row passes.
    func apply(to table: Table, spec: DatasetSpec) throws -> Table {
        var keep = [Bool](repeating: true, count: table.rowCount)
        for condition in conditions {
            guard let values = table.column(named: condition.column) else {
                throw InputError(
                    "column '\(condition.column)' not found in \(table.fileName)"
                        + didYouMean(condition.column, among: table.columnNames),
                    at: spec.location(ofKey: "where"))
            }
            let accepted = Set(condition.values)
            for row in 0..<table.rowCount where keep[row] {
                keep[row] = values[row].map(accepted.contains) ?? false
            }
        }
        let rows = keep.indices.filter { keep[$0] }
        guard !rows.isEmpty else {
            throw InputError(
                "no row of \(table.fileName) has \(summary); check the values as written in the file",
                at: spec.location(ofKey: "where"))
        }
        var filtered = table
        filtered.columns = table.columns.map { column in rows.map { column[$0] } }
        filtered.lineNumbers = rows.map { table.lineNumbers[$0] }
        filtered.rowCount = rows.count
        return filtered
    }
}
