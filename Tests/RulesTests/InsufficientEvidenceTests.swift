import DietAuditTestSupport
import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Rules

/// Rows a rule applies to but cannot judge become insufficient-evidence
/// findings (one per rule and row), with the ruleset's or the rule's
/// `on_insufficient` severity; statistical preconditions that fail stay silent.
@Suite struct InsufficientEvidenceTests {
    /// Planted data: `female` has n = 200, `male` 800, the intersections
    /// female×0/1 about 100 each, male×0/1 about 400 each.
    @Test func groupBelowMinimumIsInsufficientEvidence() throws {
        let audit = Fixtures.plantedAudit()
        // keep_hard removes nearly every female example, so the large male groups keep more than their share.
        let rule = Rule(
            id: "big", metric: "retention_ratio", condition: .above(1.05),
            precondition: RulePrecondition(minGroupSize: 201))
        let findings = Ruleset(name: "t", rules: [rule]).evaluate(audit)
        let breaches = findings.filter { !$0.isInsufficientEvidence }
        let unjudged = findings.filter(\.isInsufficientEvidence)
        #expect(!breaches.isEmpty && breaches.allSatisfy { $0.group?.hasPrefix("male") == true })
        // Every small group of both plans, once: female, female×0, female×1 under keep_hard and random.
        let small = audit.rows.filter { $0.n < 201 }
        #expect(small.count == 6)
        #expect(unjudged.count == small.count)
        #expect(
            Set(unjudged.map { "\($0.policy)/\($0.group ?? "")" })
                == Set(small.map { "\($0.policy)/\($0.group)" }))
        let female = try #require(unjudged.first { $0.group == "female" && $0.policy == "keep_hard" })
        #expect(female.comparison == "min_group_size" && female.threshold == 201 && female.value == nil)
        #expect(female.severity == .warn && female.outcome == .insufficientEvidence)
        #expect(
            female.message == "Pruning 30% with keep_hard by planted, group 'female' of sex has n = 200, "
                + "below the rule's minimum of 201 (min_group_size), so retention_ratio was not judged.")
    }

    @Test func onInsufficientSetsTheSeverity() throws {
        let audit = Fixtures.plantedAudit()
        let precondition = RulePrecondition(minGroupSize: 201)
        for severity in Severity.allCases {
            let ruleset = Ruleset(
                name: "t",
                rules: [
                    Rule(id: "r", metric: "retention_ratio", condition: .below(0.8), precondition: precondition)
                ], onInsufficient: severity)
            let unjudged = ruleset.evaluate(audit).filter(\.isInsufficientEvidence)
            #expect(unjudged.count == 6 && unjudged.allSatisfy { $0.severity == severity })
        }
        // A rule's own on_insufficient wins over the ruleset's.
        let override = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "r", metric: "retention_ratio", condition: .below(0.8), precondition: precondition,
                    onInsufficient: .info)
            ], onInsufficient: .fail)
        #expect(override.evaluate(audit).filter(\.isInsufficientEvidence).allSatisfy { $0.severity == .info })
    }

    /// A failing significance test is a judgement ("not significant"), not
    /// missing evidence: no finding. The size check comes first.
    @Test func statisticalPreconditionsStaySilent() throws {
        let audit = Fixtures.plantedAudit()
        let significant = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "q", metric: "retention_ratio", condition: .below(2),
                    precondition: RulePrecondition(qValueBelow: 1e-300))
            ])
        #expect(significant.evaluate(audit).allSatisfy { !$0.isInsufficientEvidence })
        let chi2 = Ruleset(
            name: "t",
            rules: [
                Rule(id: "c", metric: "tvd", condition: .above(-1), precondition: RulePrecondition(chi2PValueBelow: 0))
            ])
        #expect(chi2.evaluate(audit).isEmpty)
        let both = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "b", metric: "retention_ratio", condition: .below(0.8),
                    precondition: RulePrecondition(qValueBelow: 1e-300, minGroupSize: 201))
            ])
        let findings = both.evaluate(audit)
        #expect(findings.count == 6 && findings.allSatisfy { $0.comparison == "min_group_size" })
    }

    /// Pruning 0%: R = 0, so removal_ratio is 0/0 on every row.
    @Test func undefinedCompositionMetricIsInsufficientEvidence() throws {
        let data = Fixtures.planted()
        let plan = PruningPlan(
            score: "planted", policy: .keepHard, fraction: 0,
            removed: [Bool](repeating: false, count: data.labels.count))
        let audit = auditComposition(plans: [plan], groupings: data.groupings)
        let findings = Ruleset(
            name: "t",
            rules: [
                Rule(id: "ratio", metric: "removal_ratio", condition: .above(1.25))
            ]
        ).evaluate(audit)
        #expect(findings.count == audit.rows.count && audit.rows.count == 8)
        let first = try #require(findings.first)
        #expect(first.outcome == .insufficientEvidence && first.comparison == "undefined")
        #expect(first.value == nil && first.threshold == nil)
        #expect(
            first.message == "Pruning 0% with keep_hard by planted, removal_ratio of group '0' of class is "
                + "undefined: the plan removes nothing (R = 0), so the ratio is 0/0, so the rule could not judge it.")
        // The χ² test of each attribute is undefined too (an empty column); tvd is 0 and judged.
        let chi2 = Ruleset(name: "t", rules: [Rule(id: "chi2", metric: "chi2", condition: .above(10))]).evaluate(audit)
        #expect(chi2.count == 3 && chi2.allSatisfy { $0.isInsufficientEvidence && $0.group == nil })
        #expect(chi2[0].message.hasPrefix("Pruning 0% with keep_hard by planted, chi2 of class is undefined: the χ² "))
        #expect(
            Ruleset(name: "t", rules: [Rule(id: "tvd", metric: "tvd", condition: .above(0))]).evaluate(audit)
                .isEmpty)
    }

    /// A rate rule on an audit without positive_label cannot judge any row, and says why.
    @Test func rateWithoutPositiveLabel() throws {
        let audit = ErrorRiskAudit(
            rows: [
                Self.row(policy: "full", fraction: nil, metrics: [.accuracy: [0.8, 0.8]])
            ],
            attributes: [
                ErrorRiskAttributeRow(
                    score: nil, policy: "full", fraction: nil, attribute: "sex",
                    attributeKind: .attribute, metrics: [.accuracyGap: SeedSummary(values: [0.1, 0.1])])
            ])
        let findings = Ruleset(
            name: "t",
            rules: [
                Rule(id: "tpr", metric: "true_positive_rate", condition: .below(0.5)),
                Rule(id: "odds", metric: "equalized_odds_difference", condition: .above(0.1)),
            ]
        ).evaluate(CompositionAudit(rows: [], attributes: []), errorRisk: audit)
        #expect(findings.count == 2 && findings.allSatisfy { $0.isInsufficientEvidence })
        #expect(findings.allSatisfy { $0.message.contains("the audit spec sets no positive_label") })
    }

    static func row(
        policy: String, fraction: Double?, group: String = "g", n: Int = 30,
        metrics: [ErrorRiskMetric: [Double]], undefined: Set<ErrorRiskMetric> = []
    ) -> ErrorRiskRow {
        ErrorRiskRow(
            score: fraction == nil || policy == "random" ? nil : "el2n@2", policy: policy, fraction: fraction,
            attribute: "sex", attributeKind: .attribute, group: group, n: n,
            metrics: metrics.mapValues { SeedSummary(values: $0, within: 0...1) }, undefinedRates: undefined)
    }

    /// The `full` baseline is judged like any row; its message says "Without pruning".
    @Test func baselineRowsAreJudged() throws {
        let audit = ErrorRiskAudit(
            rows: [
                Self.row(policy: "full", fraction: nil, metrics: [.accuracy: [0.6, 0.62]]),
                Self.row(policy: "keep_hard", fraction: 0.3, metrics: [.accuracy: [0.9, 0.9]]),
            ], attributes: [])
        let findings = Ruleset(name: "t", rules: [Rule(id: "acc", metric: "accuracy", condition: .below(0.7))])
            .evaluate(CompositionAudit(rows: [], attributes: []), errorRisk: audit)
        let baseline = try #require(findings.first)
        #expect(findings.count == 1 && baseline.policy == "full" && baseline.fraction == nil)
        #expect(baseline.score == nil && baseline.outcome == .breach && baseline.value == 0.61)
        #expect(baseline.message.hasPrefix("Without pruning, group 'g' of sex (30 test examples) has accuracy = 0.61"))
    }

    @Test func undefinedErrorRiskMetrics() throws {
        let audit = ErrorRiskAudit(
            rows: [
                // One seed: no spread. No positive example: TPR is Fairlearn's 0 but undefined.
                Self.row(
                    policy: "keep_hard", fraction: 0.3, metrics: [.accuracy: [0.8], .truePositiveRate: [0]],
                    undefined: [.truePositiveRate]),
                Self.row(policy: "full", fraction: nil, metrics: [.accuracy: [0.8], .truePositiveRate: [0.5]]),
                Self.row(policy: "random", fraction: 0.3, metrics: [.accuracy: [0.8], .truePositiveRate: [0.5]]),
            ], attributes: [])
        func evaluate(_ metric: String) -> [Finding] {
            Ruleset(name: "t", rules: [Rule(id: "r", metric: metric, condition: .below(0.9))])
                .evaluate(CompositionAudit(rows: [], attributes: []), errorRisk: audit)
        }
        let spread = evaluate("accuracy_ci_low")
        #expect(spread.count == 3 && spread.allSatisfy { $0.isInsufficientEvidence && $0.comparison == "undefined" })
        #expect(spread[0].message.contains("one retraining seed gives no spread"))
        let rates = evaluate("true_positive_rate")
        #expect(rates.count == 3)
        #expect(rates[0].isInsufficientEvidence && rates[0].message.contains("has no positive test example"))
        #expect(rates[1...].allSatisfy { !$0.isInsufficientEvidence && $0.value == 0.5 })
        // accuracy_delta_vs_random: absent by construction on full and random rows (nothing recorded); on the
        // keep_hard row it is missing because no random plan prunes 30% here: insufficient evidence.
        let delta = evaluate("accuracy_delta_vs_random")
        #expect(delta.count == 1 && delta[0].policy == "keep_hard" && delta[0].message.contains("no random plan"))
        #expect(evaluate("accuracy_delta_vs_full").count == 2)
        #expect(evaluate("accuracy_delta_vs_full").allSatisfy { $0.policy != "full" && $0.isInsufficientEvidence })
    }

    /// The error-risk test group's size is what min_group_size compares.
    @Test func errorRiskGroupBelowMinimum() throws {
        let audit = ErrorRiskAudit(
            rows: [
                Self.row(policy: "full", fraction: nil, n: 12, metrics: [.accuracy: [0.8, 0.8]])
            ], attributes: [])
        let findings = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "r", metric: "accuracy", condition: .below(0.9),
                    precondition: RulePrecondition(minGroupSize: 20))
            ]
        ).evaluate(CompositionAudit(rows: [], attributes: []), errorRisk: audit)
        #expect(findings.count == 1)
        #expect(
            findings[0].message == "Without pruning, group 'g' of sex has 12 test examples, below the rule's "
                + "minimum of 20 (min_group_size), so accuracy was not judged.")
    }

    @Test func onInsufficientParses() throws {
        let ruleset = try Ruleset.parse(
            """
            ruleset: strict
            on_insufficient: fail
            rules:
              - id: a
                metric: accuracy
                fail_if: {below: 0.5}
              - id: b
                metric: accuracy
                fail_if: {below: 0.5}
                on_insufficient: info
            """, file: "r.yaml")
        #expect(ruleset.onInsufficient == .fail)
        #expect(ruleset.rules.map(\.onInsufficient) == [nil, .info])
        #expect(ruleset.insufficientSeverity(of: ruleset.rules[0]) == .fail)
        #expect(ruleset.insufficientSeverity(of: ruleset.rules[1]) == .info)
        #expect(try Ruleset.parse("ruleset: x\nrules: []\n", file: "r.yaml").onInsufficient == .warn)
    }

    @Test func badOnInsufficientIsLocated() {
        func message(_ text: String) -> String {
            do {
                _ = try Ruleset.parse(text, file: "r.yaml")
                return "parsed"
            } catch {
                return "\(error)"
            }
        }
        let top = message("ruleset: x\non_insufficient: wrn\nrules: []\n")
        #expect(top.hasPrefix("r.yaml:2:18: on_insufficient: 'wrn' is not allowed"), "\(top)")
        #expect(top.hasSuffix("did you mean 'warn'?"), "\(top)")
        let rule = message(
            "ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {above: 1}\n"
                + "    on_insufficent: info\n")
        #expect(rule.contains("r.yaml:6:5") && rule.contains("did you mean 'on_insufficient'?"), "\(rule)")
    }
}

