import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Insufficient-evidence findings in every output: the Markdown summary (per
/// rule and reason, not one line each), JSON `outcome` and `gate.verdict`,
/// JUnit `<skipped>`, SARIF kind `review`, the step summary's verdict.
@Suite struct InsufficientEvidenceReportTests {
    /// The planted run without its breaches, plus `count` unjudged rows of one
    /// rule (small groups) and one of another (an undefined metric).
    static func unjudgedRun(count: Int, severity: Severity = .warn) throws -> StoredRun {
        var (_, stored) = try Fixtures.storedPlantedRun()
        stored.findings =
            (0..<count).map { index in
                Finding(
                    ruleId: "disproportionate-removal", severity: severity, score: "planted", policy: "keep_hard",
                    fraction: 0.3, attribute: "sex", group: "g\(index)", metric: "retention_ratio", value: nil,
                    threshold: 20, comparison: "min_group_size",
                    message: "Pruning 30% with keep_hard by planted, group 'g\(index)' of sex has n = 3, below the "
                        + "rule's minimum of 20 (min_group_size), so retention_ratio was not judged.",
                    outcome: .insufficientEvidence)
            } + [
                Finding(
                    ruleId: "accuracy-cost", severity: severity, score: nil, policy: "full", fraction: nil,
                    attribute: "sex", group: "female", metric: "accuracy_ci_low", value: nil, threshold: nil,
                    comparison: "undefined",
                    message: "Without pruning, accuracy_ci_low of group 'female' of sex is "
                        + "undefined: one retraining seed gives no spread.", outcome: .insufficientEvidence)
            ]
        return stored
    }

    @Test func markdownSummarisesPerRuleAndReason() throws {
        let stored = try Self.unjudgedRun(count: 300)
        let gate = Gate(findings: stored.findings, failOn: .fail)
        let report = MarkdownReport(stored, gate: gate).render()
        #expect(
            report.contains(
                "**Verdict: INSUFFICIENT EVIDENCE** — no rule was broken at `warn` or above, but 301 "
                    + "rows could not be judged"))
        #expect(report.contains("findings: 0 fail, 0 warn, 0 info, 301 insufficient evidence"))
        #expect(report.contains("No rule of ruleset `default` was broken."))
        #expect(
            report.contains(
                "| `disproportionate-removal` | group below min\\_group\\_size | warn | 300 | "
                    + "Pruning 30% with keep\\_hard by planted, group 'g0' of sex has n = 3"))
        #expect(
            report.contains(
                "| `accuracy-cost` | metric undefined | warn | 1 | Without pruning, accuracy\\_ci\\_low"))
        // One example per rule and reason, not 301 lines.
        #expect(!report.contains("group 'g1' of sex"))
    }

    @Test func jsonCarriesOutcomeAndVerdict() throws {
        let stored = try Self.unjudgedRun(count: 2, severity: .fail)
        let gate = Gate(findings: stored.findings, failOn: .fail)
        let text = JSONReport.make(stored, gate: gate).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["outcome"] as? String == "insufficient_evidence" })
        #expect(findings.last?["fraction"] is NSNull && findings.last?["threshold"] is NSNull)
        let json = try #require(object["gate"] as? [String: Any])
        #expect(json["verdict"] as? String == "INSUFFICIENT EVIDENCE" && json["passed"] as? Bool == false)
        #expect(
            json["counts"] as? [String: Int]
                == ["info": 0, "warn": 0, "fail": 0, "insufficient_evidence": 3])
        // Breaches say so too.
        let (_, planted) = try Fixtures.storedPlantedRun()
        let plantedText = JSONReport.make(planted, gate: Gate(findings: planted.findings, failOn: .fail)).serialized()
        let plantedObject = try #require(
            try JSONSerialization.jsonObject(with: Data(plantedText.utf8)) as? [String: Any])
        let breaches = try #require(plantedObject["findings"] as? [[String: Any]])
        #expect(!breaches.isEmpty && breaches.allSatisfy { $0["outcome"] as? String == "breach" })
        #expect((plantedObject["gate"] as? [String: Any])?["verdict"] as? String == "FAIL")
    }

    @Test func junitSkipsUnjudgedRowsBelowTheGate() throws {
        let stored = try Self.unjudgedRun(count: 2)
        let ids = try Ruleset.builtInDefault().rules.map(\.id)
        let xml = JUnitReport.make(stored, gate: Gate(findings: stored.findings, failOn: .fail), ruleIds: ids)
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(xml.contains("tests=\"5\" failures=\"0\" errors=\"0\" skipped=\"3\">"))
        #expect(xml.contains("<skipped message=\"warn: Pruning 30% with keep_hard by planted, group &#39;g0&#39;"))
        // At or above the gate they fail it, and JUnit says so.
        let strict = JUnitReport.make(stored, gate: Gate(findings: stored.findings, failOn: .warn), ruleIds: ids)
        #expect(strict.contains("failures=\"3\" errors=\"0\" skipped=\"0\">"))
        #expect(strict.contains("<failure type=\"insufficient_evidence\""))
    }

    @Test func sarifAsksForReview() throws {
        let stored = try Self.unjudgedRun(count: 1)
        let unjudged = try #require(stored.findings.first)
        #expect(SARIFReport.classification(of: unjudged) == ("review", "none"))
        var breach = unjudged
        breach.outcome = .breach
        #expect(SARIFReport.classification(of: breach) == ("fail", "warning"))
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFReport.make(stored).utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == 2 && results.allSatisfy { $0["kind"] as? String == "review" })
        #expect(
            results.allSatisfy {
                ($0["properties"] as? [String: Any])?["outcome"] as? String == "insufficient_evidence"
            })
    }

    @Test func stepSummaryNamesTheVerdict() throws {
        let stored = try Self.unjudgedRun(count: 1)
        let text = StepSummary.markdown(stored, gate: Gate(findings: stored.findings, failOn: .fail), reportPath: nil)
        #expect(text.hasPrefix("### DietAudit: planted\\|audit — INSUFFICIENT EVIDENCE\n"))
        #expect(text.contains("findings: 0 fail, 0 warn, 0 info, 2 insufficient evidence"))
    }
}
