import DietAuditCore
import Testing

@testable import Auditing
@testable import Rules

/// How ``Recommendation/choose(score:policy:fraction:among:)`` picks a remedy.
@Suite struct RecommendationChoiceTests {
    /// Cheapest passing remedy with retraining, smallest TVD without, the
    /// fewest fail breaches when none passes.
    @Test func remedyChoiceFollowsTheRuleset() {
        let passing = RemedyAssessment(remedy: .groupBalanced, failBreaches: 0, tvd: 0.01, accuracyCost: 0.02)
        let cheaper = RemedyAssessment(remedy: .quota, failBreaches: 0, tvd: 0.2, accuracyCost: -0.01)
        let failing = RemedyAssessment(remedy: .classBalanced, failBreaches: 2, tvd: 0.3, accuracyCost: -0.05)
        let chosen = Recommendation.choose(
            score: "el2n@2", policy: "keep_hard", fraction: 0.3, among: [failing, passing, cheaper])
        #expect(chosen.remedy == "quota" && chosen.passes && chosen.accuracyCost == -0.01)
        // Without retraining, the smallest largest TVD decides.
        let untrained = [passing, cheaper].map {
            RemedyAssessment(remedy: $0.remedy, failBreaches: 0, tvd: $0.tvd, accuracyCost: nil)
        }
        #expect(
            Recommendation.choose(score: "s", policy: "keep_hard", fraction: 0.3, among: untrained).remedy
                == "group_balanced")
        // None passes: the one with the fewest fail breaches, and the message says so.
        let none = Recommendation.choose(
            score: "s", policy: "keep_hard", fraction: 0.3,
            among: [failing, RemedyAssessment(remedy: .groupBalanced, failBreaches: 1, tvd: 0.1, accuracyCost: nil)])
        #expect(none.remedy == "group_balanced" && !none.passes)
        #expect(none.message.contains("none of the remedies tried (class_balanced, group_balanced) passes it"))
    }

    @Test func remediesDependOnThePolicyFractionAndQuota() {
        let f03 = DecimalFraction(parsing: "0.3")!, f005 = DecimalFraction(parsing: "0.05")!
        #expect(
            PruningPolicy.keepHard.remedies(at: f03, quotaAvailable: true)
                == [.groupBalanced, .classBalanced, .quota, .keepHard(offset: PruningPolicy.remedyOffset)])
        #expect(PruningPolicy.keepHard.remedies(at: f005, quotaAvailable: false) == [.groupBalanced, .classBalanced])
        #expect(PruningPolicy.keepEasy.remedies(at: f03, quotaAvailable: false) == [.groupBalanced, .classBalanced])
        #expect(PruningPolicy.classBalanced.remedies(at: f03, quotaAvailable: true) == [.groupBalanced, .quota])
        #expect(PruningPolicy.random.remedies(at: f03, quotaAvailable: true).isEmpty)
    }

    @Test func onlyFailSeverityBreachesOfScoredPlansFail() {
        func finding(
            _ severity: Severity, _ policy: String, score: String? = "s", fraction: Double? = 0.3,
            outcome: FindingOutcome = .breach
        ) -> Finding {
            Finding(
                ruleId: "r", severity: severity, score: score, policy: policy, fraction: fraction, attribute: "a",
                group: "g", metric: "retention_ratio", value: 0.1, threshold: 0.8, comparison: "below", message: "m",
                outcome: outcome)
        }
        let plans = FailingPlan.among([
            finding(.warn, "keep_hard"), finding(.fail, "keep_easy"), finding(.fail, "keep_easy"),
            finding(.fail, "random", score: nil), finding(.fail, "full", score: nil, fraction: nil),
            finding(.fail, "keep_hard", outcome: .insufficientEvidence), finding(.fail, "keep_hard", fraction: 0.5),
        ])
        #expect(
            plans == [
                FailingPlan(score: "s", policy: "keep_easy", fraction: 0.3),
                FailingPlan(score: "s", policy: "keep_hard", fraction: 0.5),
            ])
    }
}
