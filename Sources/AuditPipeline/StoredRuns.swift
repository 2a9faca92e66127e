import DietAuditCore
import Foundation
import Reporting
import Rules
import Storage

/// Operations on runs already in a database: list, re-render, export.
/// Nothing here retrains: a report is a view of the stored run.
public struct StoredRuns {
    public let database: AuditDatabase

    /// Opens an existing database (never creates one).
    public init(databasePath: String) throws {
        database = try AuditDatabase.openExisting(path: databasePath)
    }

    /// Resolves `latest` or a number to a run id.
    /// - Throws: ``InputError`` for anything else, or when the database is empty.
    public func resolve(_ reference: String) throws -> Int64 {
        if reference == "latest" {
            guard let id = try database.latestRunId() else { throw InputError("the database has no runs yet") }
            return id
        }
        guard let id = Int64(reference), id > 0 else {
            throw InputError("'\(reference)' is not a run id; expected a positive number or 'latest'")
        }
        return id
    }

    /// The `runs` table, newest first, at most `limit` rows.
    public func table(limit: Int) throws -> String {
        RunsTable.render(Array(try database.runs().prefix(limit)))
    }

    /// Renders run `id` again into the outputs `options` names (Markdown,
    /// JSON, JUnit), with the gate evaluated at `options.failOn`.
    /// - Throws: ``RunNotComplete`` when the run is not `complete`, after
    ///   writing in place of each report one that says why there is no
    ///   verdict (``IncompleteRunOutputs``).
    public func render(id: Int64, options: RunOptions) throws -> RunOutcome {
        let writer = ReportWriter()
        let run = try database.runRecord(id: id)
        try writer.prepareOutputs(options)
        guard run.status == .complete else {
            let problem = RunNotComplete(run)
            _ = try IncompleteRunOutputs.write(run, problem: problem, options: options)
            throw problem
        }
        return try writer.write(database: database, runId: id, options: options)
    }

    /// Status, verdict, finding counts and provenance of run `id`
    /// (`dietaudit show`); ``RunOverview/notComplete`` is set for a run
    /// without a verdict.
    public func overview(id: Int64) throws -> RunOverview {
        RunOverview(try database.loadRun(id: id))
    }

    /// Writes the score export CSV of run `id` to `path`; returns the row count
    /// and, per score, the spec entry that re-imports it with its direction
    /// (``ScoreExport/reimportEntries(_:csvPath:)``).
    public func exportScores(id: Int64, to path: String) throws -> (examples: Int, reimportEntries: [String]) {
        let run = try database.runRecord(id: id)
        guard run.status == .complete else {
            throw RunNotComplete(run)
        }
        let scores = try database.scoreHeaders(runId: id)
        try ReportFiles.stream(to: path) { write in
            try ScoreExport.write(run: run, scores: scores, database: database, to: write)
        }
        return (try database.exampleCount(runId: id), ScoreExport.reimportEntries(scores: scores, csvPath: path))
    }
}

extension AuditRunner {
    /// Reads and checks a spec, its ruleset, data and imported scores without
    /// training or writing anything; returns a short description of what a
    /// run would do.
    public func validate(specPath: String) throws -> String {
        if let summary = try validateEngineSpec(specPath: specPath) { return summary }
        let inputs = try checkInputs(specPath: specPath)
        let groupings = inputs.data.groupings
        if inputs.spec.auditOnly { return auditOnlySummary(specPath: specPath, inputs) }
        return "\(specPath): OK — \(inputs.data.train.count) training and \(inputs.data.test.count) test examples, "
            + "\(inputs.data.featureNames.count) encoded features, \(groupings.count) groupings "
            + "(\(groupings.map(\.name).joined(separator: ", "))), scores "
            + "\(inputs.spec.scores.map(\.name).joined(separator: ", ")), "
            + "ruleset '\(inputs.ruleset.name)' with \(inputs.ruleset.rules.count) rules"
    }
}
