import Auditing
import GRDB
import Rules

extension AuditDatabase {
    /// The results a `compare_to: previous` rule compares with: those of the
    /// newest `complete` run of `audit` whose id is below `before` (runs are
    /// numbered in the order they start), or `nil` when the audit has none.
    ///
    /// Running, failed and abandoned runs are never compared with: they have
    /// no verdict. Only the rows a rule reads are loaded (composition,
    /// attribute and error-risk tables), not scores or plans.
    public func lastCompleteRun(audit: String, before: Int64) throws -> PreviousRun? {
        try writer.read { db in
            let sql = "SELECT MAX(id) FROM run WHERE audit = ? AND status = ? AND id < ?"
            guard let id = try Int64.fetchOne(db, sql: sql, arguments: [audit, RunStatus.complete.rawValue, before])
            else { return nil }
            func fetch<Content: RunScopedContent>(_ type: Content.Type) throws -> [Content] {
                try RunScopedRecord<Content>.filter(Column("run_id") == id).order(SQL(sql: "rowid")).fetchAll(db)
                    .map(\.content)
            }
            return PreviousRun(
                id: id,
                composition: CompositionAudit(
                    rows: try fetch(CompositionRow.self),
                    attributes: try fetch(AttributeRow.self)),
                errorRisk: ErrorRiskAudit(storedRows: try fetch(ErrorMetricRow.self)))
        }
    }
}