/// A metric that cannot exist on a row is not insufficient evidence there,
/// even for a group below `min_group_size`.
@Suite struct NotApplicableTests {
    @Test func smallGroupsOfRowsWithoutTheMetricStaySilent() throws {
        let audit = ErrorRiskAudit(
            rows: [
                InsufficientEvidenceTests.row(policy: "full", fraction: nil, n: 3, metrics: [.accuracy: [0.8, 0.8]]),
                InsufficientEvidenceTests.row(
                    policy: "random", fraction: 0.3, n: 3,
                    metrics: [.accuracy: [0.8, 0.8], .accuracyDeltaVsFull: [0, 0]]),
                InsufficientEvidenceTests.row(
                    policy: "keep_hard", fraction: 0.3, n: 3,
                    metrics: [
                        .accuracy: [0.8, 0.8], .accuracyDeltaVsFull: [0, 0],
                        .accuracyDeltaVsRandom: [0, 0],
                    ]),
            ], attributes: [])
        let findings = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "cost", metric: "accuracy_delta_vs_random", condition: .below(-0.05),
                    precondition: RulePrecondition(minGroupSize: 20))
            ]
        ).evaluate(CompositionAudit(rows: [], attributes: []), errorRisk: audit)
        #expect(findings.count == 1 && findings[0].policy == "keep_hard" && findings[0].comparison == "min_group_size")
    }
}
