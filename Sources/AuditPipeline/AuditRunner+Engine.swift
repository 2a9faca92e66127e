import Auditing
import Datasets
import DietAuditCore
import Foundation
import Rules
import SQLEngines
import Scoring
import Storage

/// Audits whose examples live in a SQL engine: the engine ranks and counts
/// (``SQLEngines/CountingQuery``), and everything else — groups,
/// intersections, statistics, findings, remedies — is computed here from the
/// cell counts, as for examples in memory (docs/SCALE.md).
extension AuditRunner {
    /// What an engine audit reads and checks before its run is stored.
    struct EngineInputs {
        var spec: AuditSpec
        var engine: EngineDatasetSpec
        var ruleset: LoadedRuleset
        var counts: EngineCounts
        var cells: CellGroupings
        var provenance: EngineProvenance
        var dataSHA256: String
    }

    /// Runs the audit when the spec's dataset is in an engine; `nil` otherwise.
    func runEngineAudit(specPath: String, options: RunOptions) throws -> RunOutcome? {
        var clock = StageClock()
        progress.begin("reading \(specPath)")
        let spec = try AuditSpec.load(fileAt: specPath)
        guard let engine = spec.engine else { return nil }
        let ruleset = try loadRuleset(spec)
        progress.begin("counting in \(engine.sourceName == "postgres" ? "PostgreSQL" : engine.display)")
        let inputs = try engineInputs(spec: spec, engine: engine, ruleset: ruleset)
        clock.lap("count in the engine")
        let writer = ReportWriter()
        try writer.prepareOutputs(options)
        let database = try AuditDatabase(path: options.databasePath)
        let runId = try database.beginRun(engineRunRecord(inputs, options: options))
        do {
            let previous = try database.lastCompleteRun(audit: spec.name, before: runId)
            let results = engineResults(inputs, failOn: options.failOn, previous: previous, clock: &clock)
            try database.completeRun(id: runId, results: results)
        } catch {
            try? database.failRun(id: runId, message: String(describing: error))
            throw error
        }
        return try writer.write(database: database, runId: runId, options: options)
    }

    /// The counting query of an engine spec, and its scores.
    static func countingQuery(_ spec: AuditSpec, engine: EngineDatasetSpec, table: String?) -> (
        query: CountingQuery, scores: [CountingQuery.Score]
    ) {
        let scores = spec.scores.compactMap { request -> CountingQuery.Score? in
            guard case .imported(let imported) = request else { return nil }
            return CountingQuery.Score(
                name: imported.name, column: imported.shortName, higherIsHarder: imported.higherIs == .harder)
        }
        let query = CountingQuery(
            table: table ?? engine.table ?? "examples", labelColumn: engine.label, idColumn: engine.id ?? "id",
            attributeColumns: engine.attributes, seed: spec.training.seed,
            plans: CountingQuery.countedPlans(policies: spec.pruning.policies, fractions: spec.pruning.fractions),
            randomFractions: spec.pruning.policies.contains(.random) ? spec.pruning.fractions : [])
        return (query, scores)
    }

    /// The plans a counts table must hold for `spec`.
    static func expectedPlans(_ spec: AuditSpec, query: CountingQuery, scores: [CountingQuery.Score])
        -> [CountsPlanKey]
    {
        var keys: [CountsPlanKey] = []
        for score in scores {
            for plan in query.plans {
                keys.append(CountsPlanKey(score: score.name, policy: plan.policy, fraction: plan.fraction))
            }
        }
        for fraction in query.randomFractions {
            keys.append(CountsPlanKey(score: nil, policy: .random, fraction: fraction))
        }
        return keys
    }

