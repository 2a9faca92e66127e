import Storage

/// A run that is not `complete` was asked for its verdict. Only a complete
/// run has one (DESIGN.md, "Outputs"): `report` and `show` of any other run
/// say why and end with exit code 3, never with a gate result.
public struct RunNotComplete: Error, Sendable, CustomStringConvertible {
    public var runId: Int64
    public var audit: String
    public var status: RunStatus
    /// The stored reason (`failed`, `abandoned`), if any.
    public var message: String?
    /// The process recorded as writing it, if any.
    public var process: RunProcess?

    public init(_ run: RunRecord) {
        runId = run.id ?? 0
        audit = run.audit
        status = run.status
        message = run.errorMessage
        process = run.process
    }

    /// Why this run has no verdict, in one sentence or two.
    public var reason: String {
        switch status {
        case .running: runningReason
        case .failed: "it failed: " + (message ?? "no message was stored")
        case .abandoned: message ?? "its process is gone"
        case .complete: "it is complete"
        }
    }

    /// Why a `running` run is still running, as far as this host can tell.
    var runningReason: String {
        guard let process else {
            return "no process was recorded with it (stored by an older version), so whether it is still running "
                + "cannot be checked"
        }
        if process.host == RunProcess.currentHost {
            return "its process (\(process.text)) is still running; ask again when it has finished"
        }
        return "it runs on host \(process.host) (pid \(process.pid)), which cannot be checked from here; it may still "
            + "be running, or have died — a DietAudit process on that host marks it abandoned if so"
    }

    public var description: String {
        "run \(runId) (\(audit)) is \(status.rawValue), not complete, so it has no verdict — \(reason)"
    }
}
