import DietAuditCore
import Rules
import Storage

/// The gate as JUnit XML, so CI systems that read test reports show a data
/// diet's findings where they show failing tests.
///
/// One `<testsuite>` per rule of the run's ruleset, named by the rule id; one
/// `<testcase>` per finding of that rule, named by its scope
/// (`keep_hard by el2n@2 at 30% · sex: female`). A finding at or above the
/// gate's `fail_on` is a `<failure>`; an insufficient-evidence finding below
/// it is `<skipped>` with its message (the rule could not judge the row); a
/// lower breach passes with its message in `<system-out>`. A rule without
/// findings gets one passing test case (`no breach`) so every rule that was
/// checked is visible.
public enum JUnitReport {
    public static func make(_ stored: StoredRun, gate: Gate, ruleIds: [String]) -> String {
        let ids = ruleIds + stored.findings.map(\.ruleId).filter { !ruleIds.contains($0) }
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for id in orderedUnique(ids) {
            let findings = stored.findings.filter { $0.ruleId == id }
            var cases: [String] = []
            var failures = 0, skipped = 0
            for finding in findings {
                let failing = gate.failOn.map { finding.severity >= $0 } ?? false
                var body = ""
                if failing {
                    failures += 1
                    let type = finding.isInsufficientEvidence ? finding.outcome.rawValue : finding.severity.rawValue
                    body = "<failure type=\"\(type)\" message=\"\(escape(finding.message))\"/>"
                } else if finding.isInsufficientEvidence {
                    skipped += 1
                    body = "<skipped message=\"\(escape(finding.severity.rawValue + ": " + finding.message))\"/>"
                } else {
                    body = "<system-out>\(escape(finding.severity.rawValue + ": " + finding.message))</system-out>"
                }
                cases.append(
                    "    <testcase classname=\"\(escape(id))\" name=\"\(escape(scope(finding)))\">\(body)</testcase>")
            }
            if findings.isEmpty {
                cases.append("    <testcase classname=\"\(escape(id))\" name=\"no breach\"/>")
            }
            totalTests += cases.count
            totalFailures += failures
            totalSkipped += skipped
            suites.append(
                "  <testsuite name=\"\(escape(id))\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
                    + "errors=\"0\" skipped=\"\(skipped)\">\n" + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        let name = "dietaudit \(stored.run.audit) run \(stored.id)"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(escape(name))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" "
            + "skipped=\"\(totalSkipped)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    /// `keep_hard by el2n@2 at 30% · sex: female`.
    static func scope(_ finding: Finding) -> String {
        let plan = finding.score.map { "\(finding.policy) by \($0)" } ?? finding.policy
        let fraction = finding.fraction.map { " at " + NumberFormatting.percent($0) } ?? ""
        return plan + fraction + " · " + finding.attribute + (finding.group.map { ": " + $0 } ?? "") + " · "
            + finding.metric
    }

    static func escape(_ text: String) -> String {
        XMLText.escape(text, invisible: .lineBreaksKept)
    }
}
