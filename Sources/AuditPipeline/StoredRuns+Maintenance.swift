import DietAuditCore
import Reporting
import Storage

extension StoredRuns {
    /// Compares two stored runs (`old`, `new` are ids or `latest`).
    /// - Throws: ``InputError`` for an unknown id; ``RunNotComplete`` when
    ///   either run has no results.
    public func diff(old: String, new: String, moveLimit: Int = 10) throws -> RunDiff {
        let before = try completeRun(try resolve(old)), after = try completeRun(try resolve(new))
        return RunDiff(old: before, new: after, moveLimit: moveLimit)
    }

    /// Deletes runs beyond the `keep` newest complete ones of each audit
    /// (see ``AuditDatabase/pruneRuns(keep:)``); returns a sentence saying what went.
    public func prune(keep: Int) throws -> String {
        let result = try database.pruneRuns(keep: keep)
        let kept =
            "kept the \(keep) newest complete run\(keep == 1 ? "" : "s") of each audit, "
            + "every run started after them and every running run"
        guard !result.deletedRunIds.isEmpty else { return "deleted no runs; \(kept)" }
        let count = result.deletedRunIds.count
        let ids = result.deletedRunIds.map(String.init).joined(separator: ", ")
        return "deleted \(count) run\(count == 1 ? "" : "s") (ids \(ids)) "
            + "of \(result.audits.map { "'\($0)'" }.joined(separator: ", ")); \(kept)"
    }

    /// Run `id`, which must be complete.
    func completeRun(_ id: Int64) throws -> StoredRun {
        let stored = try database.loadRun(id: id)
        guard stored.run.status == .complete else {
            throw RunNotComplete(stored.run)
        }
        return stored
    }
}
