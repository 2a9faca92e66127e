import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

/// `dietaudit diff`: two stored planted runs with known differences.
@Suite struct RunDiffTests {
    /// The planted run (id 1) and a copy (id 2) whose first finding is gone,
    /// whose second finding has a value 0.05 lower and is now `warn`, with a
    /// new finding added, one composition row's retention ratio 0.2 higher,
    /// another's removal rate 0.1 lower, and the `female` keep_hard accuracy 0.04 higher.
    static func twoRuns() throws -> (old: StoredRun, new: StoredRun, removed: Finding, added: Finding) {
        let database = try AuditDatabase()
        let first = try database.beginRun(Fixtures.plantedRunRecord())
        try database.completeRun(id: first, results: try Fixtures.plantedResults())
        var results = try Fixtures.plantedResults()
        let removed = results.findings.removeFirst()
        results.findings[0].value? -= 0.05
        results.findings[0].severity = .warn
        let added = Finding(
            ruleId: "disproportionate-removal", severity: .fail, score: "planted", policy: "keep_hard",
            fraction: 0.3, attribute: "class", group: "0", metric: "retention_ratio", value: 0.5,
            threshold: 0.8, comparison: "below", message: "class 0 keeps half its share")
        results.findings.append(added)
        results.composition.rows[1].retentionRatio = results.composition.rows[1].retentionRatio.map { $0 + 0.2 }
        results.composition.rows[2].removalRate -= 0.1
        let female = try #require(
            results.errorRisk.rows.firstIndex { $0.policy == "keep_hard" && $0.group == "female" })
        results.errorRisk.rows[female].metrics[.accuracy]?.mean += 0.04
        let second = try database.beginRun(Fixtures.plantedRunRecord())
        try database.completeRun(id: second, results: results)
        return (try database.loadRun(id: first), try database.loadRun(id: second), removed, added)
    }

    @Test func findsAppearedDisappearedAndChangedFindings() throws {
        let (old, new, removed, added) = try Self.twoRuns()
        let diff = RunDiff(old: old, new: new)
        #expect(diff.disappeared == [removed])
        #expect(diff.appeared == [added])
        #expect(diff.changed.count == 1)
        let change = try #require(diff.changed.first)
        #expect(change.old == old.findings[1])
        #expect(abs(((change.new.value ?? .nan) - (change.old.value ?? .nan)) - -0.05) < 1e-12)
        #expect(change.old.severity == .fail && change.new.severity == .warn)
    }

    @Test func listsTheLargestMetricMoves() throws {
        let (old, new, _, _) = try Self.twoRuns()
        let diff = RunDiff(old: old, new: new)
        #expect(diff.moves.map(\.metric) == ["retention_ratio", "removal_rate", "accuracy"])
        let retention = try #require(diff.moves.first { $0.metric == "retention_ratio" }?.moves)
        #expect(retention.count == 1)
        #expect(retention.first?.key == RowKey(old.composition[1]))
        #expect(abs((retention.first?.delta ?? 0) - 0.2) < 1e-12)
        let removal = try #require(diff.moves.first { $0.metric == "removal_rate" }?.moves)
        #expect(removal.map(\.key) == [RowKey(old.composition[2])])
        #expect(abs((removal.first?.delta ?? 0) + 0.1) < 1e-12)
        let accuracy = try #require(diff.moves.first { $0.metric == "accuracy" }?.moves)
        #expect(accuracy.map(\.key.name) == ["planted/keep_hard/0.3/sex/female"])
        // Means 0.623333… → 0.663333…: Δ = 0.04.
        #expect(abs((accuracy.first?.delta ?? 0) - 0.04) < 1e-12)
        #expect(diff.compositionOnlyOld == 0 && diff.compositionOnlyNew == 0)
    }

    @Test func movesAreCappedAndSortedByMagnitude() throws {
        let (old, _, _, _) = try Self.twoRuns()
        var shifted = old
        for index in shifted.composition.indices { shifted.composition[index].removalRate += Double(index % 5) * 0.01 }
        let diff = RunDiff(old: old, new: shifted, moveLimit: 3)
        let moves = try #require(diff.moves.first { $0.metric == "removal_rate" }?.moves)
        #expect(moves.count == 3)
        #expect(moves.map { abs($0.delta) } == moves.map { abs($0.delta) }.sorted(by: >))
        #expect(old.composition.count == 16)
        #expect(abs(moves[0].delta - 0.04) < 1e-12)
        // Ties keep row order: the rows with index % 5 == 4 are 4, 9, 14.
        #expect(moves.map(\.key) == [4, 9, 14].map { RowKey(old.composition[$0]) })
    }

    @Test func identicalRunsHaveNoDifferences() throws {
        let (old, _, _, _) = try Self.twoRuns()
        let diff = RunDiff(old: old, new: old)
        #expect(diff.appeared.isEmpty && diff.disappeared.isEmpty && diff.changed.isEmpty)
        #expect(diff.moves.allSatisfy { $0.moves.isEmpty })
        #expect(diff.text().contains("## Findings: 0 appeared, 0 disappeared, 0 changed"))
        #expect(diff.inputChanges().allSatisfy { $0.same })
    }

    @Test func textAndJSON() throws {
        let (old, new, _, _) = try Self.twoRuns()
        let diff = RunDiff(old: old, new: new)
        let text = diff.text()
        #expect(text.hasPrefix("# DietAudit diff: run 1 → run 2\n"))
        #expect(text.contains("## Findings: 1 appeared, 1 disappeared, 1 changed"))
        #expect(
            text.contains(
                "- fail `disproportionate-removal` planted/keep\\_hard/0.3/class/0: retention_ratio 0.5 (below 0.8)"))
        #expect(text.contains(", fail → warn"))
        #expect(text.contains("## Largest moves: `retention_ratio`"))
        #expect(text.contains("| +0.2 |"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(diff.json().serialized().utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "dietaudit.diff/v1")
        #expect((object["appeared"] as? [[String: Any]])?.first?["rule_id"] as? String == "disproportionate-removal")
        #expect((object["disappeared"] as? [Any])?.count == 1)
        let changed = try #require((object["changed"] as? [[String: Any]])?.first)
        #expect((changed["new"] as? [String: Any])?["severity"] as? String == "warn")
        let moves = try #require(object["moves"] as? [[String: Any]])
        #expect(moves.map { $0["metric"] as? String } == ["retention_ratio", "removal_rate", "accuracy"])
        #expect((object["inputs"] as? [String: String])?["data"] == "same")
        assertSnapshot(text, named: "planted-diff.md")
    }
}
