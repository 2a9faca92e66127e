import DietAuditTestSupport
import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Rules

/// A rule's `policies:` filter names offset plans (`keep_hard+offset0.1`) as
/// every output names them, and refuses unknown names with a "did you mean".
@Suite struct PolicyFilterTests {
    func ruleset(policies: String) throws -> Ruleset {
        try Ruleset.parse(
            """
            ruleset: t
            rules:
              - id: r
                metric: retention_ratio
                fail_if: {below: 0.8}
                policies: \(policies)
            """, file: "r.yaml")
    }

    func message(policies: String) -> String? {
        do {
            _ = try ruleset(policies: policies)
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func offsetNamesAreAccepted() throws {
        #expect(try ruleset(policies: "[keep_hard+offset0.1]").rules[0].policies == ["keep_hard+offset0.1"])
        // The offset is an exact decimal: a trailing zero names the same plan.
        #expect(try ruleset(policies: "[keep_hard+offset0.10]").rules[0].policies == ["keep_hard+offset0.1"])
        #expect(
            try ruleset(policies: "[{policy: keep_hard, offset: 0.05}, quota]").rules[0].policies == [
                "keep_hard+offset0.05", "quota",
            ])
        #expect(try ruleset(policies: "[{policy: group_balanced}]").rules[0].policies == ["group_balanced"])
    }

    @Test func unknownNamesAreLocatedWithSuggestions() {
        let misspelt = message(policies: "[keep_hard, keep_hrad]")
        // Line 6 of the ruleset, the second entry's column.
        #expect(misspelt?.hasPrefix("r.yaml:6:27: rules[0].policies[1]: 'keep_hrad' is not a pruning policy") == true)
        #expect(misspelt?.hasSuffix("did you mean 'keep_hard'?") == true)
        let wrongKind = message(policies: "[keep_easy+offset0.1]")
        #expect(wrongKind?.contains("only keep_hard takes an offset; did you mean 'keep_easy'?") == true)
        let badOffset = message(policies: "[keep_hard+offset1.5]")
        #expect(badOffset?.contains("the offset '1.5' must be a decimal between 0 and 1") == true)
        let mappingOffset = message(policies: "[{policy: random, offset: 0.1}]")
        #expect(mappingOffset?.contains("offset applies only to policy keep_hard, found policy random") == true)
        let mappingKind = message(policies: "[{policy: keep_hrd}]")
        #expect(mappingKind?.contains("rules[0].policies[0].policy: 'keep_hrd' is not allowed") == true)
        #expect(mappingKind?.hasSuffix("did you mean 'keep_hard'?") == true)
    }

    /// Planted data: `female` (20%) scores low. keep_hard at 30% removes
    /// nearly all women; with offset 0.1 the 100 hardest (all men) go first
    /// and the 200 easiest of the rest (all women) next, so the offset plan
    /// fails too, and each filter judges exactly its own plan.
    @Test func theFilterSelectsTheOffsetPlan() throws {
        let data = Fixtures.planted()
        let offsetPlan = PruningPlanner.plan(
            scores: data.scores, scoreName: "planted", direction: .harder, labels: data.labels, classCount: 2,
            policy: .keepHard(offset: DecimalFraction(parsing: "0.1")!), fraction: 0.3, seed: 0)
        let audit = auditComposition(plans: Fixtures.plantedPlans(data) + [offsetPlan], groupings: data.groupings)
        let offsetOnly = try ruleset(policies: "[keep_hard+offset0.1]").evaluate(audit)
        #expect(!offsetOnly.isEmpty)
        #expect(offsetOnly.allSatisfy { $0.policy == "keep_hard+offset0.1" })
        #expect(offsetOnly.contains { $0.group == "female" && $0.outcome == .breach })
        let plainOnly = try ruleset(policies: "[keep_hard]").evaluate(audit)
        #expect(!plainOnly.isEmpty && plainOnly.allSatisfy { $0.policy == "keep_hard" })
    }
}
