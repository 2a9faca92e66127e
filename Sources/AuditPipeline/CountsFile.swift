import Datasets
import DietAuditCore
import Foundation
import SQLEngines

extension AuditRunner {
    /// A counts table file as read: its rows, SHA-256 and size.
    struct CountsFile {
        var rows: [CountsRow]
        var sha256: String
        var bytes: Int
    }

    /// Reads a counts table (CSV, the columns of ``SQLEngines/CountsColumn``).
    /// - Throws: ``InputError`` at the file for a missing column (with a
    ///   did-you-mean), at `file:line` for an `n` or `removed` that is not a
    ///   whole number.
    func readCountsFile(path: String, displayPath: String, attributes: [String]) throws -> CountsFile {
        let table = try CSVReader.read(path: path, displayName: displayPath)
        let names =
            [CountsColumn.score, CountsColumn.policy, CountsColumn.fraction, CountsColumn.label] + attributes
            + [CountsColumn.size, CountsColumn.removed]
        let columns = try names.map { name -> [String?] in
            guard let column = table.column(named: name) else {
                throw InputError(
                    "column '\(name)' not found; a counts table has \(listForMessage(names)) (found "
                        + "\(listForMessage(table.columnNames)))" + didYouMean(name, among: table.columnNames),
                    at: SourceLocation(file: displayPath, line: 1, key: name))
            }
            return column
        }
        let sizeColumn = names.count - 2, removedColumn = names.count - 1
        let rows = try (0..<table.rowCount).map { row -> CountsRow in
            func whole(_ column: Int) throws -> Int {
                guard let text = columns[column][row], let value = Int(text) else {
                    var location = table.location(ofRow: row)
                    location.key = names[column]
                    throw InputError(
                        "'\(columns[column][row] ?? "")' is not a whole number; expected a count", at: location)
                }
                return value
            }
            return CountsRow(
                score: columns[0][row] ?? "", policy: columns[1][row] ?? "", fraction: columns[2][row] ?? "",
                cell: (3..<sizeColumn).map { columns[$0][row] }, size: try whole(sizeColumn),
                removed: try whole(removedColumn), location: table.location(ofRow: row))
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return CountsFile(rows: rows, sha256: try Fingerprint.sha256(fileAt: path), bytes: bytes)
    }
}
