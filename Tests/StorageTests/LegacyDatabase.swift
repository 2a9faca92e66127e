import GRDB

@testable import Storage

/// A database as an older DietAudit left it, for migration tests: the
/// migrations up to and including `lastMigration` applied, one complete run
/// (id 1) inserted with the columns every version since v1 has, and then
/// `rows`, SQL statements that add the rows the test needs for run 1.
///
/// The caller applies the remaining migrations with
/// `AuditDatabase.migrator.migrate(queue)` and checks what they made of the rows.
enum LegacyDatabase {
    static func make(upTo lastMigration: String, rows: [String]) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try AuditDatabase.migrator.migrate(queue, upTo: lastMigration)
        try queue.write { db in
            try insertRun(db)
            for sql in rows { try db.execute(sql: sql) }
        }
        return queue
    }

    /// Inserts run 1, complete, with only the columns every version since v1 has.
    static func insertRun(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO run (audit, status, started_at, tool_version, data_sha256, spec_sha256, ruleset_sha256,
                                 spec_path, spec_text, ruleset_name, ruleset_path, ruleset_text, seed, fail_on,
                                 dataset, settings, timings)
                VALUES ('a', 'complete', '2026-01-01', 't', 'd', 's', 'r', 'p', '', 'n', 'rp', '', 0, 'fail',
                        '{}', '{}', '[]')
                """)
    }
}
