import DietAuditTestSupport
import Foundation
import Testing

/// What a CI job sees: SARIF, the GitHub step summary, `diff` and `runs --prune`.
@Suite(.serialized) struct CIOutputTests {
    @Test func sarifAndStepSummary() throws {
        let workspace = try Workspace.planted()
        let summary = workspace.url.appendingPathComponent("step-summary.md").path
        try workspace.write("# earlier step\n\n", to: "step-summary.md")
        let run = try Dietaudit.run(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--sarif", "ci/planted.sarif", "--quiet"],
            in: workspace.url, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(run.standardOutput.contains("sarif:  ci/planted.sarif"))

        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(try workspace.read("ci/planted.sarif").utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let errors = results.filter { $0["level"] as? String == "error" }
        #expect(errors.count == 3)
        let uris = Set(
            results.compactMap {
                ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                    "artifactLocation"]
                    as? [String: Any])?["uri"] as? String
            })
        #expect(uris == ["planted.yaml"])

        var text = try workspace.read("step-summary.md")
        #expect(text.hasPrefix("# earlier step\n\n### DietAudit: planted — FAIL\n"))
        #expect(text.contains("findings: 3 fail,"))
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("| fail |") }.count == 3)
        #expect(text.contains("Full report: `out/planted.md`"))

        // `report` appends a second section and writes the same SARIF again.
        let report = try Dietaudit.run(
            ["report", "1", "--db", "runs.sqlite", "--out", "out", "--sarif", "ci/again.sarif", "--fail-on", "never"],
            in: workspace.url, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(report.exitCode == 0, "\(report.standardError)")
        #expect(try workspace.read("ci/again.sarif") == workspace.read("ci/planted.sarif"))
        text = try workspace.read("step-summary.md")
        #expect(text.components(separatedBy: "### DietAudit: planted — ").count == 3)
        #expect(text.contains("### DietAudit: planted — WARN\n"))

        // Without the variable nothing is appended.
        _ = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "out"], in: workspace.url)
        #expect(try workspace.read("step-summary.md") == text)
    }

    @Test func diffOfTwoRuns() throws {
        let workspace = try Workspace.planted()
        let first = try runPlanted(in: workspace)
        #expect(first.exitCode == 1, "\(first.standardError)")
        try workspace.writePlantedData(planted: false)
        let second = try runPlanted(in: workspace)
        #expect(second.exitCode == 0, "\(second.standardError)")

        let diff = try Dietaudit.run(["diff", "1", "latest", "--db", "runs.sqlite"], in: workspace.url)
        #expect(diff.exitCode == 0, "\(diff.standardError)")
        #expect(diff.standardOutput.hasPrefix("# DietAudit diff: run 1 → run 2\n"))
        #expect(diff.standardOutput.contains("gate failed"))
        #expect(diff.standardOutput.contains("gate passed"))
        // Only the imported scores file changed; data_sha256 covers the data file.
        #expect(diff.standardOutput.contains("inputs: data same · spec same · ruleset same"))
        #expect(diff.standardOutput.contains("## Largest moves: `retention_ratio`"))

        let json = try Dietaudit.run(["diff", "1", "2", "--db", "runs.sqlite", "--json"], in: workspace.url)
        #expect(json.exitCode == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let disappeared = try #require(object["disappeared"] as? [[String: Any]])
        // The planted skew's three failing findings are gone in the proportional run.
        let failing = Set(
            disappeared.filter { $0["severity"] as? String == "fail" }
                .map { "\($0["attribute"]!)/\($0["group"]!)" })
        #expect(failing == ["group/B", "group×class/B×no", "group×class/B×yes"])
        let moves = try #require(object["moves"] as? [[String: Any]])
        let retention = try #require(
            moves.first { $0["metric"] as? String == "retention_ratio" }?["rows"] as? [[String: Any]])
        #expect(!retention.isEmpty && retention.count <= 10)

        let unknown = try Dietaudit.run(["diff", "1", "9", "--db", "runs.sqlite"], in: workspace.url)
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("no run with id 9"))

        // A run without results: a copy of run 1 marked running, whose recorded process is gone, so the
        // next open marks it abandoned.
        try python(
            """
            db = __import__("sqlite3").connect("runs.sqlite")
            db.execute("CREATE TEMP TABLE copy AS SELECT * FROM run WHERE id = 1")
            db.execute("UPDATE copy SET id = NULL, status = 'running', gate_passed = NULL")
            db.execute("INSERT INTO run SELECT * FROM copy")
            db.commit()
            """, in: workspace)
        let incomplete = try Dietaudit.run(["diff", "1", "3", "--db", "runs.sqlite"], in: workspace.url)
        #expect(incomplete.exitCode == 3)
        #expect(incomplete.standardError.contains("run 3 (planted) is abandoned"))
        #expect(incomplete.standardError.contains(", not complete"))
    }

    @Test func pruneKeepsTheNewestCompleteRuns() throws {
        let workspace = try Workspace.planted()
        for _ in 0..<3 {
            let run = try runPlanted(in: workspace)
            #expect(run.exitCode == 1, "\(run.standardError)")
        }
        let zero = try Dietaudit.run(["runs", "--db", "runs.sqlite", "--prune", "0"], in: workspace.url)
        #expect(zero.exitCode == 2)
        #expect(zero.standardError.contains("--prune must keep at least 1 complete run per audit, found 0"))

        let pruned = try Dietaudit.run(["runs", "--db", "runs.sqlite", "--prune", "2"], in: workspace.url)
        #expect(pruned.exitCode == 0, "\(pruned.standardError)")
        #expect(pruned.standardOutput.hasPrefix("deleted 1 run (ids 1) of 'planted'; kept the 2 newest complete runs"))
        let lines = pruned.standardOutput.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("3 ") && lines[3].hasPrefix("2 "))

        let again = try Dietaudit.run(["runs", "--db", "runs.sqlite", "--prune", "2"], in: workspace.url)
        #expect(again.standardOutput.hasPrefix("deleted no runs;"))
        let gone = try Dietaudit.run(["report", "1", "--db", "runs.sqlite", "--out", "out"], in: workspace.url)
        #expect(gone.exitCode == 2)
    }

    /// `dietaudit run planted.yaml` into `runs.sqlite`.
    func runPlanted(in workspace: Workspace) throws -> CommandResult {
        try Dietaudit.run(["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet"], in: workspace.url)
    }

    /// Runs a python3 script in the workspace.
    func python(_ script: String, in workspace: Workspace) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.currentDirectoryURL = workspace.url
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
