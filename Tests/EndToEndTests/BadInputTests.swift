import DietAuditTestSupport
import Foundation
import Testing

/// Bad input ends with exit code 2, a message naming the file and the line
/// or key, and no change to the database.
@Suite struct BadInputTests {
    /// Runs `spec` (written as `spec.yaml`) in a workspace with the planted
    /// data and returns the result; checks that no database was created.
    func runBad(spec: String, extraFiles: [String: String] = [:], arguments: [String]? = nil) throws -> CommandResult {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(spec, to: "spec.yaml")
        for (name, text) in extraFiles { try workspace.write(text, to: name) }
        let result = try Dietaudit.run(
            arguments ?? ["run", "spec.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url)
        #expect(result.exitCode == 2, "exit \(result.exitCode): \(result.standardError)")
        #expect(!workspace.exists("runs.sqlite"), "a database was written for bad input")
        #expect(!workspace.exists("reports"), "a report folder was written for bad input")
        return result
    }

    @Test func missingSpecFile() throws {
        let result = try runBad(spec: "", arguments: ["run", "nope.yaml", "--db", "runs.sqlite", "--quiet"])
        #expect(result.standardError == "error: nope.yaml: audit spec not found\n")
    }

    @Test func missingDataFile() throws {
        let spec = Workspace.spec.replacingOccurrences(of: "path: data.csv", with: "path: missing.csv")
        let result = try runBad(spec: spec)
        #expect(result.standardError.contains("missing.csv"))
    }

    @Test func unknownColumnSuggests() throws {
        let spec = Workspace.spec.replacingOccurrences(of: "attributes: [group]", with: "attributes: [grup]")
        let result = try runBad(spec: spec)
        #expect(result.standardError.hasPrefix("error: spec.yaml:6:"))
        #expect(result.standardError.contains("'grup'"))
        #expect(result.standardError.contains("did you mean 'group'?"))
    }

    @Test func unknownSpecKeyIsLocated() throws {
        let spec = Workspace.spec.replacingOccurrences(of: "  label: label", with: "  lable: label")
        let result = try runBad(spec: spec)
        #expect(result.standardError.hasPrefix("error: spec.yaml:4:3: dataset.lable: unknown key 'lable'"))
        #expect(result.standardError.contains("did you mean 'label'?"))
    }

    @Test func singleClassLabel() throws {
        var rows = ["id,x1,group,label"]
        for row in 1...20 { rows.append("r\(row),\(row),A,yes") }
        let spec = Workspace.spec.replacingOccurrences(of: "path: data.csv", with: "path: one.csv")
        let result = try runBad(spec: spec, extraFiles: ["one.csv": rows.joined(separator: "\n") + "\n"])
        #expect(result.standardError.contains("label"))
        #expect(result.standardError.contains("yes"))
    }

    @Test func nonNumericValueInNumericColumn() throws {
        var rows = ["id,x1,x2,group,label"]
        for row in 1...50 { rows.append("r\(row),\(row == 17 ? "abc" : "\(row)"),1,A,\(row % 2 == 0 ? "yes" : "no")") }
        let spec = Workspace.spec.replacingOccurrences(of: "path: data.csv", with: "path: bad.csv")
        let result = try runBad(spec: spec, extraFiles: ["bad.csv": rows.joined(separator: "\n") + "\n"])
        #expect(result.standardError.hasPrefix("error: bad.csv:18"))
        #expect(result.standardError.contains("'abc' is not a number"))
    }

    @Test func rulesetWithUnknownMetric() throws {
        let ruleset = "ruleset: r\nrules:\n  - id: a\n    metric: retention_rate\n    fail_if: {below: 0.8}\n"
        let result = try runBad(spec: Workspace.spec + "\nruleset: rules.yaml\n", extraFiles: ["rules.yaml": ruleset])
        #expect(
            result.standardError.hasPrefix("error: rules.yaml:4:13: rules[0].metric: unknown metric 'retention_rate'"))
        #expect(result.standardError.contains("did you mean 'retention_ratio'?"))
    }

    @Test func importedScoresMissingIds() throws {
        let result = try runBad(spec: Workspace.spec, extraFiles: ["scores.csv": "id,s\nr1,0.5\n"])
        #expect(result.standardError.contains("scores.csv"))
        #expect(result.standardError.contains("319 training examples have no score in scores.csv (ids r3, r4, r5"))
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try runBad(spec: Workspace.spec, arguments: ["run", "spec.yaml", "--fail-on", "sometimes"])
        #expect(result.standardError.contains("sometimes"))
    }

    @Test func existingDatabaseIsLeftAsItWas() throws {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(Workspace.spec, to: "good.yaml")
        try workspace.write(Workspace.spec.replacingOccurrences(of: "label: label", with: "label: lbl"), to: "bad.yaml")
        #expect(
            try Dietaudit.run(["run", "good.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url).exitCode == 1)
        let before = try Data(contentsOf: workspace.url.appendingPathComponent("runs.sqlite"))
        let bad = try Dietaudit.run(["run", "bad.yaml", "--db", "runs.sqlite", "--quiet"], in: workspace.url)
        #expect(bad.exitCode == 2)
        #expect(try Data(contentsOf: workspace.url.appendingPathComponent("runs.sqlite")) == before)
    }
}
