import DietAuditTestSupport
import Foundation
import Testing

@testable import DietAuditCore
@testable import Storage

/// `dietaudit runs --prune N` on a database file.
@Suite struct PruneRunsTests {
    enum Outcome { case complete, failed, running }

    /// A temp database with runs 1…8:
    /// 1 A complete · 2 A failed · 3 B complete · 4 A complete · 5 A complete ·
    /// 6 A running · 7 B failed · 8 A failed.
    static func database() throws -> (AuditDatabase, String) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("prune-\(UUID().uuidString).sqlite").path
        let database = try AuditDatabase(path: path)
        let plan: [(String, Outcome)] = [
            ("A", .complete), ("A", .failed), ("B", .complete), ("A", .complete), ("A", .complete),
            ("A", .running), ("B", .failed), ("A", .failed),
        ]
        for (audit, outcome) in plan {
            var record = AuditDatabaseTests.record()
            record.audit = audit
            let id = try database.beginRun(record)
            switch outcome {
            case .complete: try database.completeRun(id: id, results: AuditDatabaseTests.results())
            case .failed: try database.failRun(id: id, message: "boom")
            case .running: break
            }
        }
        return (database, path)
    }

    func remainingIds(_ database: AuditDatabase) throws -> [Int64] {
        try database.runs().compactMap(\.id).sorted()
    }

    func rowCount(_ database: AuditDatabase, table: String, run: Int64) throws -> Int {
        try database.rowCounts(runId: run)[table] ?? -1
    }

    @Test func keepsTheNewestCompleteRunsOfEachAudit() throws {
        let (database, _) = try Self.database()
        #expect(try rowCount(database, table: "composition", run: 1) > 0)
        #expect(try rowCount(database, table: "finding", run: 1) == 1)

        // A: complete runs 5, 4, 1 → keep 5 and 4; older 1 (complete) and 2 (failed) go.
        // B: one complete run → nothing goes. Running 6 and the newer failures 7, 8 stay.
        let two = try database.pruneRuns(keep: 2)
        #expect(two == PruneResult(deletedRunIds: [1, 2], audits: ["A"]))
        #expect(try remainingIds(database) == [3, 4, 5, 6, 7, 8])
        let counts = try database.rowCounts(runId: 1)
        #expect(
            counts.keys.sorted() == [
                "attribute_metric", "composition", "error_risk", "example", "example_data", "example_grouping",
                "finding", "plan", "random_band", "recommendation", "retrained_reuse", "score", "scoring_reuse",
                "validity",
            ])
        #expect(counts.values.allSatisfy { $0 == 0 }, "rows of a deleted run remain: \(counts)")
        #expect(try rowCount(database, table: "composition", run: 4) > 0)

        // keep 1: A's newest complete is 5 → 4 goes; B's newest complete 3 stays.
        #expect(try database.pruneRuns(keep: 1).deletedRunIds == [4])
        #expect(try remainingIds(database) == [3, 5, 6, 7, 8])
        #expect(try database.pruneRuns(keep: 1).deletedRunIds.isEmpty)
        #expect(try database.loadRun(id: 5).run.status == .complete)
        #expect(try database.loadRun(id: 6).run.status == .running)
    }

    @Test func keepingMoreThanThereIsDeletesNothing() throws {
        let (database, _) = try Self.database()
        #expect(try database.pruneRuns(keep: 3).deletedRunIds.isEmpty)
        #expect(try remainingIds(database) == Array(1...8))
    }

    @Test func rejectsKeepingNothing() throws {
        let (database, _) = try Self.database()
        #expect(throws: InputError.self) { try database.pruneRuns(keep: 0) }
        #expect(try remainingIds(database) == Array(1...8))
    }

    /// The deletion is on disk: a fresh connection sees it.
    @Test func deletionPersists() throws {
        let (database, path) = try Self.database()
        try database.pruneRuns(keep: 1)
        let reopened = try AuditDatabase.openExisting(path: path)
        #expect(try remainingIds(reopened) == [3, 5, 6, 7, 8])
    }
}
