import Foundation
import GRDB
import Testing

@testable import Auditing
@testable import Storage

/// Migration "v7: undefined rates": a group's rate without its base is stored
/// as Fairlearn's 0 with `error_risk.undefined` set, and reads back flagged;
/// rows stored before the migration read back as defined.
@Suite struct UndefinedRatesStorageTests {
    @Test func undefinedRatesRoundTrip() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        var results = AuditDatabaseTests.results()
        let onlyPositives = ErrorRiskRow(
            score: nil, policy: ErrorRiskRow.fullPolicy, fraction: nil, attribute: "sex", attributeKind: .attribute,
            group: "female", n: 2,
            metrics: [
                .accuracy: SeedSummary(values: [1, 1]), .truePositiveRate: SeedSummary(values: [1, 1]),
                .falsePositiveRate: SeedSummary(values: [0, 0]),
            ],
            undefinedRates: [.falsePositiveRate])
        let both = ErrorRiskRow(
            score: nil, policy: ErrorRiskRow.fullPolicy, fraction: nil, attribute: "sex", attributeKind: .attribute,
            group: "male", n: 4,
            metrics: [
                .accuracy: SeedSummary(values: [0.75, 0.75]),
                .falsePositiveRate: SeedSummary(values: [0.5, 0.5]),
            ])
        results.errorRisk = ErrorRiskAudit(rows: [onlyPositives, both], attributes: [])
        try database.completeRun(id: id, results: results)
        let stored = try database.loadRun(id: id)
        #expect(stored.errorRisk.rows == [onlyPositives, both])
        #expect(stored.errorRisk.rows.first?.undefinedRates == [.falsePositiveRate])
        #expect(stored.errorRisk.rows.first?.value(of: "false_positive_rate") == 0)
    }

    /// An error-risk row written before v7 (v1–v6 applied, inserted by hand)
    /// reads back with the rate defined.
    @Test func migrationReadsOldRowsAsDefined() throws {
        let queue = try LegacyDatabase.make(
            upTo: "v6: finding outcome, nullable scope and value",
            rows: [
                """
                    INSERT INTO error_risk (run_id, score, policy, fraction, attribute, attribute_kind, "group", n,
                                            metric, mean, std, ci_low, ci_high)
                    VALUES (1, NULL, 'full', NULL, 'sex', 'attribute', 'female', 5, 'true_positive_rate', 0.4,
                            NULL, NULL, NULL)
                """
            ])
        try AuditDatabase.migrator.migrate(queue)
        let rows = try queue.read { db in try RunScopedRecord<ErrorMetricRow>.fetchAll(db).map(\.content) }
        #expect(rows.count == 1 && rows.first?.undefined == false)
        let audit = ErrorRiskAudit(storedRows: rows)
        #expect(audit.rows.first?.undefinedRates == [] && audit.rows.first?.value(of: "true_positive_rate") == 0.4)
    }
}
