import Foundation
import GRDB
import Testing

@testable import Auditing
@testable import Storage

/// Random bands are stored per (fraction, attribute, group) in table
/// `random_band` (migration "v5: random band") with their draw counts.
@Suite struct RandomBandStorageTests {
    @Test func bandsRoundTripWithTheirDrawCounts() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        var results = AuditDatabaseTests.results()
        let bands = [
            RandomBand(
                fraction: 0.3, attribute: "sex", attributeKind: .attribute, group: "f", n: 7,
                drawRemoved: [3, 1, 4, 1, 5, 2, 6, 2, 3, 5, 0, 4, 3, 7, 2, 3]),
            RandomBand(
                fraction: 0.3, attribute: "class", attributeKind: .class, group: "bad", n: 300_000,
                drawRemoved: [90_001, 89_500]),
        ]
        results.randomBands = bands
        try database.completeRun(id: id, results: results)
        let stored = try database.loadRun(id: id)
        #expect(stored.randomBands.map(\.band) == bands)
        #expect(stored.randomBands[0].draws == 16)
        let columns = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \"group\", draws, removal_rate_low, removal_rate_high, "
                    + "length(draw_removed) "
                    + "FROM random_band WHERE run_id = ? ORDER BY rowid", arguments: [id])
        }
        #expect(columns.map { $0[0] as String } == ["f", "bad"])
        #expect(columns.map { $0[4] as Int } == [16 * 8, 2 * 8])
        #expect(abs((columns[0][2] as Double) - 0.05357142857142857) < 1e-15)
        // A run without draws stores no band rows.
        let plain = try database.beginRun(AuditDatabaseTests.record())
        try database.completeRun(id: plain, results: AuditDatabaseTests.results())
        #expect(try database.loadRun(id: plain).randomBands.isEmpty)
    }

    @Test func migrationIsAppendedAfterV4() {
        let names = AuditDatabase.migrator.migrations
        let v4 = names.firstIndex(of: "v4: run liveness"), v5 = names.firstIndex(of: "v5: random band")
        #expect(v4 != nil && v5 == v4.map { $0 + 1 })
    }
}
