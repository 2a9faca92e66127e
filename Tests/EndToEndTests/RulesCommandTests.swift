import DietAuditTestSupport
import Foundation
import Testing

/// `dietaudit rules check|metrics`, the shipped rulesets, and a
/// `compare_to: previous` rule across two runs of one audit.
@Suite(.serialized) struct RulesCommandTests {
    static func shippedRulesets() throws -> [String] {
        let directory = repositoryRoot().appendingPathComponent("rulesets")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test func everyShippedRulesetChecks() throws {
        for path in try Self.shippedRulesets() {
            let result = try Dietaudit.run(["rules", "check", path], in: repositoryRoot())
            #expect(result.exitCode == 0, "\(path): \(result.standardError)")
            #expect(result.standardOutput.hasPrefix("\(path): OK — "), "\(result.standardOutput)")
        }
        let defaultPath = repositoryRoot().appendingPathComponent("rulesets/default.yaml").path
        let result = try Dietaudit.run(["rules", "check", defaultPath], in: repositoryRoot())
        #expect(
            result.standardOutput == "\(defaultPath): OK — 4 rules (disproportionate-removal, "
                + "over-representation, composition-shift, accuracy-cost)\n")
    }

    @Test func misspeltMetricIsLocatedWithASuggestion() throws {
        let workspace = try Workspace()
        try workspace.write(
            """
            ruleset: typo
            rules:
              - id: a
                metric: retention_ration
                fail_if: {below: 0.8}
            """, to: "typo.yaml")
        let result = try Dietaudit.run(["rules", "check", "typo.yaml"], in: workspace.url)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError.hasPrefix(
                "error: typo.yaml:4:13: rules[0].metric: unknown metric "
                    + "'retention_ration'"))
        #expect(result.standardError.contains("did you mean 'retention_ratio'?"))
        let missing = try Dietaudit.run(["rules", "check", "absent.yaml"], in: workspace.url)
        #expect(missing.exitCode == 2 && missing.standardError.contains("absent.yaml"))
    }

    @Test func metricsListTheCatalog() throws {
        let text = try Dietaudit.run(["rules", "metrics"], in: repositoryRoot())
        #expect(text.exitCode == 0)
        let lines = text.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("n — group") == true)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.contains { $0.hasPrefix("impact_ratio ") && $0.contains("higher") })
        #expect(lines.contains { $0.hasPrefix("equalized_odds_difference_delta_vs_full ") })
        let json = try Dietaudit.run(["rules", "metrics", "--json"], in: repositoryRoot())
        #expect(json.exitCode == 0)
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
                as? [[String: Any]])
        let impact = try #require(objects.first { $0["name"] as? String == "impact_ratio" })
        #expect(impact["level"] as? String == "group" && impact["better"] as? String == "higher")
        #expect(objects.first { $0["name"] as? String == "p_value" }?["better"] is NSNull)
        #expect(
            (objects.first { $0["name"] as? String == "accuracy" }?["reported_names"] as? [String])?
                .contains("accuracy_ci_low") == true)
    }

    static let regressionRules = """
        ruleset: regressions
        rules:
          - id: retention-regression
            description: A group's retention moves more than 0.05 further from proportional than last time.
            metric: retention_ratio
            applies_to: [attribute]
            policies: [keep_hard]
            compare_to: previous
            by: 0.05
            severity: fail
        """

    /// Run 1 (uniform scores) has nothing to compare with: insufficient
    /// evidence at warn, the gate passes. Run 2 (group B planted with low
    /// scores, so keep_hard removes it) breaches against run 1.
    @Test func regressionAcrossTwoRuns() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: false)
        try workspace.write(Self.regressionRules, to: "regressions.yaml")
        try workspace.write(Workspace.spec + "\nruleset: regressions.yaml\n", to: "planted.yaml")
        let arguments = ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet"]
        let first = try Dietaudit.run(arguments + ["--json", "first.json"], in: workspace.url)
        #expect(first.exitCode == 0, "\(first.standardError)")
        let firstJSON = try Self.json(workspace, "first.json")
        let firstFindings = try #require(firstJSON["findings"] as? [[String: Any]])
        #expect(firstFindings.map { $0["comparison"] as? String } == ["no_previous_run"])
        #expect(firstFindings.first?["severity"] as? String == "warn")
        #expect((firstJSON["gate"] as? [String: Any])?["passed"] as? Bool == true)

        try workspace.writePlantedData(planted: true)
        let second = try Dietaudit.run(arguments + ["--json", "second.json"], in: workspace.url)
        #expect(second.exitCode == 1, "\(second.standardError)")
        let secondJSON = try Self.json(workspace, "second.json")
        let findings = try #require(secondJSON["findings"] as? [[String: Any]])
        let breach = try #require(findings.first { $0["group"] as? String == "B" })
        #expect(breach["severity"] as? String == "fail" && breach["comparison"] as? String == "below")
        let before = try Self.retention(firstJSON, group: "B"), after = try Self.retention(secondJSON, group: "B")
        #expect(after < before - 0.05)
        let distance = abs(after - 1) - abs(before - 1)
        #expect(
            breach["message"] as? String == "Pruning 30% with keep_hard by imported:s, group 'B' of group: "
                + "retention_ratio fell from \(Self.metric(before)) (run 1) to \(Self.metric(after)), "
                + "\(Self.metric(distance)) further from 1, more than the allowed 0.05.")
        // A third run with the same data judges against run 2: no move, no finding.
        let third = try Dietaudit.run(arguments + ["--json", "third.json"], in: workspace.url)
        #expect(third.exitCode == 0, "\(third.standardError)")
        #expect((try Self.json(workspace, "third.json")["findings"] as? [[String: Any]])?.isEmpty == true)
    }

    /// The shipped error-parity ruleset on a retraining audit with a positive
    /// label: the new metrics reach the stored run's JSON (impact_ratio per
    /// group, the disparity deltas per attribute of a plan, null for `full`),
    /// and the regression rule has nothing to compare with on the first run.
    @Test func errorParityRulesetAndNewMetricsFlowToTheReport() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        let ruleset = repositoryRoot().appendingPathComponent("rulesets/error-parity.yaml").path
        let spec = Workspace.spec
            .replacingOccurrences(of: "  label: label", with: "  label: label\n  positive_label: \"yes\"")
            .replacingOccurrences(of: "retrain: {seeds: 0}", with: "retrain: {seeds: 2}")
        try workspace.write(spec + "\nruleset: \(ruleset)\n", to: "parity.yaml")
        let result = try Dietaudit.run(
            [
                "run", "parity.yaml", "--db", "runs.sqlite", "--out", "out", "--quiet",
                "--json", "parity.json",
            ], in: workspace.url)
        #expect(result.exitCode == 0 || result.exitCode == 1, "\(result.standardError)")
        let json = try Self.json(workspace, "parity.json")
        let composition = try #require(json["composition"] as? [[String: Any]])
        #expect(composition.allSatisfy { $0["impact_ratio"] is NSNumber })
        #expect(composition.contains { ($0["impact_ratio"] as? Double ?? 1) < 0.8 && $0["group"] as? String == "B" })
        let attributes = try #require(json["attributes"] as? [[String: Any]])
        let name = "demographic_parity_difference_delta_vs_full"
        let planRow = try #require(
            attributes.first {
                $0["policy"] as? String == "keep_hard" && $0["attribute"] as? String == "group"
            })
        let fullRow = try #require(
            attributes.first {
                $0["policy"] as? String == "full" && $0["attribute"] as? String == "group"
            })
        #expect(planRow[name] is NSNumber && planRow[name + "_ci_high"] is NSNumber)
        #expect(fullRow[name] is NSNull && fullRow["demographic_parity_difference"] is NSNumber)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(
            findings.contains {
                $0["rule_id"] as? String == "worst-group-regression" && $0["comparison"] as? String == "no_previous_run"
            })
    }

    static func json(_ workspace: Workspace, _ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try workspace.read(name).utf8)) as? [String: Any])
    }

    static func retention(_ json: [String: Any], group: String) throws -> Double {
        let rows = try #require(json["composition"] as? [[String: Any]])
        let row = try #require(
            rows.first {
                $0["policy"] as? String == "keep_hard" && $0["attribute"] as? String == "group"
                    && $0["group"] as? String == group
            })
        return try #require(row["retention_ratio"] as? Double)
    }

    /// As messages write a metric (three significant digits).
    static func metric(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3g", value)
    }
}
