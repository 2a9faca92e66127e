import DietAuditTestSupport
import Foundation
import Testing

/// The built binary, run as a user or a CI job would run it.
@Suite(.serialized) struct EndToEndTests {
    @Test func plantedSkewFailsTheGate() throws {
        let workspace = try Workspace.planted()
        let result = try Dietaudit.run(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--json", "out/planted.json", "--quiet"],
            in: workspace.url)
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("run 1: verdict FAIL, gate failed (fail-on fail; findings: 3 fail,"))
        let json =
            try JSONSerialization.jsonObject(with: Data(try workspace.read("out/planted.json").utf8)) as? [String: Any]
        let findings = try #require(json?["findings"] as? [[String: Any]])
        let failing = Set(
            findings.filter { $0["severity"] as? String == "fail" }.map { "\($0["attribute"]!)/\($0["group"]!)" })
        #expect(failing == ["group/B", "group×class/B×no", "group×class/B×yes"])
        let report = try workspace.read("out/planted.md")
        #expect(report.contains("**Verdict: FAIL**"))

        let junit = try Dietaudit.run(
            ["report", "1", "--db", "runs.sqlite", "--out", "out", "--junit", "ci/junit.xml"], in: workspace.url)
        #expect(junit.exitCode == 1)
        #expect(try workspace.read("ci/junit.xml").contains("failures=\"3\""))

        let never = try Dietaudit.run(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--fail-on", "never", "--quiet"],
            in: workspace.url)
        #expect(never.exitCode == 0)

