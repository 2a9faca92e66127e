import AuditPipeline
import DietAuditCore
import DietAuditTestSupport
import Foundation
import SQLEngines

/// One example table for the engine tests: its columns as text, loaded into
/// PostgreSQL, written as a CSV for the in-memory path.
struct ExampleTable {
    var name: String
    /// Column names; `id` first.
    var columns: [String]
    /// SQL types of the columns.
    var types: [String]
    /// Rows of text values (`nil`: NULL / an empty CSV field).
    var rows: [[String?]]

    /// The CSV text (empty field for `nil`, quotes where needed).
    var csv: String {
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            if value.contains(",") || value.contains("\"") || value.contains("\n") {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        return ([columns.joined(separator: ",")] + rows.map { $0.map(field).joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }

    /// Creates and fills the table in PostgreSQL.
    func load(into connection: PostgresConnection) throws {
        let dialect = SQLDialect.postgres
        let definition = zip(columns, types).map { "\(dialect.quotedColumn($0)) \($1)" }.joined(separator: ", ")
        _ = try connection.query(
            "DROP TABLE IF EXISTS \(dialect.quoted(name)); CREATE TABLE \(dialect.quoted(name)) (\(definition))")
        for start in stride(from: 0, to: rows.count, by: 500) {
            let values = rows[start..<min(start + 500, rows.count)].map { row in
                "(" + row.map { $0.map(dialect.literal) ?? "NULL" }.joined(separator: ", ") + ")"
            }
            _ = try connection.query("INSERT INTO \(dialect.quoted(name)) VALUES " + values.joined(separator: ", "))
        }
    }
}

/// A temporary folder with specs, data and one database per run.
struct EngineWorkspace {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "dietaudit-engine-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the spec with its own database and JSON report; the JSON.
    func run(spec name: String) throws -> [String: Any] {
        var options = RunOptions()
        options.databasePath = folder + "/\(name).sqlite"
        options.outputDirectory = nil
        options.jsonPath = folder + "/\(name).json"
        options.failOn = .fail
        _ = try AuditRunner().run(specPath: folder + "/" + name, options: options)
        let data = try Data(contentsOf: URL(fileURLWithPath: options.jsonPath!))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The rows of `key` of a JSON report, each as sorted `key=value` text, so
    /// two reports compare field by field.
    static func rows(_ json: [String: Any], _ key: String) -> [String] {
        ((json[key] as? [[String: Any]]) ?? []).map { row in
            row.keys.sorted().map { "\($0)=\(String(describing: row[$0]!))" }.joined(separator: ";")
        }
    }

    /// The counts table of `sql` run in PostgreSQL, as CSV.
    static func countsCSV(_ connection: PostgresConnection, sql: String) throws -> String {
        let result = try connection.query(sql)
        let table = ExampleTable(name: "", columns: result.columns, types: [], rows: result.values)
        return table.csv
    }
}
