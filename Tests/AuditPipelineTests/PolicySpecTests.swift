import Foundation
import Testing

@testable import AuditPipeline
@testable import Auditing
@testable import DietAuditCore

/// `pruning.policies` entries: names and mappings (`offset`, `draws`), and
/// their located errors.
@Suite struct PolicySpecTests {
    let base = "audit: x\ndataset: {path: d.csv, label: y}\nscores: [{kind: el2n, epoch: 1}]\ntraining: {epochs: 2}\n"

    func parse(_ text: String) throws -> AuditSpec { try parseSpec(text) }

    func message(_ text: String) -> String? { specErrorMessage(text) }

    @Test func namesAndMappingsParse() throws {
        let spec = try parse(
            base + """
                pruning:
                  fractions: [0.2, 0.5]
                  policies:
                    - keep_hard
                    - {policy: keep_hard, offset: 0.1}
                    - {policy: keep_hard, offset: 0.05}
                    - {policy: random, draws: 200}
                    - group_balanced
                    - quota
                    - {policy: keep_easy}
                """)
        #expect(
            spec.pruning.policies.map(\.rawValue) == [
                "keep_hard", "keep_hard+offset0.1", "keep_hard+offset0.05", "random", "group_balanced", "quota",
                "keep_easy",
            ])
        #expect(spec.pruning.randomDraws == 200)
        #expect(try parse(base + "pruning: {policies: [random]}\n").pruning.randomDraws == 0)
        // The default list is unchanged by the new kinds.
        #expect(
            try parse(base).pruning.policies.map(\.rawValue)
                == ["keep_hard", "keep_easy", "random", "class_balanced"])
    }

    @Test func badEntriesAreLocatedWithSuggestions() {
        func policies(_ entries: String) -> String? {
            message(base + "pruning: {fractions: [0.3], policies: \(entries)}\n")
        }
        #expect(
            policies("[{policy: keep_hard, offest: 0.1}]")
                == "a.yaml:5:60: pruning.policies[0].offest: unknown key 'offest'; "
                + "expected one of 'policy', 'offset', 'draws'; "
                + "did you mean 'offset'?")
        #expect(policies("[{policy: keep_hrd}]")?.contains("'keep_hrd' is not allowed") == true)
        #expect(policies("[{policy: keep_hrd}]")?.contains("did you mean 'keep_hard'?") == true)
        #expect(policies("[group_balance]")?.contains("did you mean 'group_balanced'?") == true)
        #expect(policies("[{offset: 0.1}]")?.contains("missing required key 'pruning.policies[0].policy'") == true)
        #expect(
            policies("[{policy: keep_easy, offset: 0.1}]")
                == "a.yaml:5:68: pruning.policies[0].offset: "
                + "offset applies only to policy keep_hard, found policy keep_easy")
        #expect(
            policies("[{policy: keep_hard, draws: 5}]")?
                .contains("draws applies only to policy random, found policy keep_hard") == true)
        #expect(policies("[{policy: random, draws: 0}]")?.contains("draws must be from 1 to 100000, found 0") == true)
        #expect(policies("[{policy: keep_hard, offset: 1.5}]")?.contains("an offset must be between 0 and 1") == true)
        #expect(
            policies("[{policy: keep_hard, offset: 0.4}]")?
                .contains("offset 0.4 is larger than the fraction 0.3") == true)
    }

    @Test func duplicatesIncludeMappedForms() {
        func policies(_ entries: String) -> String? { message(base + "pruning: {policies: \(entries)}\n") }
        #expect(
            policies("[random, {policy: random, draws: 10}]")?
                .contains("policy random is listed twice (first as policies[0])") == true)
        #expect(
            policies("[{policy: keep_hard, offset: 0.1}, {policy: keep_hard, offset: 0.10}]")?
                .contains("policy keep_hard+offset0.1 is listed twice (first as policies[0])") == true)
        #expect(policies("[keep_hard, {policy: keep_hard}]")?.contains("policy keep_hard is listed twice") == true)
        #expect(policies("[keep_hard, {policy: keep_hard, offset: 0.1}]") == nil)
    }

    /// quota reads the scoring models' held-out recall: a spec whose scores
    /// train no model cannot use it.
    @Test func quotaNeedsATrainedScore() {
        let noModel = "audit: x\ndataset: {path: d.csv, label: y}\nscores: [{kind: input_norm}]\ntraining: {}\n"
        #expect(
            message(noModel + "pruning: {policies: [keep_hard, quota]}\n")?
                .contains("policy quota sets class quotas from the held-out error of the scoring models") == true)
        #expect(message(base + "pruning: {policies: [quota]}\n") == nil)
    }
}
