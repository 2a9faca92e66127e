import DietAuditTestSupport
import Foundation
import Testing

/// Audit-only specs through the built binary: the shipped CIFAR-10 spec
/// validates, and a planted skew imported as an NPY vector gives exactly the
/// composition rows of the same scores imported as CSV.
@Suite(.serialized) struct AuditOnlyEndToEndTests {
    @Test func cifarSpecValidatesAsAuditOnly() throws {
        let workspace = try Workspace()
        let spec = repositoryRoot().appendingPathComponent("audits/cifar10-datadiet.yaml").path
        let result = try Dietaudit.run(["validate", spec], in: workspace.url)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasSuffix(
                "cifar10-datadiet.yaml: OK — audit-only: 50000 examples, no model, nothing trained; 1 groupings "
                    + "(class), imported scores imported:el2n@20, imported:grand@0, imported:grand@20, "
                    + "imported:forgetting, imported:input_norm, ruleset 'default' with 4 rules\n"),
            "\(result.standardOutput)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).isEmpty)
    }

    static func spec(scores: String) -> String {
        """
        audit: planted-only
        seed: 5
        dataset: {path: data.csv, label: label, id: id, attributes: [group]}
        scores:
          - \(scores)
        pruning:
          fractions: [0.3, 0.5]
          policies: [keep_hard, keep_easy, random, class_balanced]
        """
    }

    /// The `composition` rows of a JSON report, each as a sorted-keys JSON text.
    func compositionRows(_ workspace: Workspace, _ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(try workspace.read(json).utf8)) as? [String: Any]
        let rows = try #require(object?["composition"] as? [[String: Any]])
        return try rows.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test func npyScoresAuditLikeTheSameScoresAsCSV() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        let values = try workspace.read("scores.csv").split(separator: "\n").dropFirst().map {
            Double($0.split(separator: ",")[1])!
        }
        try NPYWriter.float64(values).write(to: workspace.url.appendingPathComponent("s.npy"))
        try workspace.write(Self.spec(scores: "{kind: imported, path: s.npy, name: s}"), to: "npy.yaml")
        try workspace.write(
            Self.spec(scores: "{kind: imported, path: scores.csv, column: s, id_column: id}"), to: "csv.yaml")
        var rows: [[String]] = []
        for name in ["npy", "csv"] {
            let result = try Dietaudit.run(
                [
                    "run", "\(name).yaml", "--db", "\(name).sqlite", "--out", name, "--json", "\(name)/r.json",
                    "--quiet",
                ],
                in: workspace.url)
            #expect(result.exitCode == 1, "\(result.standardError)")  // the planted skew fails the default ruleset
            rows.append(try compositionRows(workspace, "\(name)/r.json"))
        }
        // 3 score policies × 2 fractions + 2 random plans, each over class (2), group (2) and group×class (4).
        #expect(rows[0].count == (3 * 2 + 2) * (2 + 2 + 4))
        #expect(rows[0] == rows[1])

        // The planted skew: keep_hard at 30% removes R = 120 of 400, and group B's 100 scores all lie in
        // [0, 0.2), below about 80% of group A's: B loses far more than R/N = 0.3.
        let json = try JSONSerialization.jsonObject(with: Data(try workspace.read("npy/r.json").utf8)) as? [String: Any]
        let composition = try #require(json?["composition"] as? [[String: Any]])
        let groupB = try #require(
            composition.first {
                $0["policy"] as? String == "keep_hard" && $0["fraction"] as? Double == 0.3
                    && $0["attribute"] as? String == "group" && $0["group"] as? String == "B"
            })
        #expect((groupB["removal_rate"] as? Double ?? 0) > 0.6)
        #expect((groupB["q_value"] as? Double ?? 1) < 0.05)
        let dataset = try #require(json?["dataset"] as? [String: Any])
        #expect(dataset["audit_only"] as? Bool == true)
        #expect(dataset["dropped_examples"] as? Int == 0)
        #expect(dataset["train"] as? Int == 400 && dataset["test"] as? Int == 0)
        let report = try workspace.read("npy/planted-only.md")
        #expect(report.contains("Audit-only: the scores were imported, no model was trained"))
        #expect(report.contains("none: audit-only spec; the scores were imported and nothing was trained"))
        #expect(report.contains("This is an audit-only run: the scores were imported and no model was trained"))
    }

    @Test func droppedExamplesAreReportedAndJoinErrorsWriteNothing() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        var values = try workspace.read("scores.csv").split(separator: "\n").dropFirst().map {
            Double($0.split(separator: ",")[1])!
        }
        values[0] = .nan; values[1] = .infinity
        try NPYWriter.float64(values).write(to: workspace.url.appendingPathComponent("s.npy"))
        try workspace.write(Self.spec(scores: "{kind: imported, path: s.npy, name: s}"), to: "refused.yaml")
        let refused = try Dietaudit.run(
            ["run", "refused.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet"], in: workspace.url)
        #expect(refused.exitCode == 2)
        #expect(
            refused.standardError.contains(
                "refused.yaml:5:5: scores[0]: score 'imported:s' does not line up with the training examples: "
                    + "2 training examples have a NaN or infinite score (ids r1, r2)"), "\(refused.standardError)")
        #expect(!workspace.exists("runs.sqlite") && !workspace.exists("out"))

        try workspace.write(
            Self.spec(scores: "{kind: imported, path: s.npy, name: s, on_missing: drop}"), to: "dropped.yaml")
        let dropped = try Dietaudit.run(
            ["run", "dropped.yaml", "--db", "runs.sqlite", "--out", "out", "--json", "out/r.json", "--quiet"],
            in: workspace.url)
        #expect(dropped.exitCode == 1, "\(dropped.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(try workspace.read("out/r.json").utf8)) as? [String: Any]
        let dataset = try #require(json?["dataset"] as? [String: Any])
        #expect(dataset["dropped_examples"] as? Int == 2)
        #expect(dataset["train"] as? Int == 398)
        let problems = try #require(dataset["join_problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["problem"] as? String == "not_finite")
        #expect(problems.first?["examples"] as? [String] == ["r1", "r2"])
        let report = try workspace.read("out/planted-only.md")
        #expect(report.contains("2 training examples were dropped from the audit, for every score"))
    }
}
