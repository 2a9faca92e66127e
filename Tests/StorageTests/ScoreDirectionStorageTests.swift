import Foundation
import GRDB
import Testing

@testable import Scoring
@testable import Storage

/// The score direction is stored with the run (migration "v3: score direction").
@Suite struct ScoreDirectionStorageTests {
    static func results() -> RunResults {
        var results = AuditDatabaseTests.results()
        results.scores = [
            ScoreResult(name: "el2n@2", kind: "el2n", epoch: 2, perSeed: [[0.1, 0.2, 0.3, 0.4]]),
            ScoreResult(name: "aum", kind: "aum", epoch: nil, perSeed: [[1, 2, 3, 4]]),
            ScoreResult.imported(column: "clip", values: [4, 3, 2, 1], higherIs: .easier),
        ]
        return results
    }

    @Test func directionRoundTripsAndOldRowsFallBackByKind() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        try database.completeRun(id: id, results: Self.results())
        let stored = try database.loadRun(id: id)
        #expect(stored.scores.map(\.direction) == [.harder, .easier, .easier])
        #expect(stored.scores.map(\.result.direction) == [.harder, .easier, .easier])
        let column = try database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT higher_is FROM score WHERE run_id = ? ORDER BY position", arguments: [id])
        }
        #expect(column == ["harder", "easier", "easier"])
        // A row written before v3 holds NULL: built-in direction by kind, imported → harder.
        try database.writer.write { db in try db.execute(sql: "UPDATE score SET higher_is = NULL") }
        #expect(try database.loadRun(id: id).scores.map(\.direction) == [.harder, .easier, .harder])
    }

    @Test func migrationIsAppendedAfterV2() {
        let names = AuditDatabase.migrator.migrations
        let v2 = names.firstIndex(of: "v2: error risk"), v3 = names.firstIndex(of: "v3: score direction")
        #expect(v2 != nil && v3 != nil && v3! == v2! + 1)
    }
}
