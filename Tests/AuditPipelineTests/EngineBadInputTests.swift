import AuditPipeline
import DietAuditCore
import DietAuditTestSupport
import Foundation
import SQLEngines
import Testing

/// Each bad engine input ends with an ``InputError`` (exit 2) naming the
/// connection without its password, the table and the column, and nothing is
/// written: no database file, no report.
@Suite(.serialized) struct EngineBadInputTests {
    /// Runs `spec` and returns the error's text; checks that nothing was written.
    func failure(_ spec: String, extraFiles: [String: String] = [:]) throws -> String {
        let workspace = try EngineWorkspace()
        for (name, text) in extraFiles { _ = try workspace.write(text, to: name) }
        _ = try workspace.write(spec, to: "bad.yaml")
        var options = RunOptions()
        options.databasePath = workspace.folder + "/db.sqlite"
        options.outputDirectory = workspace.folder + "/reports"
        options.jsonPath = workspace.folder + "/r.json"
        var message = ""
        #expect {
            _ = try AuditRunner().run(specPath: workspace.folder + "/bad.yaml", options: options)
        } throws: { error in
            message = String(describing: error)
            return error is InputError
        }
        #expect(!FileManager.default.fileExists(atPath: options.databasePath))
        #expect(!FileManager.default.fileExists(atPath: options.jsonPath!))
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory!))
        return message
    }

    static func spec(_ connection: String, table: String, attributes: String = "sex", score: String = "risk") -> String
    {
        "audit: bad\ndataset: {postgres: \"\(connection)\", table: \(table), label: label, id: id, "
            + "attributes: [\(attributes)]}\nscores: [{kind: imported, column: \(score)}]\n"
            + "pruning: {fractions: [0.5], policies: [keep_hard]}\n"
    }

    @Test func unreachableServerNamesTheConnection() throws {
        let message = try failure(
            Self.spec("postgresql://auditor@/audits?host=/nonexistent-dietaudit&port=5999", table: "t"))
        #expect(
            message.contains("cannot connect to PostgreSQL at postgresql://auditor@/nonexistent-dietaudit:5999/audits"))
    }

    @Test func passwordInTheSpecIsRefused() throws {
        let message = try failure(Self.spec("postgresql://auditor:s3cret@localhost/audits", table: "t"))
        #expect(message.contains("holds a password"))
        #expect(message.contains("dataset.postgres") || message.contains("bad.yaml:2"))
    }

    /// A password given to libpq (here in the string, as PGPASSWORD would) never appears in a message.
    @Test func libpqMessagesNeverShowThePassword() {
        #expect {
            _ = try PostgresConnection("postgresql://auditor:s3cret@/audits?host=/nonexistent-dietaudit&port=5999")
        } throws: { error in
            let text = String(describing: error)
            return !text.contains("s3cret") && text.contains("postgresql://auditor@")
        }
    }

    static func loadSmallTable() throws -> PostgresCluster {
        let cluster = try #require(PostgresCluster.shared)
        let table = ExampleTable(
            name: "small", columns: ["id", "label", "sex", "risk", "note"],
            types: ["integer", "text", "text", "double precision", "text"],
            rows: (1...20).map { ["\($0)", $0 % 2 == 0 ? "good" : "bad", $0 % 3 == 0 ? "f" : "m", "\($0 % 4)", "x"] })
        try table.load(into: PostgresConnection(cluster.connectionString))
        return cluster
    }

    @Test(.enabled(if: PostgresCluster.shared != nil, "PostgreSQL unavailable"))
    func missingTableNamesConnectionAndTable() throws {
        let cluster = try Self.loadSmallTable()
        let message = try failure(Self.spec(cluster.url, table: "nosuch"))
        #expect(message.contains("postgresql://postgres@\(cluster.directory):\(cluster.port)/postgres: nosuch:"))
        #expect(message.contains("table or view 'nosuch' not found"))
    }

    @Test(.enabled(if: PostgresCluster.shared != nil, "PostgreSQL unavailable"))
    func missingColumnNamesTableAndColumn() throws {
        let cluster = try Self.loadSmallTable()
        let message = try failure(Self.spec(cluster.url, table: "small", attributes: "sexx"))
        #expect(message.contains("small.sexx: column 'sexx' not found in table 'small'"))
        #expect(message.contains("did you mean 'sex'"))
    }

    @Test(.enabled(if: PostgresCluster.shared != nil, "PostgreSQL unavailable"))
    func nonNumericScoreColumnIsRefused() throws {
        let cluster = try Self.loadSmallTable()
        let message = try failure(Self.spec(cluster.url, table: "small", score: "note"))
        #expect(message.contains("small.note: score column 'note' is not numeric"))
    }

    @Test(.enabled(if: PostgresCluster.shared != nil, "PostgreSQL unavailable"))
    func inconsistentAndMissingCountsAreRefused() throws {
        let cluster = try Self.loadSmallTable()
        let workspace = try EngineWorkspace()
        let specText = Self.spec(cluster.url, table: "small")
        _ = try workspace.write(specText, to: "p.yaml")
        let sql = try AuditRunner.countingSQL(specPath: workspace.folder + "/p.yaml", dialect: .postgres, table: nil)
        let csv = try EngineWorkspace.countsCSV(PostgresConnection(cluster.connectionString), sql: sql)
        let countsSpec =
            "audit: bad\ndataset: {counts: counts.csv, label: label, attributes: [sex]}\n"
            + "scores: [{kind: imported, column: risk}]\npruning: {fractions: [0.5], policies: [keep_hard]}\n"
        _ = try workspace.write(csv, to: "counts.csv")
        _ = try workspace.write(countsSpec, to: "counts.yaml")
        let summary = try AuditRunner().validate(specPath: workspace.folder + "/counts.yaml")
        #expect(summary.contains("OK — audit-only counts table: 20 examples in 4 cells"))
        var lines = csv.split(separator: "\n").map(String.init)
        let planLine = try #require(lines.firstIndex { $0.contains(",keep_hard,") && !$0.hasSuffix(",0") })
        var fields = lines[planLine].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[fields.count - 1] = String(Int(fields[fields.count - 1])! - 1)
        var changed = lines
        changed[planLine] = fields.joined(separator: ",")
        let inconsistent = try failure(countsSpec, extraFiles: ["counts.csv": changed.joined(separator: "\n") + "\n"])
        #expect(inconsistent.contains("inconsistent counts: plan keep_hard at 0.5 of score imported:risk removes 9"))
        lines.remove(at: planLine)
        let missing = try failure(countsSpec, extraFiles: ["counts.csv": lines.joined(separator: "\n") + "\n"])
        #expect(missing.contains("missing rows: plan keep_hard at 0.5 of score imported:risk has no row for cell"))
        let renamed = csv.replacingOccurrences(of: "removed", with: "removd")
        let column = try failure(countsSpec, extraFiles: ["counts.csv": renamed])
        #expect(column.contains("counts.csv:1: removed: column 'removed' not found"))
    }
}
