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

    public init(_ run: RunRecord) {
        runId = run.id ?? 0
        audit = run.audit
        status = run.status
        message = run.errorMessage
    }

    /// Why this run has no verdict, in one sentence or two.
    public var reason: String {
        switch status {
        case .running:
            "its process is still running, or ran on another host and cannot be checked from here"
                + (message.map { " (\($0))" } ?? "")
        case .failed: "it failed: " + (message ?? "no message was stored")
        case .abandoned: message ?? "its process is gone"
        case .complete: "it is complete"
        }
    }

    public var description: String {
        "run \(runId) (\(audit)) is \(status.rawValue), not complete, so it has no verdict — \(reason)"
    }
}
