import Auditing
import DietAuditTestSupport
import Foundation
import Testing

@testable import DietAuditCore
@testable import Rules

@Suite struct RulesetLoadingTests {
    func message(_ text: String) -> String? {
        do {
            _ = try Ruleset.parse(text, file: "r.yaml")
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func builtInDefaultMatchesShippedFile() throws {
        let root = repositoryRoot()
        let shipped = try Ruleset.load(fileAt: root.appendingPathComponent("rulesets/default.yaml").path)
        #expect(shipped == (try Ruleset.builtInDefault()))
        #expect(
            shipped.rules.map(\.id) == [
                "disproportionate-removal", "over-representation", "composition-shift", "accuracy-cost",
            ])
    }

    @Test func ruleParses() throws {
        let ruleset = try Ruleset.parse(
            """
            ruleset: strict
            rules:
              - id: r1
                metric: retention_ratio
                applies_to: [attribute, intersection]
                fail_if: {outside: [0.8, 1.25]}
                only_if: {q_value_below: 0.01, min_group_size: 30}
                severity: warn
                policies: [keep_hard]
            """, file: "r.yaml")
        let rule = try #require(ruleset.rules.first)
        #expect(rule.metric == "retention_ratio")
        #expect(rule.appliesTo == [.attribute, .intersection])
        #expect(rule.condition == .outside(0.8, 1.25))
        #expect(rule.precondition == RulePrecondition(qValueBelow: 0.01, minGroupSize: 30))
        #expect(rule.severity == .warn)
        #expect(rule.policies == ["keep_hard"])
    }

    @Test func unknownMetricSuggests() {
        let text = message("ruleset: x\nrules:\n  - id: a\n    metric: retention_rate\n    fail_if: {below: 1}\n")
        #expect(text?.hasPrefix("r.yaml:4:13: rules[0].metric: unknown metric 'retention_rate'") == true)
        #expect(text?.hasSuffix("did you mean 'retention_ratio'?") == true)
    }

    @Test func otherMistakes() {
        #expect(
            message("ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {below: 1, above: 2}\n")?
                .contains("fail_if needs exactly one of") == true)
        #expect(
            message(
                "ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {above: 0.1}\n    only_if: "
                    + "{q_value_below: 0.05}\n"
            )?
            .contains("use chi2_p_value_below") == true)
        #expect(
            message(
                "ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {above: 0.1}\n  - id: a\n    metric: "
                    + "tvd\n    fail_if: {above: 0.2}\n"
            )?
            .contains("duplicate rule id 'a'") == true)
        #expect(
            message("ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {above: 0.1}\n    severity: fatal\n")?
                .contains("'fatal' is not allowed; expected one of 'info', 'warn', 'fail'") == true)
        #expect(
            message("ruleset: x\nrules:\n  - id: a\n    metric: tvd\n    fail_if: {outside: [2, 1]}\n")?
                .contains("low ≤ high") == true)
    }

    @Test func errorRiskMetricsAreKnown() throws {
        let ruleset = try Ruleset.parse(
            """
            ruleset: x
            rules:
              - {id: a, metric: accuracy_delta_vs_random_ci_high, fail_if: {below: 0}, only_if: {min_group_size: 30}}
              - {id: b, metric: equalized_odds_difference, fail_if: {above: 0.1}}
            """, file: "r.yaml")
        #expect(ruleset.rules.map(\.metric) == ["accuracy_delta_vs_random_ci_high", "equalized_odds_difference"])
        #expect(MetricCatalog.level(of: "worst_group_accuracy_std") == .errorAttribute)
        #expect(
            message(
                "ruleset: x\nrules:\n  - id: a\n    metric: accuracy\n    fail_if: {below: 0.5}\n    only_if: "
                    + "{q_value_below: 0.05}\n"
            )?
            .contains("only min_group_size (test examples) can apply") == true)
        #expect(
            message(
                "ruleset: x\nrules:\n  - id: a\n    metric: accuracy_gap\n    fail_if: {above: 0.1}\n    only_if: "
                    + "{min_group_size: 5}\n"
            )?
            .contains("no only_if condition applies") == true)
    }

    @Test func gateCountsAndThreshold() {
        func finding(_ severity: Severity) -> Finding {
            Finding(
                ruleId: "r", severity: severity, score: nil, policy: "random", fraction: 0.1, attribute: "a",
                group: "g", metric: "tvd", value: 1, threshold: 0.5, comparison: "above", message: "")
        }
        let findings = [finding(.warn), finding(.info), finding(.warn)]
        #expect(Gate(findings: findings, failOn: .fail).passed)
        #expect(!Gate(findings: findings, failOn: .warn).passed)
        #expect(!Gate(findings: findings, failOn: .info).passed)
        #expect(Gate(findings: findings, failOn: nil).passed)
        #expect(
            Gate(findings: findings, failOn: .fail).counts
                == ["info": 1, "warn": 2, "fail": 0, "insufficient_evidence": 0])
        #expect(Gate(findings: findings, failOn: .fail).verdict == .warn)
        #expect(Gate(findings: findings, failOn: .warn).verdict == .fail)
    }

    /// Verdict precedence: FAIL > INSUFFICIENT EVIDENCE failing the gate > WARN >
    /// INSUFFICIENT EVIDENCE at warn > PASS; info findings never change it.
    @Test func verdictPrecedence() {
        func finding(_ severity: Severity, _ outcome: FindingOutcome) -> Finding {
            Finding(
                ruleId: "r", severity: severity, score: nil, policy: "full", fraction: nil, attribute: "a",
                group: "g", metric: "accuracy", value: nil, threshold: 0.5, comparison: "undefined",
                message: "", outcome: outcome)
        }
        let unjudged = finding(.warn, .insufficientEvidence), failUnjudged = finding(.fail, .insufficientEvidence)
        #expect(Gate(findings: [], failOn: .fail).verdict == .pass)
        #expect(
            Gate(findings: [finding(.info, .breach), finding(.info, .insufficientEvidence)], failOn: .fail)
                .verdict == .pass)
        #expect(Gate(findings: [unjudged], failOn: .fail).verdict == .insufficientEvidence)
        #expect(Gate(findings: [unjudged], failOn: .fail).passed)
        #expect(Gate(findings: [unjudged], failOn: .fail).counts["insufficient_evidence"] == 1)
        #expect(Gate(findings: [unjudged], failOn: .fail).counts["warn"] == 0)
        #expect(Gate(findings: [unjudged, finding(.warn, .breach)], failOn: .fail).verdict == .warn)
        #expect(
            Gate(findings: [failUnjudged, finding(.warn, .breach)], failOn: .fail).verdict == .insufficientEvidence)
        #expect(!Gate(findings: [failUnjudged], failOn: .fail).passed)
        #expect(Gate(findings: [failUnjudged, finding(.fail, .breach)], failOn: .fail).verdict == .fail)
        #expect(Gate(findings: [finding(.fail, .breach)], failOn: nil).verdict == .warn)
    }

    @Test func conditions() {
        #expect(RuleCondition.below(0.8).breach(of: 0.79)?.comparison == "below")
        #expect(RuleCondition.below(0.8).breach(of: 0.8) == nil)
        #expect(RuleCondition.above(0.1).breach(of: 0.2)?.threshold == 0.1)
        #expect(RuleCondition.outside(0.8, 1.25).breach(of: 1.3)?.threshold == 1.25)
        #expect(RuleCondition.outside(0.8, 1.25).breach(of: 1.0) == nil)
    }
}

