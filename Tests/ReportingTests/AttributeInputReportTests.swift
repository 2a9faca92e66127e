import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

/// The data section says which audited attributes the model saw as inputs;
/// the recommendations section and the summary's sentence follow the stored rows.
@Suite struct AttributeInputReportTests {
    @Test func dataSectionNamesTheAttributesTheModelSaw() throws {
        var (_, stored) = try Fixtures.storedPlantedRun()
        let gate = Gate(findings: stored.findings, failOn: .fail)
        #expect(
            MarkdownReport(stored, gate: gate).render()
                .contains("The model saw none of the audited attributes as inputs."))
        stored.run.dataset.featureColumns = ["x1", "x2", "sex"]
        let seen = MarkdownReport(stored, gate: gate).render()
        #expect(seen.contains("The model saw the audited attribute `sex` as input."))
    }

    @Test func recommendationsFollowTheSummary() throws {
        var (_, stored) = try Fixtures.storedPlantedRun()
        let gate = Gate(findings: stored.findings, failOn: .fail)
        #expect(!MarkdownReport(stored, gate: gate).render().contains("## Recommendations"))
        stored.recommendations = [
            Recommendation(
                score: "planted", policy: "keep_hard", fraction: 0.3, remedy: "group_balanced", passes: true,
                accuracyCost: 0.012, tvd: 0.004, message: "m"),
            Recommendation(
                score: "planted", policy: "keep_easy", fraction: 0.3, remedy: "class_balanced", passes: false,
                accuracyCost: nil, tvd: 0.2, message: "n"),
        ]
        let text = MarkdownReport(stored, gate: gate).render()
        let summary = try #require(text.range(of: "## Summary"))
        let section = try #require(text.range(of: "## Recommendations"))
        let findings = try #require(text.range(of: "## Findings"))
        #expect(summary.upperBound < section.lowerBound && section.upperBound < findings.lowerBound)
        #expect(
            text.contains(
                "- Recommendation: instead of removing 30% with `keep_hard` by `planted`, use `group_balanced` at the "
                    + "same score and fraction, which passes the ruleset (1 more failing plan in "
                    + "[Recommendations](#recommendations))."
            ))
        #expect(text.contains("| `keep_easy` by `planted` | 30% | `class_balanced` | **no** | — | 0.2 |"))
        let json = JSONReport.make(stored, gate: gate)
        guard case .object(let pairs) = json,
            case .array(let rows)? = pairs.last(where: { $0.0 == "recommendations" })?.1
        else {
            Issue.record("no recommendations array")
            return
        }
        #expect(rows.count == 2)
    }
}
