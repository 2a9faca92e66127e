import Foundation
import Testing

@testable import Reporting
@testable import Rules

/// Findings grouped by rule and plan, worst group first.
@Suite struct FindingGroupTests {
    static func finding(
        _ rule: String, _ severity: Severity, policy: String = "keep_hard", fraction: Double = 0.3,
        group: String, value: Double, threshold: Double = 0.8, comparison: String = "below"
    ) -> Finding {
        Finding(
            ruleId: rule, severity: severity, score: "el2n@2", policy: policy, fraction: fraction, attribute: "sex",
            group: group, metric: "retention_ratio", value: value, threshold: threshold, comparison: comparison,
            message: "m")
    }

    @Test func groupsByRuleAndPlanWorstFirst() {
        let findings = [
            Self.finding("a", .warn, group: "x", value: 0.1),
            Self.finding("b", .fail, group: "x", value: 0.7),
            Self.finding("b", .fail, group: "y", value: 0.4),
            Self.finding("b", .fail, fraction: 0.5, group: "x", value: 0.79),
            Self.finding("c", .fail, group: "x", value: 1.5, threshold: 1.25, comparison: "above"),
            Finding(
                ruleId: "b", severity: .fail, score: "el2n@2", policy: "keep_hard", fraction: 0.3, attribute: "sex",
                group: "tiny", metric: "retention_ratio", value: nil, threshold: nil, comparison: "min_group_size",
                message: "m", outcome: .insufficientEvidence),
        ]
        let groups = FindingGroup.groups(of: findings)
        // Fail before warn; among fails, the worst margin first:
        // b@30%: (0.8 − 0.4)/0.8 = 0.5; c: (1.5 − 1.25)/1.25 = 0.2; b@50%: 0.0125.
        #expect(groups.map(\.ruleId) == ["b", "c", "b", "a"])
        #expect(groups.map(\.fraction) == [0.3, 0.3, 0.5, 0.3])
        #expect(groups[0].findings.map(\.group) == ["y", "x"])
        #expect(groups[0].findings.count == 2)
        #expect(abs(FindingGroup.margin(groups[1].worst) - 0.2) < 1e-12)
    }
}

/// The CSV files beside the report.
@Suite struct ReportCSVTests {
    @Test func quotesFieldsAndKeepsEveryRow() throws {
        #expect(ReportCSV.field("plain") == "plain")
        #expect(ReportCSV.field("a,b") == "\"a,b\"")
        #expect(ReportCSV.field("say \"hi\"\nnow") == "\"say \"\"hi\"\"\nnow\"")
        let stored = try ReportEscapingTests.hostileRun()
        let csv = try #require(ReportCSV.make(stored, table: .composition))
        let header = try #require(csv.components(separatedBy: "\r\n").first)
        #expect(header.hasPrefix("score,policy,fraction,attribute,"))
        // One record per row: line breaks inside quoted fields do not count.
        var records = 0, quoted = false
        for character in csv.unicodeScalars {
            if character == "\"" { quoted.toggle() }
            if character == "\n" && !quoted { records += 1 }
        }
        #expect(records == stored.composition.count + 1)
        #expect(ReportCSV.fileName(audit: "german credit", table: .errorRisk) == "german-credit-error-risk.csv")
    }

    @Test func relativePaths() {
        #expect(ReportFiles.relativePath("/a/reports/x.csv", from: "/a/site") == "../reports/x.csv")
        #expect(ReportFiles.relativePath("/a/reports/x.csv", from: "/a/reports") == "x.csv")
        #expect(ReportFiles.relativePath("/a/reports/x.csv", from: "/a/reports/html/") == "../x.csv")
    }
}
