import AuditPipeline
import Datasets
import DietAuditCore
import DietAuditTestSupport
import Foundation
import SQLEngines
import Testing

/// The same audit three ways — examples in memory, counts computed by
/// PostgreSQL, and a counts table produced by `dietaudit sql`'s query — gives
/// identical composition rows, attribute rows, findings, recommendations and
/// verdicts. Skipped (with the reason) when PostgreSQL cannot be started.
@Suite(.serialized, .enabled(if: PostgresCluster.shared != nil, "PostgreSQL unavailable"))
struct EnginePathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let pruning = """
        pruning:
          fractions: [0.1, 0.25, 0.5, 0.7]
          policies: [keep_hard, keep_easy, random, class_balanced, group_balanced, {policy: keep_hard, offset: 0.1}]
        """

    /// German credit with two imported scores full of ties: `duration`
    /// (months, 33 distinct values) and `credit_amount` read as higher-is-easier.
    static func germanCredit() throws -> ExampleTable {
        let table = try CSVReader.read(
            path: root.path + "/datasets/german_credit.csv", displayName: "german_credit.csv")
        let names = ["class", "sex", "age_group", "foreign_worker", "duration", "credit_amount"]
        let columns = try names.map { name in try #require(table.column(named: name)) }
        let rows = (0..<table.rowCount).map { row in [String(row + 1)] + columns.map { $0[row] } }
        return ExampleTable(
            name: "german", columns: ["id"] + names,
            types: ["integer", "text", "text", "text", "text", "integer", "double precision"], rows: rows)
    }

    /// 600 examples with planted ties (scores on a 0.1 grid) and a planted
    /// skew (group a scores low, so keep_hard removes it first), and missing
    /// attribute values (NULL / empty field).
    static func planted() -> ExampleTable {
        var generator = SeededGenerator(seed: 42, stream: "engine-planted")
        var rows: [[String?]] = []
        for index in 0..<600 {
            let group = ["a", "b", "c"][Int(generator.uniform(below: 3))]
            let region: String? =
                generator.uniform(below: 10) == 0 ? nil : ["x", "y"][Int(generator.uniform(below: 2))]
            let label = generator.uniform(below: 3) == 0 ? "yes" : "no"
            let base = group == "a" ? 0 : 2
            let score = Double(base + Int(generator.uniform(below: 7))) / 10
            rows.append(["p\(index)", label, group, region, String(score)])
        }
        return ExampleTable(
            name: "planted", columns: ["id", "label", "grp", "region", "risk"],
            types: ["text", "text", "text", "text", "double precision"], rows: rows)
    }

    /// Runs the three paths on `table` and checks they agree.
    func checkThreePaths(
        _ table: ExampleTable, label: String, attributes: [String], scores: [(column: String, easier: Bool)]
    ) throws {
        let cluster = try #require(PostgresCluster.shared)
        let connection = try PostgresConnection(cluster.connectionString)
        try table.load(into: connection)
        let workspace = try EngineWorkspace()
        _ = try workspace.write(table.csv, to: "data.csv")
        let attributeList = attributes.joined(separator: ", ")
        func scoreEntries(_ extra: String) -> String {
            scores.map { "  - {kind: imported, column: \($0.column)\(extra)\($0.easier ? ", higher_is: easier" : "")}" }
                .joined(separator: "\n")
        }
        let head = "audit: engine-paths\nseed: 7\n"
        _ = try workspace.write(
            head + "dataset: {path: data.csv, label: \(label), id: id, attributes: [\(attributeList)]}\n"
                + "scores:\n" + scoreEntries(", path: data.csv, id_column: id") + "\n" + Self.pruning + "\n",
            to: "memory.yaml")
        _ = try workspace.write(
            head + "dataset: {postgres: \"\(cluster.url)\", table: \(table.name), label: \(label), id: id, "
                + "attributes: [\(attributeList)]}\nscores:\n" + scoreEntries("") + "\n" + Self.pruning + "\n",
            to: "postgres.yaml")
        let sql = try AuditRunner.countingSQL(
            specPath: workspace.folder + "/postgres.yaml", dialect: .postgres, table: nil)
        _ = try workspace.write(try EngineWorkspace.countsCSV(connection, sql: sql), to: "counts.csv")
        _ = try workspace.write(
            head + "dataset: {counts: counts.csv, label: \(label), id: id, attributes: [\(attributeList)]}\n"
                + "scores:\n" + scoreEntries("") + "\n" + Self.pruning + "\n",
            to: "counts.yaml")
        let memory = try workspace.run(spec: "memory.yaml")
        let postgres = try workspace.run(spec: "postgres.yaml")
        let counts = try workspace.run(spec: "counts.yaml")
        let composition = EngineWorkspace.rows(memory, "composition")
        #expect(composition.count > 100)
        for key in ["composition", "attributes", "findings", "recommendations"] {
            #expect(EngineWorkspace.rows(postgres, key) == EngineWorkspace.rows(memory, key), "\(key): postgres")
            #expect(EngineWorkspace.rows(counts, key) == EngineWorkspace.rows(memory, key), "\(key): counts")
        }
        let postgresRun = try #require(postgres["run"] as? [String: Any])
        #expect(postgresRun["engine"] as? String == "PostgreSQL")
        #expect((postgresRun["engine_version"] as? String)?.first?.isNumber == true)
        #expect(postgresRun["engine_table"] as? String == table.name)
        #expect((postgresRun["engine_query_sha256"] as? String)?.count == 64)
        #expect((postgresRun["engine_bytes"] as? Int ?? 0) > 1000)
        #expect((counts["run"] as? [String: Any])?["engine"] as? String == "counts table")
        #expect((memory["run"] as? [String: Any])?["engine"] == nil)
        let verdict = (memory["gate"] as? [String: Any])?["verdict"] as? String
        #expect(verdict != nil)
        #expect((postgres["gate"] as? [String: Any])?["verdict"] as? String == verdict)
        #expect((counts["gate"] as? [String: Any])?["verdict"] as? String == verdict)
    }

    @Test func germanCreditAgreesInMemoryPostgresAndCounts() throws {
        try checkThreePaths(
            Self.germanCredit(), label: "class", attributes: ["sex", "age_group", "foreign_worker"],
            scores: [("duration", false), ("credit_amount", true)])
    }

    @Test func plantedTiesAndSkewAgreeInMemoryPostgresAndCounts() throws {
        try checkThreePaths(Self.planted(), label: "label", attributes: ["grp", "region"], scores: [("risk", false)])
    }

    /// The planted skew is found the same way by every path: keep_hard at 0.5
    /// removes group a (scores 0–0.6) far above the overall rate.
    @Test func plantedSkewIsFound() throws {
        let cluster = try #require(PostgresCluster.shared)
        let table = Self.planted()
        try table.load(into: PostgresConnection(cluster.connectionString))
        let workspace = try EngineWorkspace()
        _ = try workspace.write(
            "audit: skew\ndataset: {postgres: \"\(cluster.url)\", table: planted, label: label, id: id, "
                + "attributes: [grp, region]}\nscores: [{kind: imported, column: risk}]\n"
                + "pruning: {fractions: [0.5], policies: [keep_hard]}\n",
            to: "skew.yaml")
        let json = try workspace.run(spec: "skew.yaml")
        let rows = (json["composition"] as? [[String: Any]]) ?? []
        let groupA = try #require(rows.first { $0["attribute"] as? String == "grp" && $0["group"] as? String == "a" })
        let rate = try #require(groupA["removal_rate"] as? Double)
        #expect(rate > 0.65)  // 0.70 here, against 0.5 overall
        #expect(try #require(groupA["p_value"] as? Double) < 1e-10)
    }
}
