import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Rules

/// `compare_to: previous` rules: each row against the same row of the
/// previous complete run, judged by the metric's declared better direction.
@Suite struct RegressionRuleTests {
    /// One composition row of `sex`/`female` with the given retention ratio
    /// (the other fields do not matter to the rule).
    static func row(
        retention: Double?, group: String = "female", policy: String = "keep_hard",
        fraction: Double = 0.3, n: Int = 200
    ) -> CompositionRow {
        CompositionRow(
            score: policy == "random" ? nil : "el2n@2", policy: policy, fraction: fraction, attribute: "sex",
            group: group, attributeKind: .attribute, n: n, removed: 60, kept: n - 60, removalRate: 0.3,
            expectedRemoved: 60, excessRemoval: 0, retentionRatio: retention, removalRatio: 1, shareBefore: 0.2,
            shareAfter: 0.2, representationRatio: retention, ciLow: 0.2, ciHigh: 0.4, pValue: 0.01, qValue: 0.02,
            impactRatio: retention.map { min($0, 1) })
    }

    static func audit(_ rows: [CompositionRow]) -> CompositionAudit {
        CompositionAudit(rows: rows, attributes: [])
    }

    static func ruleset(_ yaml: String) throws -> Ruleset {
        try Ruleset.parse("ruleset: r\nrules:\n" + yaml, file: "r.yaml")
    }

    static let retentionRule = """
          - id: retention-regression
            metric: retention_ratio
            compare_to: previous
            by: 0.05
            severity: fail
        """

    @Test func parsesIntoAWorseningCondition() throws {
        let rule = try #require(try Self.ruleset(Self.retentionRule).rules.first)
        #expect(rule.condition == .worsens(by: 0.05))
        #expect(rule.condition.summary == "worse than the previous run by more than 0.05")
        #expect(rule.condition.breach(of: 0) == nil)
    }

