import DietAuditTestSupport
import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Rules

/// The planted data of `Fixtures.planted()`: group `female` of `sex` (20%)
/// gets systematically low scores, class is independent of sex. Pruning the lowest 30% must flag `female` and only
/// `female` (and its intersections with class), and random pruning nothing.
@Suite struct RulesetEvaluationTests {
    @Test func exactlyThePlantedGroupFails() throws {
        let findings = try Ruleset.builtInDefault().evaluate(Fixtures.plantedAudit())
        let failing = findings.filter { $0.severity == .fail }
        let flagged = Set(failing.map { "\($0.attribute)/\($0.group ?? "")" })
        #expect(flagged == ["sex/female", "sex×class/female×0", "sex×class/female×1"])
        #expect(
            failing.allSatisfy {
                $0.policy == "keep_hard" && $0.metric == "retention_ratio" && ($0.value ?? .infinity) < 0.8
            })
        #expect(!findings.contains { $0.policy == "random" })
        let female = try #require(failing.first { $0.group == "female" })
        #expect(female.threshold == 0.8 && female.comparison == "below")
        #expect(female.message.hasPrefix("Pruning 30% with keep_hard by planted, group 'female' of sex (n = 200,"))
    }

    @Test func attributeRuleSeesTheShift() throws {
        let findings = try Ruleset.builtInDefault().evaluate(Fixtures.plantedAudit())
        let shifts = findings.filter { $0.ruleId == "composition-shift" }
        #expect(shifts.contains { $0.attribute == "sex" && $0.group == nil && $0.severity == .warn })
        #expect(!shifts.contains { $0.attribute == "class" })
    }

    @Test func filtersNarrowTheRows() throws {
        let audit = Fixtures.plantedAudit()
        let onlyClass = Ruleset(
            name: "t",
            rules: [
                Rule(id: "c", metric: "retention_ratio", appliesTo: [.class], condition: .below(0.8))
            ])
        #expect(onlyClass.evaluate(audit).isEmpty)
        let onlyRandom = Ruleset(
            name: "t",
            rules: [
                Rule(id: "r", metric: "retention_ratio", condition: .below(0.8), policies: ["random"])
            ])
        #expect(onlyRandom.evaluate(audit).isEmpty)
        let bigGroups = Ruleset(
            name: "t",
            rules: [
                Rule(
                    id: "b", metric: "retention_ratio", condition: .above(1.05),
                    precondition: RulePrecondition(minGroupSize: 201))
            ])
        let judged = bigGroups.evaluate(audit).filter { !$0.isInsufficientEvidence }
        #expect(!judged.isEmpty && judged.allSatisfy { $0.group?.hasPrefix("male") == true })
    }
}
