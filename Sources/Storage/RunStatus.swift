/// Where a stored run is in its life (DESIGN.md, "Outputs").
///
/// A run row is inserted as `running` before any result is written, together
/// with the identity of the process writing it (host, pid, process start
/// time; see ``RunProcess``). Its results and the `complete` status are
/// written in one transaction; an error after the row exists marks it
/// `failed` with the error message; a run whose process died without doing
/// either is marked `abandoned` the next time the database is opened
/// (``AuditDatabase/markAbandonedRuns()``). Only a `complete` run has a
/// verdict: readers never present any other run's results as final.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    /// Its process is (as far as can be told) still computing or writing it.
    case running
    /// Every result and the gate are stored.
    case complete
    /// Its process reported an error; `error_message` says which.
    case failed
    /// Its process is gone without completing or failing it (killed, crashed).
    case abandoned
}
