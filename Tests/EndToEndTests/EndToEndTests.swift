import DietAuditTestSupport
import Foundation
import Testing

/// The built binary, run as a user or a CI job would run it.
@Suite(.serialized) struct EndToEndTests {
    @Test func plantedSkewFailsTheGate() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(Workspace.spec, to: "planted.yaml")
        let result = try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--json", "out/planted.json", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("run 1: gate FAILED (fail-on fail; findings: 3 fail,"))
        let json = try JSONSerialization.jsonObject(with: Data(try workspace.read("out/planted.json").utf8)) as? [String: Any]
        let findings = try #require(json?["findings"] as? [[String: Any]])
        let failing = Set(findings.filter { $0["severity"] as? String == "fail" }.map { "\($0["attribute"]!)/\($0["group"]!)" })
        #expect(failing == ["group/B", "group×class/B×no", "group×class/B×yes"])
        let report = try workspace.read("out/planted.md")
        #expect(report.contains("**Verdict: FAILED**"))

        let junit = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "out", "--junit", "ci/junit.xml"], in: workspace.url)
        #expect(junit.exitCode == 1)
        #expect(try workspace.read("ci/junit.xml").contains("failures=\"3\""))

        let never = try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--fail-on", "never", "--quiet"], in: workspace.url)
        #expect(never.exitCode == 0)

        let runs = try Dietaudit.run(["runs", "--db", "runs.sqlite"], in: workspace.url)
        #expect(runs.exitCode == 0)
        let lines = runs.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("2 ") && lines[2].hasPrefix("1 "))

        let again = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "again"], in: workspace.url)
        #expect(again.exitCode == 1)
        #expect(try workspace.read("again/planted.md") == report)

        let export = try Dietaudit.run(["export", "scores", "1", "--db", "runs.sqlite", "--csv", "scores-out.csv"], in: workspace.url)
        #expect(export.exitCode == 0)
        let csv = try workspace.read("scores-out.csv").split(separator: "\n")
        #expect(csv.first == "id,label,imported:s")
        #expect(csv.count == 321)
    }

    @Test func proportionalPruningPassesTheGate() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: false)
        try workspace.write(Workspace.spec, to: "planted.yaml")
        let result = try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("run 1: gate PASSED"))
    }

    /// Every shipped spec reads, checks and loads its data without writing anything.
    @Test(arguments: ["german-credit", "digits", "compas"])
    func shippedSpecsValidate(name: String) throws {
        let workspace = try Workspace()
        let spec = repositoryRoot().appendingPathComponent("audits/\(name).yaml").path
        let result = try Dietaudit.run(["validate", spec], in: workspace.url)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(": OK — "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).isEmpty)
    }

    @Test func compasAuditKeepsProPublicaRows() throws {
        let spec = repositoryRoot().appendingPathComponent("audits/compas.yaml").path
        let result = try Dietaudit.run(["validate", spec], in: try Workspace().url)
        // 6,172 rows pass the filter; 20% of each class is held out: round(0.2·3,363) + round(0.2·2,809) = 673 + 562.
        #expect(result.standardOutput.contains("4937 training and 1235 test examples"))
    }

    /// Exported scores imported into a new audit prune exactly as the audited
    /// scores did: the composition rows of both runs are equal.
    @Test func exportedScoresReimportToTheSameAudit() throws {
        let workspace = try Workspace()
        let digits = repositoryRoot().appendingPathComponent("datasets/digits.csv").path
        let common = """
        dataset: {path: \(digits), label: label, scaling: minmax}
        model: {kind: softmax}
        training: {epochs: 2, seeds: 2}
        pruning: {fractions: [0.5], policies: [keep_hard, random], retrain: {seeds: 0}}

        """
        try workspace.write("audit: trained\n" + common + "scores: [{kind: el2n, epoch: 1}]\n", to: "trained.yaml")
        try workspace.write("audit: imported\n" + common + "scores: [{kind: imported, path: s.csv, column: \"el2n@1\", id_column: id}]\n", to: "imported.yaml")
        _ = try Dietaudit.run(["run", "trained.yaml", "--db", "r.sqlite", "--json", "trained.json", "--fail-on", "never", "--quiet"], in: workspace.url)
        #expect(try Dietaudit.run(["export", "scores", "latest", "--db", "r.sqlite", "--csv", "s.csv"], in: workspace.url).exitCode == 0)
        let imported = try Dietaudit.run(["run", "imported.yaml", "--db", "r.sqlite", "--json", "imported.json", "--fail-on", "never", "--quiet"], in: workspace.url)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        func keepHardRows(_ file: String) throws -> [[String: String]] {
            let json = try JSONSerialization.jsonObject(with: Data(try workspace.read(file).utf8)) as? [String: Any]
            let rows = (json?["composition"] as? [[String: Any]] ?? []).filter { $0["policy"] as? String == "keep_hard" }
            return rows.map { row in row.filter { $0.key != "score" }.mapValues { "\($0)" } }
        }
        let trainedRows = try keepHardRows("trained.json")
        #expect(trainedRows.count == 10)
        #expect(trainedRows == (try keepHardRows("imported.json")))
    }

    @Test func germanCreditDefaultAudit() throws {
        let workspace = try Workspace()
        let spec = repositoryRoot().appendingPathComponent("audits/german-credit.yaml").path
        let result = try Dietaudit.run(["run", spec, "--db", "g.sqlite", "--out", "out", "--json", "g.json", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 1, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try workspace.read("g.json").utf8)) as? [String: Any])
        let dataset = try #require(json["dataset"] as? [String: Any])
        #expect(dataset["train"] as? Int == 800 && dataset["test"] as? Int == 200)
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["data_sha256"] as? String == "f11767a1e0f918bc2ede4fa4e342bc3899a068ab6ab37a271fddce48302af701")
        #expect(run["status"] as? String == "complete")
        let validity = try #require(json["validity"] as? [[String: Any]])
        #expect(validity.map { $0["score"] as? String } == ["el2n@2", "grand@0", "grand@2", "forgetting", "input_norm"])
    }
}
