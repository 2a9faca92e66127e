import Foundation
import GRDB

extension AuditDatabase {
    /// Marks `abandoned` every `running` run whose process is gone: it ran on
    /// this host, and its pid no longer exists, has exited, or belongs to a
    /// process started at another time (a reused pid). The run's message says
    /// which process it was and that it stopped before storing its results.
    ///
    /// A run recorded on another host sharing the file cannot be checked from
    /// here and stays `running` (reports of it still refuse a verdict); so
    /// does a run stored before the process was recorded.
    /// Called on every open; safe to call again.
    /// - Parameters:
    ///   - host: this machine's host name.
    ///   - isAlive: the liveness test (``RunProcess/isAlive(onHost:)``; tests replace it).
    /// - Returns: the ids of the runs marked.
    @discardableResult
    public func markAbandonedRuns(
        host: String = RunProcess.currentHost, now: Date = Date(),
        isAlive: (RunProcess) -> Bool? = { $0.isAlive() }
    ) throws -> [Int64] {
        let running = try writer.read { db in
            try RunRecord.filter(Column("status") == RunStatus.running.rawValue)
                .filter(Column("host") == host).fetchAll(db)
        }
        let gone = running.filter { run in run.process.map { isAlive($0) == false } ?? false }
        guard !gone.isEmpty else { return [] }
        return try writer.write { db in
            var marked: [Int64] = []
            for candidate in gone {
                // Re-read inside the write: the run may have completed or failed meanwhile.
                guard let id = candidate.id, var run = try RunRecord.fetchOne(db, key: id), run.status == .running,
                    let process = run.process, isAlive(process) == false
                else { continue }
                run.status = .abandoned
                run.finishedAt = now
                run.errorMessage = Self.abandonedMessage(process)
                try run.update(db)
                marked.append(id)
            }
            return marked
        }
    }

    /// Why a run was marked abandoned.
    static func abandonedMessage(_ process: RunProcess) -> String {
        "abandoned: the process that ran it (\(process.text)) is gone — killed or crashed before it stored "
            + "its results; nothing of it is final. Run the audit again."
    }
}
