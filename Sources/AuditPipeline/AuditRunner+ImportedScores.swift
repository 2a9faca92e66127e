import Datasets
import DietAuditCore
import Storage

extension AuditRunner {
    /// The imported scores lined up with the training examples, and the data
    /// after `on_missing: drop` removed the examples some score could not give
    /// a value to.
    struct ImportedJoin {
        var data: PreparedDataset
        /// Score name → one value per (kept) training example.
        var values: [String: [Double]]
        /// The problems of the scores with `on_missing: drop`.
        var problems: [ScoreJoinProblem]
        /// Training examples dropped (each counted once).
        var droppedExamples: Int
    }

    /// Reads every imported score of `spec` and joins it to `data`'s training
    /// examples (see ``joinImportedScore(_:name:trainIds:testIds:)``).
    ///
    /// A score with join problems is an error at its spec entry, listing each
    /// problem with its count and first five ids, unless it says
    /// `on_missing: drop`: then the affected training examples are dropped from
    /// the audit for every score, so all plans audit the same examples. An NPY
    /// vector of the wrong length is an error either way.
    /// - Throws: ``InputError`` (exit 2) before anything is written.
    ///
    /// - Parameter entries: the outcome of reading each imported score file
    ///   (``readImportedEntries(_:progress:)``, in the order of the spec's
    ///   imported scores), when read ahead; `nil` reads them here. A read
    ///   error is thrown when its score's turn comes, as if read here.
    func joinImportedScores(
        _ spec: AuditSpec, data: PreparedDataset, entries: [Result<ImportedScoreEntries, any Error>]? = nil
    ) throws -> ImportedJoin {
        var joined: [(name: String, score: JoinedScore)] = []
        var problems: [ScoreJoinProblem] = []
        for (index, imported) in Self.importedScores(of: spec).enumerated() {
            progress.begin("joining \(imported.displayPath)")
            let entries = try entries?[index].get() ?? readEntries(imported, spec: spec, progress: progress)
            let score = joinImportedScore(
                entries, name: imported.name, trainIds: data.train.ids, testIds: data.test.ids)
            try refuseProblems(score.problems, of: imported)
            problems += score.problems
            joined.append((imported.name, score))
        }
        var affected = [Bool](repeating: false, count: data.train.count)
        for (_, score) in joined {
            for index in affected.indices where score.affected[index] { affected[index] = true }
        }
        // Nothing to drop (the usual case): no list of kept positions, no copies.
        guard affected.contains(true) else {
            return ImportedJoin(
                data: data, values: Dictionary(joined.map { ($0.name, $0.score.values) }, uniquingKeysWith: { $1 }),
                problems: problems, droppedExamples: 0)
        }
        let kept = affected.indices.filter { !affected[$0] }
        guard !kept.isEmpty || data.train.count == 0 else {
            throw InputError(
                "on_missing: drop leaves no training example: every one lacks a usable imported score",
                at: SourceLocation(file: spec.file, key: "scores"))
        }
        let dropped = data.train.count - kept.count
        var values: [String: [Double]] = [:]
        for (name, score) in joined { values[name] = dropped == 0 ? score.values : kept.map { score.values[$0] } }
        return ImportedJoin(
            data: dropped == 0 ? data : data.keepingTrainExamples(at: kept), values: values,
            problems: problems, droppedExamples: dropped)
    }

    /// The spec's imported scores, in spec order.
    static func importedScores(of spec: AuditSpec) -> [ImportedScoreSpec] {
        spec.scores.compactMap { request in
            guard case .imported(let imported) = request else { return nil }
            return imported
        }
    }

    /// Reads every imported score file of `spec` (nothing is joined yet), each
    /// outcome kept for ``joinImportedScores(_:data:entries:)`` to throw in turn.
    func readImportedEntries(
        _ spec: AuditSpec, progress: ProgressReporter
    ) -> [Result<ImportedScoreEntries, any Error>] {
        Self.importedScores(of: spec).map { imported in
            Result { try readEntries(imported, spec: spec, progress: progress) }
        }
    }

    /// The raw entries of one imported score file.
    private func readEntries(
        _ imported: ImportedScoreSpec, spec: AuditSpec, progress: ProgressReporter
    ) throws -> ImportedScoreEntries {
        switch imported.source {
        case .engineColumn:
            throw InputError(
                "an imported score without path is a column of a postgres or counts dataset", at: imported.location)
        case .csv(let column, let idColumn):
            return try readImportedCSVEntries(
                path: imported.path, displayPath: imported.displayPath, column: column, idColumn: idColumn,
                progress: progress)
        case .npy(_, let idsPath, let idsDisplayPath):
            if idsPath == nil, !spec.auditOnly, case .fraction = spec.dataset.test {
                throw InputError(
                    "an NPY score without ids lines up with the dataset's rows in file order, but this spec holds "
                        + "out a random test split, so the training rows are not in file order; give ids "
                        + "(an NPY file of ids, one per score)",
                    at: imported.location)
            }
            return try readImportedNPYEntries(
                path: imported.path, displayPath: imported.displayPath, idsPath: idsPath,
                idsDisplayPath: idsDisplayPath)
        }
    }

    /// Throws when `problems` may not be dropped: any problem under
    /// `on_missing: error`, a wrong-length vector always.
    private func refuseProblems(_ problems: [ScoreJoinProblem], of imported: ImportedScoreSpec) throws {
        let file = imported.displayPath
        let fatal = problems.filter {
            imported.onMissing == .error || $0.problem == JoinProblemKind.wrongLength.rawValue
        }
        guard !fatal.isEmpty else { return }
        let described = fatal.map {
            JoinProblemKind(rawValue: $0.problem)!.describe(count: $0.count, examples: $0.examples, file: file)
        }
        let advice =
            imported.onMissing == .error && !fatal.contains { $0.problem == JoinProblemKind.wrongLength.rawValue }
            ? "; fix the file, or add on_missing: drop to this score to leave the affected training examples "
                + "out of the audit (for every score)"
            : ""
        throw InputError(
            "score '\(imported.name)' does not line up with the training examples: "
                + described.joined(separator: "; ") + advice,
            at: imported.location)
    }
}