/// Loading `compare_to: previous` rules and the shipped ruleset files.
@Suite struct RegressionRuleLoadingTests {
    func message(_ rules: String) -> String? {
        do {
            _ = try Ruleset.parse("ruleset: x\nrules:\n" + rules, file: "r.yaml")
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func misspeltMetricSuggestsTheRealOne() {
        let text = message("  - id: a\n    metric: retention_ration\n    fail_if: {below: 0.8}\n")
        #expect(text?.hasPrefix("r.yaml:4:13: rules[0].metric: unknown metric 'retention_ration'") == true)
        #expect(text?.hasSuffix("did you mean 'retention_ratio'?") == true)
    }

    @Test func evidenceMetricsRefuseCompareTo() {
        for metric in ["p_value", "q_value", "chi2_p_value", "n", "accuracy_std"] {
            let text = message("  - id: a\n    metric: \(metric)\n    compare_to: previous\n    by: 0.1\n")
            #expect(
                text?.hasPrefix(
                    "r.yaml:4:13: rules[0].metric: compare_to: previous needs a metric with a "
                        + "better direction; '\(metric)' is evidence") == true, "\(metric): \(text ?? "accepted")")
        }
    }

    @Test func compareToMistakesAreLocated() {
        #expect(
            message("  - id: a\n    metric: tvd\n    compare_to: last\n    by: 0.1\n")?
                .hasPrefix("r.yaml:5:17: rules[0].compare_to: 'last' is not allowed; expected one of 'previous'")
                == true)
        #expect(
            message("  - id: a\n    metric: tvd\n    compare_to: previous\n")?
                .contains("missing required key 'rules[0].by'") == true)
        #expect(
            message("  - id: a\n    metric: tvd\n    compare_to: previous\n    by: -0.1\n")?
                .hasPrefix("r.yaml:6:9: rules[0].by: by must be 0 or more") == true)
        #expect(message("  - id: a\n    metric: tvd\n    by: 0.1\n")?.contains("add 'compare_to: previous'") == true)
        #expect(
            message("  - id: a\n    metric: tvd\n    compare_to: previous\n    by: 0.1\n    fail_if: {above: 1}\n")?
                .contains("takes 'by', not fail_if") == true)
        #expect(
            message("  - id: a\n    metric: tvd\n    compare_too: previous\n")?
                .contains("did you mean 'compare_to'?") == true)
    }

    /// Every shipped ruleset loads, opens with a comment saying when to use
    /// it, and `default.yaml` is the built-in default byte for byte.
    @Test func everyShippedRulesetLoads() throws {
        let directory = repositoryRoot().appendingPathComponent("rulesets")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(names).isSuperset(of: ["default.yaml", "strict.yaml", "four-fifths.yaml", "error-parity.yaml"]))
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let ruleset = try Ruleset.load(fileAt: path)
            #expect(!ruleset.rules.isEmpty)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("# When to use:"), "\(name) opens with its comment block")
        }
        let shipped = try String(contentsOf: directory.appendingPathComponent("default.yaml"), encoding: .utf8)
        #expect(shipped == Ruleset.defaultText)
        let fourFifths = try Ruleset.load(fileAt: directory.appendingPathComponent("four-fifths.yaml").path)
        #expect(fourFifths.rules.map(\.metric) == ["impact_ratio"] && fourFifths.rules[0].condition == .below(0.8))
        let parity = try Ruleset.load(fileAt: directory.appendingPathComponent("error-parity.yaml").path)
        #expect(parity.rules.contains { $0.condition == .worsens(by: 0.02) })
    }
}
