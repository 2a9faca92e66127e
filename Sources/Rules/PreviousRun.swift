import Auditing

/// The results a `compare_to: previous` rule compares with: those of the last
/// complete run of the same audit (same `audit` name) stored before the run
/// being judged. The pipeline looks it up in the database and passes it to
/// ``Ruleset/evaluate(_:errorRisk:previous:)``; `nil` there means there is
/// none (the audit's first complete run).
public struct PreviousRun: Sendable {
    /// The earlier run's database id, quoted in messages ("(run 12)").
    public var id: Int64
    /// Its composition rows and attribute rows.
    public var composition: CompositionAudit
    /// Its error-risk rows (empty when it retrained nothing).
    public var errorRisk: ErrorRiskAudit

    public init(
        id: Int64, composition: CompositionAudit,
        errorRisk: ErrorRiskAudit = ErrorRiskAudit(rows: [], attributes: [])
    ) {
        self.id = id
        self.composition = composition
        self.errorRisk = errorRisk
    }
}
