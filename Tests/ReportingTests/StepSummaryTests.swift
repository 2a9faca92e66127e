import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

@Suite struct StepSummaryTests {
    @Test func failingRunListsItsWorstFindings() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let gate = Gate(findings: stored.findings, failOn: .fail)
        let text = StepSummary.markdown(stored, gate: gate, reportPath: "out/planted.md")
        let fails = stored.findings.filter { $0.severity == .fail }
        #expect(!fails.isEmpty && !gate.passed)
        #expect(text.hasPrefix("### DietAudit: planted\\|audit — FAIL\n"))
        let counts = ["fail", "warn", "info"].map { "\(gate.counts[$0]!) \($0)" }.joined(separator: ", ")
        #expect(text.contains("findings: \(counts)"))
        #expect(text.contains("fail-on `fail`"))
        #expect(text.contains("Full report: `out/planted.md`"))
        // One table row per failing finding (at most 5), each scope escaped.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| fail |") }
        #expect(rows.count == min(fails.count, 5))
        #expect(text.contains("planted/keep\\_hard/0.3/sex/female"))
        #expect(text.hasSuffix("\n\n"))
    }

    @Test func passingRunHasNoTable() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let text = StepSummary.markdown(stored, gate: Gate(findings: stored.findings, failOn: nil), reportPath: nil)
        #expect(text.hasPrefix("### DietAudit: planted\\|audit — WARN\n"))
        #expect(!text.contains("| severity |"))
        #expect(!text.contains("Full report"))
    }

    /// Worst first: severity, then distance past the threshold, then stored order; capped at 5.
    @Test func worstFindingsAreOrderedAndCapped() {
        func finding(_ severity: Severity, value: Double, threshold: Double, group: String) -> Finding {
            Finding(
                ruleId: "r", severity: severity, score: "s", policy: "keep_hard", fraction: 0.3, attribute: "a",
                group: group, metric: "retention_ratio", value: value, threshold: threshold, comparison: "below",
                message: group)
        }
        let findings = [
            finding(.warn, value: 0.1, threshold: 0.8, group: "warned"),
            finding(.fail, value: 0.7, threshold: 0.8, group: "near"),
            finding(.fail, value: 0.2, threshold: 0.8, group: "far"),
            finding(.fail, value: 30, threshold: 10, group: "relative-2"),  // (30 − 10) / 10 = 2
            finding(.fail, value: 0.75, threshold: 0.8, group: "nearer"),
            finding(.fail, value: 0.7, threshold: 0.8, group: "near-again"),
            finding(.fail, value: 0.6, threshold: 0.8, group: "middle"),
        ]
        func worst(_ failOn: Severity?) -> [String] {
            StepSummary.worstFailing(findings, gate: Gate(findings: findings, failOn: failOn)).map { $0.group! }
        }
        let failOnFail = worst(.fail)
        #expect(failOnFail == ["relative-2", "far", "middle", "near", "near-again"])
        let failOnWarn = worst(.warn)
        #expect(failOnWarn.count == 5 && failOnWarn.last == "near-again" && !failOnWarn.contains("warned"))
        #expect(worst(nil).isEmpty)
    }

    @Test func appendKeepsWhatIsThere() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString).md").path
        try StepSummary.append("first\n", to: path)
        try StepSummary.append("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\n")
        #expect(throws: (any Error).self) { try StepSummary.append("x", to: "/nonexistent-folder/summary.md") }
    }
}
