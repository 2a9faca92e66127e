import DietAuditCore

/// The rows of the data file followed by those of a separate test file (when
/// there is one), with the same columns in the same order, so later steps can
/// address every row by one index and still name its file and line.
struct DataRows {
    let columnNames: [String]
    let columns: [[String?]]
    let lineNumbers: [Int]
    /// Rows `0..<firstFileRowCount` come from `firstFile`, the rest from `secondFile`.
    let firstFileRowCount: Int
    let firstFile: String
    let secondFile: String?
    /// Columns declared numeric by an ARFF header (in every file read); `nil` for CSV data.
    let declaredNumeric: Set<String>?

    var rowCount: Int { lineNumbers.count }

    /// `first` alone, or `first` then `second` (whose columns must already match by name).
    init(first: Table, second: Table?, typesDeclared: Bool) {
        columnNames = first.columnNames
        firstFile = first.fileName
        firstFileRowCount = first.rowCount
        secondFile = second?.fileName
        if let second {
            columns = first.columnNames.enumerated().map { index, name in
                first.columns[index] + second.columns[second.columnIndex(named: name)!]
            }
            lineNumbers = first.lineNumbers + second.lineNumbers
        } else {
            columns = first.columns
            lineNumbers = first.lineNumbers
        }
        declaredNumeric =
            typesDeclared ? first.declaredNumeric.intersection(second?.declaredNumeric ?? first.declaredNumeric) : nil
    }

    /// The values of a column known to exist.
    func values(of name: String) -> [String?] {
        columns[columnNames.firstIndex(of: name)!]
    }

    /// The file and line of row `row`.
    func location(ofRow row: Int) -> SourceLocation {
        SourceLocation(file: row < firstFileRowCount ? firstFile : secondFile!, line: lineNumbers[row])
    }

    /// "line N" when both rows are in one file, else "file:N".
    func describe(row: Int, relativeTo other: Int) -> String {
        let here = location(ofRow: row), there = location(ofRow: other)
        return here.file == there.file ? "line \(here.line!)" : here.prefix
    }
}
