import DietAuditCore
import GRDB

/// What ``AuditDatabase/pruneRuns(keep:)`` removed.
public struct PruneResult: Sendable, Equatable {
    /// Ids of the deleted runs, ascending.
    public var deletedRunIds: [Int64]
    /// Audits that had at least one run deleted, sorted.
    public var audits: [String]

    public init(deletedRunIds: [Int64], audits: [String]) {
        self.deletedRunIds = deletedRunIds
        self.audits = audits
    }
}

extension AuditDatabase {
    /// Deletes old runs, keeping the `keep` newest `complete` runs of every
    /// audit name.
    ///
    /// Per audit, runs are ordered by id (the order they were started in).
    /// Let c be the `keep`-th newest complete run of the audit. Every run
    /// older than c that is not `running` — complete, failed or abandoned —
    /// is deleted; runs newer than c (including recent failures, useful for
    /// diagnosis) stay. An audit with at most `keep` complete runs loses
    /// nothing. `running` runs are never deleted, and since `keep` ≥ 1 the
    /// newest complete run of an audit (what a regression check compares
    /// with) always stays. Rows of every other table go with their run
    /// (`ON DELETE CASCADE`). One transaction: all of it or nothing.
    ///
    /// The file does not shrink (no VACUUM); SQLite reuses the freed pages.
    /// - Throws: ``InputError`` when `keep` < 1.
    @discardableResult
    public func pruneRuns(keep: Int) throws -> PruneResult {
        guard keep >= 1 else {
            throw InputError("--prune must keep at least 1 complete run per audit, found \(keep)")
        }
        return try writer.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, audit, status FROM run ORDER BY id DESC")
            var completeSeen: [String: Int] = [:]
            var cutoff: [String: Int64] = [:]
            for row in rows where (row["status"] as String) == RunStatus.complete.rawValue {
                let audit: String = row["audit"]
                completeSeen[audit, default: 0] += 1
                if completeSeen[audit] == keep { cutoff[audit] = row["id"] }
            }
            var deleted: [Int64] = [], audits = Set<String>()
            for row in rows {
                let id: Int64 = row["id"], audit: String = row["audit"], status: String = row["status"]
                guard let oldestKept = cutoff[audit], id < oldestKept, status != RunStatus.running.rawValue else {
                    continue
                }
                deleted.append(id)
                audits.insert(audit)
            }
            for id in deleted {
                try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id])
            }
            return PruneResult(deletedRunIds: deleted.sorted(), audits: audits.sorted())
        }
    }

    /// Rows each run-scoped table holds for run `id` (every table with a
    /// `run_id` column), e.g. to check that a deleted run left nothing behind.
    public func rowCounts(runId id: Int64) throws -> [String: Int] {
        try writer.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var counts: [String: Int] = [:]
            for table in tables {
                guard try db.columns(in: table).contains(where: { $0.name == "run_id" }) else { continue }
                let quoted = table.replacingOccurrences(of: "\"", with: "\"\"")
                counts[table] = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \"\(quoted)\" WHERE run_id = ?", arguments: [id])
            }
            return counts
        }
    }
}
