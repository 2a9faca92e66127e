import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReportTests {
    @Test func markdownSnapshot() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let report = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail)).render()
        assertSnapshot(report, named: "planted.md")
    }

    @Test func retentionChartSnapshot() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let svg = try #require(RetentionChart(stored).svg())
        assertSnapshot(svg, named: "planted-retention.svg")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("sex: female"))
        var report = MarkdownReport(stored, gate: Gate(findings: [], failOn: .fail))
        report.figures = [
            ReportChart(
                fileName: RetentionChart.fileName(audit: stored.run.audit), title: "Retention", description: "dots",
                placement: .composition, svg: svg)
        ]
        #expect(report.render().contains("![dots](planted-audit-retention.svg)"))
    }

    @Test func junitSnapshotIsWellFormed() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let ids = try Ruleset.builtInDefault().rules.map(\.id)
        let xml = JUnitReport.make(stored, gate: Gate(findings: stored.findings, failOn: .fail), ruleIds: ids)
        assertSnapshot(xml, named: "planted-junit.xml")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(
            xml.contains(
                "<testsuites name=\"dietaudit planted|audit run 1\" tests=\"7\" failures=\"3\" errors=\"0\" "
                    + "skipped=\"0\">"
            ))
        let lenient = JUnitReport.make(stored, gate: Gate(findings: stored.findings, failOn: nil), ruleIds: ids)
        #expect(lenient.contains("failures=\"0\" errors=\"0\" skipped=\"0\">"))
        #expect(JUnitReport.escape("a<b & \"c\"\u{01}") == "a&lt;b &amp; &quot;c&quot; ")
    }

    @Test func verdictFollowsTheGate() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let failed = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: .fail)).render()
        #expect(failed.contains("**Verdict: FAIL** — breaches at or above `fail` break the ruleset"))
        let passed = MarkdownReport(stored, gate: Gate(findings: stored.findings, failOn: nil)).render()
        #expect(passed.contains("**Verdict: WARN** — the gate passes at `never`"))
    }

    @Test func groupLabelsAreEscaped() throws {
        #expect(Markdown.escape("a|b <25 *x*") == "a\\|b \\<25 \\*x\\*")
        let (_, stored) = try Fixtures.storedPlantedRun()
        let report = MarkdownReport(stored, gate: Gate(findings: [], failOn: .fail)).render()
        #expect(report.hasPrefix("# DietAudit report: planted\\|audit\n"))
    }

    @Test func jsonHasTheContractKeys() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let text = JSONReport.make(stored, gate: Gate(findings: stored.findings, failOn: .fail)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "dietaudit.report/v1")
        for key in [
            "run", "dataset", "scores", "composition", "attributes", "error_risk", "validity", "findings", "gate",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let run = try #require(object["run"] as? [String: Any])
        for key in [
            "id", "audit", "started_at", "tool_version", "data_sha256", "spec_sha256", "ruleset_sha256", "status",
        ] {
            #expect(run[key] != nil, "missing run.\(key)")
        }
        let rows = try #require(object["composition"] as? [[String: Any]])
        let female = try #require(
            rows.first { $0["group"] as? String == "female" && $0["policy"] as? String == "keep_hard" })
        for key in ["score", "policy", "fraction", "attribute", "group", "n", "removed", "kept"]
            + CompositionRowNames.all
        {
            #expect(female[key] != nil, "missing composition.\(key)")
        }
        #expect(female["n"] as? Int == 200)
        let random = try #require(rows.first { $0["policy"] as? String == "random" })
        #expect(random["score"] is NSNull)
        let errorRows = try #require(object["error_risk"] as? [[String: Any]])
        let paying = try #require(
            errorRows.first { $0["group"] as? String == "female" && $0["policy"] as? String == "keep_hard" })
        for key in [
            "accuracy", "accuracy_std", "accuracy_ci_low", "accuracy_ci_high", "accuracy_delta_vs_full",
            "accuracy_delta_vs_random", "selection_rate", "expected_calibration_error",
        ] {
            #expect(paying[key] != nil, "missing error_risk.\(key)")
        }
        // mean of [-0.17, -0.16, -0.19] (numpy.mean) = -0.17333333333333334 (Tests/References/report_delta.py)
        #expect(abs((paying["accuracy_delta_vs_random"] as? Double ?? 0) + 0.17333333333333334) < 1e-12)
        #expect(paying["selection_rate"] is NSNull)
        let attributeRows = try #require(object["attributes"] as? [[String: Any]])
        let full = try #require(attributeRows.first { $0["policy"] as? String == "full" })
        #expect(full["tvd"] is NSNull && full["fraction"] is NSNull)
        #expect(full["worst_group_accuracy"] as? Double != nil)
        let planted = try #require(
            attributeRows.first { $0["policy"] as? String == "keep_hard" && $0["attribute"] as? String == "sex" })
        #expect(planted["tvd"] as? Double != nil && planted["accuracy_gap"] as? Double != nil)
        let gate = try #require(object["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        #expect(gate["fail_on"] as? String == "fail")
    }

    @Test func scoreExportHasSeedColumns() throws {
        let (database, stored) = try Fixtures.storedPlantedRun()
        let csv = try ScoreExport.csv(stored, database: database)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "id,label,planted")
        #expect(lines.count == 1001)
        #expect(ScoreExport.quote("a,b") == "\"a,b\"")
    }

    @Test func runsTableStartsWithId() throws {
        let (database, _) = try Fixtures.storedPlantedRun()
        let table = RunsTable.render(try database.runs())
        let lines = table.split(separator: "\n")
        #expect(lines[0].hasPrefix("id  audit"))
        #expect(lines[1].hasPrefix("1   planted|audit  complete  failed"))
    }

    @Test func jsonEscapes() {
        let value = JSONValue.object([("a\"b", .string("line\nnext\u{01}")), ("n", .number(nil)), ("x", .number(0.1))])
        #expect(value.serialized(pretty: false) == "{\"a\\\"b\":\"line\\nnext\\u0001\",\"n\":null,\"x\":0.1}")
    }
}

/// The composition metric names of DESIGN.md, written out independently of the code.
enum CompositionRowNames {
    static let all = [
        "removal_rate", "expected_removed", "excess_removal", "retention_ratio", "removal_ratio", "share_before",
        "share_after", "representation_ratio", "ci_low", "ci_high", "p_value", "q_value",
    ]
}
