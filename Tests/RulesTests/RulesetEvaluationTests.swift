import Testing
@testable import Auditing
@testable import DietAuditCore
@testable import Rules

/// A generated training set with a planted skew: 1,000 examples, group
/// `female` of `sex` (20%) gets systematically low scores, class is
/// independent of sex. Pruning the lowest 30% must flag `female` and only
/// `female` (and its intersections with class), and random pruning nothing.
@Suite struct RulesetEvaluationTests {
    static func plantedAudit() -> CompositionAudit {
        let count = 1000
        var generator = SeededGenerator(seed: 5, stream: "planted")
        var sex: [Int] = [], labels: [Int] = [], scores: [Double] = []
        for index in 0..<count {
            let isFemale = index % 5 == 0
            sex.append(isFemale ? 0 : 1)
            labels.append(generator.uniform(below: 2))
            scores.append(isFemale ? generator.unitDouble() * 0.3 : 0.2 + generator.unitDouble())
        }
        let intersection = zip(sex, labels).map { $0 * 2 + $1 }
        let groupings = [
            Grouping(name: "class", kind: .class, groups: ["0", "1"], train: labels, test: []),
            Grouping(name: "sex", kind: .attribute, groups: ["female", "male"], train: sex, test: []),
            Grouping(name: "sex×class", kind: .intersection, groups: ["female×0", "female×1", "male×0", "male×1"],
                     train: intersection, test: []),
        ]
        let plans = [
            PruningPlanner.plan(scores: scores, scoreName: "planted", labels: labels, classCount: 2, policy: .keepHard, fraction: 0.3, seed: 0),
            PruningPlanner.plan(scores: nil, scoreName: nil, labels: labels, classCount: 2, policy: .random, fraction: 0.3, seed: 0),
        ]
        return auditComposition(plans: plans, groupings: groupings)
    }

    @Test func exactlyThePlantedGroupFails() throws {
        let findings = try Ruleset.builtInDefault().evaluate(Self.plantedAudit())
        let failing = findings.filter { $0.severity == .fail }
        let flagged = Set(failing.map { "\($0.attribute)/\($0.group ?? "")" })
        #expect(flagged == ["sex/female", "sex×class/female×0", "sex×class/female×1"])
        #expect(failing.allSatisfy { $0.policy == "keep_hard" && $0.metric == "retention_ratio" && $0.value < 0.8 })
        #expect(!findings.contains { $0.policy == "random" })
        let female = try #require(failing.first { $0.group == "female" })
        #expect(female.threshold == 0.8 && female.comparison == "below")
        #expect(female.message.hasPrefix("Pruning 30% with keep_hard by planted, group 'female' of sex (n = 200,"))
    }

    @Test func attributeRuleSeesTheShift() throws {
        let findings = try Ruleset.builtInDefault().evaluate(Self.plantedAudit())
        let shifts = findings.filter { $0.ruleId == "composition-shift" }
        #expect(shifts.contains { $0.attribute == "sex" && $0.group == nil && $0.severity == .warn })
        #expect(!shifts.contains { $0.attribute == "class" })
    }

    @Test func filtersNarrowTheRows() throws {
        let audit = Self.plantedAudit()
        let onlyClass = Ruleset(name: "t", rules: [
            Rule(id: "c", metric: "retention_ratio", appliesTo: [.class], condition: .below(0.8)),
        ])
        #expect(onlyClass.evaluate(audit).isEmpty)
        let onlyRandom = Ruleset(name: "t", rules: [
            Rule(id: "r", metric: "retention_ratio", condition: .below(0.8), policies: ["random"]),
        ])
        #expect(onlyRandom.evaluate(audit).isEmpty)
        let bigGroups = Ruleset(name: "t", rules: [
            Rule(id: "b", metric: "retention_ratio", condition: .below(0.8), precondition: RulePrecondition(minGroupSize: 201)),
        ])
        #expect(bigGroups.evaluate(audit).allSatisfy { $0.group?.hasPrefix("male") == true })
    }
}
