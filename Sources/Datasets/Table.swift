import DietAuditCore

/// A parsed data file, column-major and untyped: what the readers return before
/// any column is interpreted as a number, a category or a label.
public struct Table: Sendable {
    /// Header names, unique and non-empty, in file order.
    public var columnNames: [String]
    /// One array per column, each `rowCount` long; `nil` is a missing value
    /// (an empty CSV field, `?` in ARFF).
    public var columns: [[String?]]
    /// Number of data rows (the header is not a row).
    public var rowCount: Int
    /// The 1-based source line where each data row starts, for error messages.
    public var lineNumbers: [Int]
    /// ARFF attributes declared `numeric`, `real` or `integer` (always empty for CSV).
    public var declaredNumeric: Set<String>
    /// The file as messages name it.
    public var fileName: String

    public init(
        columnNames: [String], columns: [[String?]], lineNumbers: [Int],
        declaredNumeric: Set<String> = [], fileName: String
    ) {
        precondition(columnNames.count == columns.count, "one column per name")
        self.columnNames = columnNames
        self.columns = columns
        self.rowCount = lineNumbers.count
        self.lineNumbers = lineNumbers
        self.declaredNumeric = declaredNumeric
        self.fileName = fileName
    }

    /// The index of column `name`, if present.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }

    /// The values of column `name`, if present.
    public func column(named name: String) -> [String?]? {
        columnIndex(named: name).map { columns[$0] }
    }

    /// `file:line` of data row `row` (0-based).
    public func location(ofRow row: Int) -> SourceLocation {
        SourceLocation(file: fileName, line: lineNumbers[row])
    }
}
