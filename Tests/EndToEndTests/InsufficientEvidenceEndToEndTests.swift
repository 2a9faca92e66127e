import DietAuditTestSupport
import Foundation
import GRDB
import Testing

/// Rules on the `full` baseline, rows the rules cannot judge, and the
/// verdicts and exit codes that follow, through the built binary.
@Suite(.serialized) struct InsufficientEvidenceEndToEndTests {
    /// The planted data (400 rows, group B every fourth) with retraining: two
    /// scoring seeds, two retraining seeds, two epochs each.
    static func spec(ruleset: String, retrainSeeds: Int) -> String {
        """
        audit: planted
        dataset:
          path: data.csv
          label: label
          positive_label: "yes"
          id: id
          attributes: [group]
          test: {fraction: 0.2}
        model: {kind: softmax}
        training: {epochs: 2, seeds: 2, batch_size: 64}
        scores:
          - {kind: imported, path: scores.csv, column: s, id_column: id}
        pruning:
          fractions: [0.3]
          policies: [keep_hard, random]
          retrain: {seeds: \(retrainSeeds)}
        ruleset: \(ruleset)
        """
    }

    static func json(_ workspace: Workspace, _ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try workspace.read(name).utf8)) as? [String: Any])
    }

    /// A rule on `accuracy` without `policies` judges the `full` baseline too
    /// (no score, no fraction): every row breaches `below: 1.01` at `warn`.
    @Test func accuracyRuleJudgesTheBaseline() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(
            """
            ruleset: floor
            rules:
              - id: accuracy-floor
                metric: accuracy
                fail_if: {below: 1.01}
                severity: warn
            """, to: "floor.yaml")
        try workspace.write(Self.spec(ruleset: "floor.yaml", retrainSeeds: 2), to: "planted.yaml")
        let run = try Dietaudit.run(
            [
                "run", "planted.yaml", "--db", "runs.sqlite", "--out", "out",
                "--json", "out/planted.json", "--junit", "out/junit.xml", "--quiet",
            ],
            in: workspace.url)
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.hasPrefix("run 1: verdict WARN, gate passed (fail-on fail; findings: 0 fail, "),
            "\(run.standardOutput)")
        let json = try Self.json(workspace, "out/planted.json")
        let findings = try #require(json["findings"] as? [[String: Any]])
        let baseline = findings.filter { $0["policy"] as? String == "full" }
        // class (2 groups), group (2), group×class (4): 8 baseline rows, all breached.
        #expect(baseline.count == 8)
        #expect(baseline.allSatisfy { $0["fraction"] is NSNull && $0["score"] is NSNull })
        #expect(baseline.allSatisfy { $0["outcome"] as? String == "breach" })
        #expect(baseline.allSatisfy { ($0["message"] as? String)?.hasPrefix("Without pruning, group '") == true })
        let gate = try #require(json["gate"] as? [String: Any])
        #expect(gate["verdict"] as? String == "WARN" && gate["passed"] as? Bool == true)
        #expect((gate["counts"] as? [String: Int])?["insufficient_evidence"] == 0)
        let report = try workspace.read("out/planted.md")
        #expect(report.contains("**Verdict: WARN** — the gate passes at `fail`"))
        #expect(report.contains("| warn | `accuracy-floor` | `full` | — |"))
        // Stored with a null fraction.
        let queue = try DatabaseQueue(path: workspace.url.appendingPathComponent("runs.sqlite").path)
        let nullFractions = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE policy = 'full' AND fraction IS NULL")
        }
        #expect(nullFractions == 8)
        // The same run judged at warn fails.
        let strict = try Dietaudit.run(
            ["report", "1", "--db", "runs.sqlite", "--out", "strict", "--fail-on", "warn"],
            in: workspace.url)
        #expect(strict.exitCode == 1)
        #expect(try workspace.read("strict/planted.md").contains("**Verdict: FAIL**"))
    }

    /// A composition rule whose `min_group_size` exceeds every group: every
    /// row is unjudged. `on_insufficient` decides the verdict and exit code.
    @Test(arguments: [("info", 0, "PASS"), ("warn", 0, "INSUFFICIENT EVIDENCE"), ("fail", 1, "INSUFFICIENT EVIDENCE")])
    func onInsufficientDecidesTheVerdict(level: String, exitCode: Int32, verdict: String) throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(
            """
            ruleset: huge-groups
            on_insufficient: \(level)
            rules:
              - id: retention
                metric: retention_ratio
                fail_if: {below: 0.8}
                only_if: {min_group_size: 100000}
            """, to: "rules.yaml")
        try workspace.write(Self.spec(ruleset: "rules.yaml", retrainSeeds: 0), to: "planted.yaml")
        let run = try Dietaudit.run(
            [
                "run", "planted.yaml", "--db", "runs.sqlite", "--out", "out",
                "--json", "out/planted.json", "--junit", "out/junit.xml",
                "--sarif", "out/planted.sarif", "--quiet",
            ], in: workspace.url)
        #expect(run.exitCode == exitCode, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("run 1: verdict \(verdict), gate \(exitCode == 0 ? "passed" : "failed")"))
        let json = try Self.json(workspace, "out/planted.json")
        let findings = try #require(json["findings"] as? [[String: Any]])
        // 2 plans × 8 groups, one finding each, none a breach.
        #expect(findings.count == 16)
        #expect(
            findings.allSatisfy {
                $0["outcome"] as? String == "insufficient_evidence" && $0["comparison"] as? String == "min_group_size"
                    && $0["severity"] as? String == level && $0["value"] is NSNull
            })
        let gate = try #require(json["gate"] as? [String: Any])
        #expect(gate["verdict"] as? String == verdict)
        #expect((gate["counts"] as? [String: Int])?["insufficient_evidence"] == 16)
        #expect((gate["counts"] as? [String: Int])?[level] == 0)
        let report = try workspace.read("out/planted.md")
        #expect(report.contains("**Verdict: \(verdict)**"))
        #expect(report.contains("| `retention` | group below min\\_group\\_size | \(level) | 16 |"))
        let junit = try workspace.read("out/junit.xml")
        if level == "fail" {
            #expect(junit.contains("failures=\"16\"") && junit.contains("<failure type=\"insufficient_evidence\""))
        } else {
            #expect(junit.contains("skipped=\"16\"") && junit.contains("<skipped message=\"\(level): Pruning 30%"))
        }
        let sarif = try Self.json(workspace, "out/planted.sarif")
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0["kind"] as? String == "review" && $0["level"] as? String == "none" })
    }

    @Test func unknownOnInsufficientIsBadInput() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write("ruleset: r\non_insufficient: fial\nrules: []\n", to: "rules.yaml")
        try workspace.write(Self.spec(ruleset: "rules.yaml", retrainSeeds: 0), to: "planted.yaml")
        let run = try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url)
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("rules.yaml:2:18"), "\(run.standardError)")
        #expect(run.standardError.contains("did you mean 'fail'?"), "\(run.standardError)")
        #expect(!workspace.exists("runs.sqlite"))
    }
}
