import Auditing
import DietAuditCore
import Foundation
import GRDB
import Rules

extension AuditDatabase {
    /// Inserts a run with status `running` and returns its id. Call only after
    /// every input has been checked, so bad input never leaves a run behind.
    /// The run records the process writing it (``RunProcess/current`` unless
    /// `record.process` is set), so a reader can tell when it has died.
    public func beginRun(_ record: RunRecord) throws -> Int64 {
        try writer.write { db in
            var record = record
            record.status = .running
            if record.process == nil { record.process = .current }
            try record.insert(db)
            return record.id!
        }
    }

    /// Writes all of a run's results and marks it `complete`, in one
    /// transaction: either everything lands or nothing does.
    public func completeRun(id: Int64, results: RunResults, finishedAt: Date = Date()) throws {
        try writer.write { db in
            let columns = results.exampleColumns ?? ExampleColumns(rows: results.examples)
            try ExampleDataRecord.insert(runId: id, columns: columns, db)
            for (position, grouping) in columns.attributes.enumerated() {
                try ExampleGroupingRecord(runId: id, position: position, grouping: grouping).insert(db)
            }
            for (position, score) in results.scores.enumerated() {
                try ScoreRow.insert(runId: id, position: position, result: score, db)
            }
            for validity in results.validity {
                try RunScopedRecord(runId: id, content: ValidityRow(validity)).insert(db)
            }
            for plan in results.plans {
                try RunScopedRecord(runId: id, content: PlanRow(plan: plan)).insert(db)
            }
            for plan in results.countedPlans {
                try RunScopedRecord(runId: id, content: PlanRow(counted: plan)).insert(db)
            }
            for row in results.composition.rows {
                try RunScopedRecord(runId: id, content: row).insert(db)
            }
            for row in results.composition.attributes {
                try RunScopedRecord(runId: id, content: row).insert(db)
            }
            for row in results.errorRisk.rows {
                for stored in ErrorMetricRow.rows(of: row) {
                    try RunScopedRecord(runId: id, content: stored).insert(db)
                }
            }
            for row in results.errorRisk.attributes {
                for stored in ErrorMetricRow.rows(of: row) {
                    try RunScopedRecord(runId: id, content: stored).insert(db)
                }
            }
            for finding in results.findings {
                try RunScopedRecord(runId: id, content: finding).insert(db)
            }
            for band in results.randomBands { try RunScopedRecord(runId: id, content: RandomBandRow(band)).insert(db) }
            for row in results.recommendations { try RunScopedRecord(runId: id, content: row).insert(db) }
            try insertReuseEntries(results.reuseEntries, runId: id, db: db)
            TestPause.reached(.writingResults)
            guard var run = try RunRecord.fetchOne(db, key: id) else {
                throw InputError("run \(id) vanished while it was being written")
            }
            run.status = .complete
            run.finishedAt = finishedAt
            run.gatePassed = results.gate.passed
            run.timings = results.timings
            if let reuse = results.reuse { run.settings.reuse = reuse }
            try run.update(db)
        }
    }

    /// Marks a run `failed` with the reason; its partial results (if any) stay
    /// out of reports.
    public func failRun(id: Int64, message: String, finishedAt: Date = Date()) throws {
        try writer.write { db in
            guard var run = try RunRecord.fetchOne(db, key: id) else { return }
            run.status = .failed
            run.finishedAt = finishedAt
            run.errorMessage = message
            try run.update(db)
        }
    }

    /// The stored row of run `id`, without its results.
    /// - Throws: ``InputError`` when there is no such run.
    public func runRecord(id: Int64) throws -> RunRecord {
        try writer.read { db in
            guard let run = try RunRecord.fetchOne(db, key: id) else { throw try Self.noSuchRun(id, db) }
            return run
        }
    }

    /// Every run, newest first.
    public func runs() throws -> [RunRecord] {
        try writer.read { db in
            try RunRecord.order(Column("id").desc).fetchAll(db)
        }
    }

    /// Everything stored about run `id`.
    /// - Throws: ``InputError`` when there is no such run.
    public func loadRun(id: Int64) throws -> StoredRun {
        try writer.read { db in
            guard let run = try RunRecord.fetchOne(db, key: id) else { throw try Self.noSuchRun(id, db) }
            func fetch<Content: RunScopedContent>(_ type: Content.Type, order: String = "rowid") throws -> [Content] {
                try RunScopedRecord<Content>.filter(Column("run_id") == id).order(SQL(sql: order)).fetchAll(db).map(
                    \.content)
            }
            return StoredRun(
                run: run,
                exampleCount: try Self.exampleCount(runId: id, db),
                scores: try fetch(ScoreRow.self, order: "position"),
                validity: try fetch(ValidityRow.self),
                plans: try fetch(PlanRow.self),
                composition: try fetch(CompositionRow.self),
                attributes: try fetch(AttributeRow.self),
                findings: try fetch(Finding.self),
                errorRisk: ErrorRiskAudit(storedRows: try fetch(ErrorMetricRow.self)),
                randomBands: try fetch(RandomBandRow.self),
                recommendations: try fetch(Recommendation.self))
        }
    }

    /// "no run with id 7; recent runs: 3, 2, 1".
    static func noSuchRun(_ id: Int64, _ db: Database) throws -> InputError {
        let known = try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id DESC LIMIT 10")
        return InputError(
            "no run with id \(id)"
                + (known.isEmpty
                    ? "; the database has no runs" : "; recent runs: \(known.map(String.init).joined(separator: ", "))")
        )
    }

    /// The id of the newest run, if any.
    public func latestRunId() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run") }
    }
}
