import Foundation
import GRDB
import Testing

@testable import Rules
@testable import Storage

/// Migration "v6: finding outcome, nullable scope and value": findings of the
/// `full` baseline (no fraction) and insufficient-evidence findings (no value)
/// are stored, and findings stored before it read back as breaches.
@Suite struct FindingOutcomeStorageTests {
    static let baseline = Finding(
        ruleId: "accuracy-floor", severity: .warn, score: nil, policy: "full", fraction: nil, attribute: "sex",
        group: "female", metric: "accuracy", value: nil, threshold: 0.7, comparison: "undefined",
        message: "Without pruning, group 'female' of sex has no test example.", outcome: .insufficientEvidence)

    @Test func baselineAndInsufficientFindingsRoundTrip() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        var results = AuditDatabaseTests.results()
        results.findings.append(Self.baseline)
        try database.completeRun(id: id, results: results)
        let stored = try database.loadRun(id: id)
        #expect(stored.findings.last == Self.baseline)
        #expect(stored.findings.dropLast().allSatisfy { $0.outcome == .breach })
    }

    /// A database written before v6 (here: v1–v4 applied, one finding inserted
    /// by hand) keeps its finding, now with outcome `breach`.
    @Test func migrationKeepsOldFindingsAsBreaches() throws {
        let queue = try LegacyDatabase.make(
            upTo: "v4: run liveness",
            rows: [
                """
                    INSERT INTO finding (run_id, rule_id, severity, score, policy, fraction, attribute, "group", metric,
                                         value, threshold, comparison, message)
                    VALUES (1, 'r', 'fail', 'el2n@2', 'keep_hard', 0.3, 'sex', 'female', 'retention_ratio', 0.5, 0.8,
                            'below', 'm')
                """
            ])
        try AuditDatabase.migrator.migrate(queue)
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT outcome, value, fraction FROM finding WHERE run_id = 1")
        }
        #expect(row?["outcome"] == "breach")
        #expect(row?["value"] == 0.5)
        #expect(row?["fraction"] == 0.3)
        let indexes = try queue.read { db in try db.indexes(on: "finding").map(\.name) }
        #expect(indexes.contains("finding_on_run_id"))
    }
}