        let runs = try Dietaudit.run(["runs", "--db", "runs.sqlite"], in: workspace.url)
        #expect(runs.exitCode == 0)
        let lines = runs.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("2 ") && lines[2].hasPrefix("1 "))

        let again = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "again"], in: workspace.url)
        #expect(again.exitCode == 1)
        #expect(try workspace.read("again/planted.md") == report)

        let export = try Dietaudit.run(
            ["export", "scores", "1", "--db", "runs.sqlite", "--csv", "scores-out.csv"], in: workspace.url)
        #expect(export.exitCode == 0)
        let csv = try workspace.read("scores-out.csv").split(separator: "\n")
        #expect(csv.first == "id,label,imported:s")
        #expect(csv.count == 321)
    }

    @Test func proportionalPruningPassesTheGate() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: false)
        try workspace.write(Workspace.spec, to: "planted.yaml")
        let result = try Dietaudit.run(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("run 1: verdict PASS, gate passed"), "\(result.standardOutput)")
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
    /// scores did: the composition rows of both runs are equal — also for a
    /// higher-is-easier score (aum), re-imported with the spec entries the
    /// export prints (`higher_is: easier`).
    @Test func exportedScoresReimportToTheSameAudit() throws {
        let workspace = try Workspace()
        let digits = repositoryRoot().appendingPathComponent("datasets/digits.csv").path
        let common = """
            dataset: {path: \(digits), label: label, scaling: minmax}
            model: {kind: softmax}
            training: {epochs: 2, seeds: 2}
            pruning: {fractions: [0.5], policies: [keep_hard, random], retrain: {seeds: 0}}

            """
        try workspace.write(
            "audit: trained\n" + common + "scores: [{kind: el2n, epoch: 1}, {kind: aum}]\n", to: "trained.yaml")
        _ = try Dietaudit.run(
            ["run", "trained.yaml", "--db", "r.sqlite", "--json", "trained.json", "--fail-on", "never", "--quiet"],
            in: workspace.url)
        let export = try Dietaudit.run(
            ["export", "scores", "latest", "--db", "r.sqlite", "--csv", "s.csv"], in: workspace.url)
        #expect(export.exitCode == 0)
        let entries = export.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  - {kind: imported") }
        #expect(
            entries == [
                "  - {kind: imported, path: \"s.csv\", column: \"el2n@1\", id_column: id, higher_is: harder}",
                "  - {kind: imported, path: \"s.csv\", column: \"aum\", id_column: id, higher_is: easier}",
            ])
        try workspace.write(
            "audit: imported\n" + common + "scores:\n" + entries.joined(separator: "\n") + "\n", to: "imported.yaml")
        let imported = try Dietaudit.run(
            ["run", "imported.yaml", "--db", "r.sqlite", "--json", "imported.json", "--fail-on", "never", "--quiet"],
            in: workspace.url)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        func keepHardRows(_ file: String) throws -> [[String: String]] {
            let json = try JSONSerialization.jsonObject(with: Data(try workspace.read(file).utf8)) as? [String: Any]
            let rows = (json?["composition"] as? [[String: Any]] ?? []).filter {
                $0["policy"] as? String == "keep_hard"
            }
            return rows.map { row in
                row.mapValues { "\($0)" }.merging([
                    "score": ("\(row["score"]!)").replacingOccurrences(of: "imported:", with: "")
                ]) { $1 }
            }
        }
        let trainedRows = try keepHardRows("trained.json")
        #expect(trainedRows.count == 20)
        #expect(trainedRows == (try keepHardRows("imported.json")))
    }

    /// Seeds at the top of Int64 and UInt64 run, store, report and export:
    /// derived seeds wrap (base &+ k), the stored bit pattern reads back unsigned.
    @Test func extremeSeedsRunAndExport() throws {
        let workspace = try Workspace()
        let digits = repositoryRoot().appendingPathComponent("datasets/digits.csv").path
        for (index, seed) in ["9223372036854775807", "18446744073709551615"].enumerated() {
            try workspace.write(
                """
                audit: seeds
                dataset: {path: \(digits), label: label, scaling: minmax}
                model: {kind: softmax}
                training: {epochs: 1, seeds: 2, seed: \(seed)}
                scores: [{kind: el2n, epoch: 1}]
                pruning: {fractions: [0.3], policies: [keep_hard, random], retrain: {seeds: 1}}

                """, to: "s\(index).yaml")
            let run = try Dietaudit.run(
                [
                    "run", "s\(index).yaml", "--db", "r.sqlite", "--json", "s\(index).json", "--fail-on", "never",
                    "--quiet",
                ],
                in: workspace.url)
            #expect(run.exitCode == 0, "\(run.standardError)")
            #expect(try workspace.read("s\(index).json").contains("\"seed\": \(seed)"))
            let export = try Dietaudit.run(
                ["export", "scores", "latest", "--db", "r.sqlite", "--csv", "e\(index).csv"], in: workspace.url)
            #expect(export.exitCode == 0, "\(export.standardError)")
            let header = try workspace.read("e\(index).csv").split(separator: "\n").first.map(String.init)
            let next = index == 0 ? "9223372036854775808" : "0"
            #expect(header == "id,label,el2n@1,el2n@1#\(seed),el2n@1#\(next)")
        }
    }

    @Test func germanCreditDefaultAudit() throws {
        let workspace = try Workspace()
        let spec = repositoryRoot().appendingPathComponent("audits/german-credit.yaml").path
        let result = try Dietaudit.run(
            ["run", spec, "--db", "g.sqlite", "--out", "out", "--json", "g.json", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 1, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try workspace.read("g.json").utf8)) as? [String: Any])
        let dataset = try #require(json["dataset"] as? [String: Any])
        #expect(dataset["train"] as? Int == 800 && dataset["test"] as? Int == 200)
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["data_sha256"] as? String == "f11767a1e0f918bc2ede4fa4e342bc3899a068ab6ab37a271fddce48302af701")
        #expect(run["status"] as? String == "complete")
        let validity = try #require(json["validity"] as? [[String: Any]])
        #expect(
            validity.map { $0["score"] as? String } == ["el2n@2", "grand@0", "grand@2", "forgetting", "input_norm"])
        // The gate fails, so failing plans get recommendations, and one passes the ruleset.
        let recommendations = try #require(json["recommendations"] as? [[String: Any]])
        #expect(!recommendations.isEmpty)
        #expect(recommendations.contains { $0["passes"] as? Bool == true && $0["remedy"] is String })
        let report = try workspace.read("out/german-credit.md")
        #expect(report.contains("## Recommendations") && report.contains("- Recommendation: instead of removing"))
        // Hundreds of findings, yet the summary stays within a dozen lines and names the three worst groups.
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count > 500)
        let summary = try #require(
            report.components(separatedBy: "\n## Summary\n").last?.components(separatedBy: "\n## ").first)
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 12, "summary has \(lines.count) lines")
        #expect(lines.filter { $0.hasPrefix("- **fail** `disproportionate-removal`") }.count == 3)
    }
}