    /// Worse by a known amount: a breach whose message carries the exact
    /// numbers; 0.78 is 0.22 from 1, 0.91 was 0.09 from it: 0.13 worse.
    @Test func worseRowBreachesWithTheExactNumbers() throws {
        let previous = PreviousRun(id: 12, composition: Self.audit([Self.row(retention: 0.91)]))
        let findings = try Self.ruleset(Self.retentionRule).evaluate(
            Self.audit([Self.row(retention: 0.78)]), previous: previous)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.outcome == .breach && finding.severity == .fail)
        #expect(
            finding.message == "Pruning 30% with keep_hard by el2n@2, group 'female' of sex: retention_ratio "
                + "fell from 0.91 (run 12) to 0.78, 0.13 further from 1, more than the allowed 0.05.")
        #expect(finding.value == 0.78)
        // The limit on the new value: 1 − (0.09 + 0.05) = 0.86, crossed from above.
        #expect(finding.threshold == 0.86 && finding.comparison == "below")
        #expect(finding.score == "el2n@2" && finding.group == "female" && finding.fraction == 0.3)
    }

    @Test func betterOrWithinTheAllowanceIsNothing() throws {
        let ruleset = try Self.ruleset(Self.retentionRule)
        let previous = PreviousRun(id: 3, composition: Self.audit([Self.row(retention: 0.91)]))
        for value in [0.95, 1.0, 1.05, 0.91, 0.87, 0.86, 1.14] {
            #expect(
                ruleset.evaluate(Self.audit([Self.row(retention: value)]), previous: previous).isEmpty,
                "retention \(value)")
        }
        // Crossing 1 is measured as distance from 1: 1.2 is 0.11 further away than 0.91.
        let above = ruleset.evaluate(Self.audit([Self.row(retention: 1.2)]), previous: previous)
        #expect(
            above.first?.comparison == "above"
                && above.first?.message.contains(
                    "rose from 0.91 (run 3) to 1.2, "
                        + "0.11 further from 1") == true
        )
    }

    @Test func firstRunIsInsufficientEvidenceOncePerRule() throws {
        let findings = try Self.ruleset(Self.retentionRule).evaluate(
            Self.audit([Self.row(retention: 0.5), Self.row(retention: 0.4, group: "male")]), previous: nil)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.outcome == .insufficientEvidence && finding.comparison == "no_previous_run")
        #expect(finding.severity == .warn && finding.value == nil && finding.threshold == nil)
        #expect(finding.ruleId == "retention-regression" && finding.metric == "retention_ratio")
        #expect(Gate(findings: findings, failOn: .fail).verdict == .insufficientEvidence)
    }

    @Test func rowsMissingOrUndefinedBeforeAreInsufficientEvidence() throws {
        let previous = PreviousRun(
            id: 7,
            composition: Self.audit([
                Self.row(retention: 0.9), Self.row(retention: nil, group: "male"),
            ]))
        let findings = try Self.ruleset(Self.retentionRule).evaluate(
            Self.audit([
                Self.row(retention: 0.9), Self.row(retention: 0.9, group: "male"),
                Self.row(retention: 0.9, fraction: 0.5),
            ]), previous: previous)
        #expect(findings.map(\.comparison) == ["undefined_in_previous_run", "not_in_previous_run"])
        #expect(findings.allSatisfy { $0.outcome == .insufficientEvidence && $0.severity == .warn })
        #expect(
            findings[1].message == "Pruning 50% with keep_hard by el2n@2, group 'female' of sex: "
                + "retention_ratio = 0.9 cannot be compared with the previous run: the row is not in run 7.")
    }

    /// The rule's filters apply as for a fixed limit.
    @Test func filtersApply() throws {
        let ruleset = try Self.ruleset(
            """
              - id: r
                metric: impact_ratio
                compare_to: previous
                by: 0
                policies: [random]
                only_if: {min_group_size: 300}
            """)
        let previous = PreviousRun(id: 1, composition: Self.audit([Self.row(retention: 0.9)]))
        #expect(ruleset.evaluate(Self.audit([Self.row(retention: 0.5)]), previous: previous).isEmpty)
    }

    /// Each direction's "moved the wrong way by d".
    @Test func directions() {
        #expect(BetterDirection.higher.worsening(from: 0.9, to: 0.8) > 0.0999)
        #expect(BetterDirection.higher.worsening(from: 0.8, to: 0.9) < 0)
        #expect(BetterDirection.lower.worsening(from: 0.1, to: 0.25) == 0.15)
        #expect(BetterDirection.towardOne.worsening(from: 0.9, to: 1.1) < 1e-12)
        #expect(abs(BetterDirection.towardZero.worsening(from: 0.05, to: -0.2) - 0.15) < 1e-12)
        #expect(BetterDirection.lower.limit(from: 0.1, allowed: 0.05, towards: 0.3) == (0.15000000000000002, "above"))
        #expect(BetterDirection.towardZero.limit(from: 0.05, allowed: 0.05, towards: -0.2) == (-0.1, "below"))
    }

    @Test func errorRiskAttributeRegression() throws {
        let ruleset = try Self.ruleset(
            """
              - {id: worst, metric: worst_group_accuracy, compare_to: previous, by: 0.02, severity: warn}
            """)
        func attribute(_ worst: Double) -> ErrorRiskAudit {
            ErrorRiskAudit(
                rows: [],
                attributes: [
                    ErrorRiskAttributeRow(
                        score: nil, policy: "full", fraction: nil, attribute: "sex", attributeKind: .attribute,
                        metrics: [.worstGroupAccuracy: SeedSummary(values: [worst])])
                ])
        }
        let previous = PreviousRun(id: 4, composition: Self.audit([]), errorRisk: attribute(0.8))
        let findings = ruleset.evaluate(Self.audit([]), errorRisk: attribute(0.75), previous: previous)
        #expect(
            findings.map(\.message) == [
                "Without pruning, sex: worst_group_accuracy fell from 0.8 (run 4) to 0.75, more than the allowed 0.02."
            ])
        #expect(ruleset.evaluate(Self.audit([]), errorRisk: attribute(0.79), previous: previous).isEmpty)
    }
}