    func engineInputs(spec: AuditSpec, engine: EngineDatasetSpec, ruleset: LoadedRuleset) throws
        -> EngineInputs
    {
        let (query, scores) = Self.countingQuery(spec, engine: engine, table: nil)
        let rows: [CountsRow], provenance: EngineProvenance, dataSHA256: String
        switch engine.source {
        case .postgres(let connection):
            (rows, provenance) = try PostgresCounting(connectionString: connection, query: query, scores: scores).run()
            dataSHA256 = Fingerprint.sha256(Self.canonicalText(rows))
        case .counts(let path, let displayPath):
            let file = try readCountsFile(path: path, displayPath: displayPath, attributes: engine.attributes)
            rows = file.rows
            dataSHA256 = file.sha256
            provenance = EngineProvenance(
                engine: "counts table", version: nil, table: displayPath, querySHA256: nil, bytesMoved: file.bytes)
        }
        let source = SourceLocation(file: engine.display, key: query.table)
        let counts = try EngineCounts.checked(
            rows: rows, expected: Self.expectedPlans(spec, query: query, scores: scores), source: source)
        let cells = CellGroupings(
            cells: counts.cells, attributes: engine.attributes, intersections: engine.intersections)
        return EngineInputs(
            spec: spec, engine: engine, ruleset: ruleset, counts: counts, cells: cells, provenance: provenance,
            dataSHA256: dataSHA256)
    }

    /// The counts rows as CSV-like text, one line per row in order: what the
    /// data fingerprint of a PostgreSQL audit hashes.
    static func canonicalText(_ rows: [CountsRow]) -> String {
        rows.map { row in
            ([row.score, row.policy, row.fraction] + row.cell.map { $0 ?? "" } + ["\(row.size)", "\(row.removed)"])
                .joined(separator: "\u{1f}")
        }.joined(separator: "\n")
    }
}

extension AuditRunner {
    /// The counting query of the spec at `specPath` as one statement
    /// (`dietaudit sql`).
    /// - Throws: ``InputError`` for a spec whose dataset is a file, or that
    ///   names no table (`dataset.table` or `table`).
    public static func countingSQL(specPath: String, dialect: SQLDialect, table: String?) throws -> String {
        let spec = try AuditSpec.load(fileAt: specPath)
        guard let engine = spec.engine else {
            throw InputError(
                "dietaudit sql needs a dataset in a SQL engine: {postgres: …, table: …} or {counts: …}",
                at: SourceLocation(file: specPath, key: "dataset"))
        }
        guard table != nil || engine.table != nil else {
            throw InputError(
                "no table to count: give --table NAME or dataset.table",
                at: SourceLocation(file: specPath, key: "dataset"))
        }
        guard engine.id != nil else {
            throw InputError(
                "the query hashes the id column: add dataset.id", at: SourceLocation(file: specPath, key: "dataset"))
        }
        let (query, scores) = countingQuery(spec, engine: engine, table: table)
        return query.sql(scores: scores, dialect: dialect) + ";"
    }
}

extension AuditRunner {
    /// `dietaudit validate` of an engine spec: the spec and ruleset are
    /// checked, and a counts file read and checked; a PostgreSQL table is not
    /// queried (`dietaudit run` checks it before writing anything). `nil` for
    /// a file dataset.
    func validateEngineSpec(specPath: String) throws -> String? {
        let spec = try AuditSpec.load(fileAt: specPath)
        guard let engine = spec.engine else { return nil }
        let ruleset = try loadRuleset(spec)
        let scores = spec.scores.map(\.name).joined(separator: ", ")
        let rules = "ruleset '\(ruleset.ruleset.name)' with \(ruleset.ruleset.rules.count) rules"
        guard case .counts = engine.source else {
            return "\(specPath): OK — audit-only in PostgreSQL (\(engine.display), table \(engine.table ?? "")); "
                + "scores \(scores); \(rules); the table is checked when `dietaudit run` connects"
        }
        let inputs = try engineInputs(spec: spec, engine: engine, ruleset: ruleset)
        return "\(specPath): OK — audit-only counts table: \(inputs.counts.cellSizes.reduce(0, +)) examples in "
            + "\(inputs.counts.cellSizes.count) cells, \(inputs.cells.groupings.count) groupings, "
            + "scores \(scores); \(rules)"
    }
}
