/// What a finding says about its row: the rule judged it and the limit was
/// crossed, or the rule could not judge it.
///
/// The raw values are the contract names in the database and the JSON report
/// (`finding.outcome`).
public enum FindingOutcome: String, Sendable, Codable, CaseIterable {
    /// The metric was measured and crossed the rule's limit.
    case breach
    /// The rule applies to the row but cannot judge it: the group is below the
    /// rule's `min_group_size`, the metric is undefined there (no test example
    /// of the group, an interval from one seed, a rate without its base), or a
    /// `compare_to: previous` rule has no earlier complete run to compare with.
    /// Its severity is the ruleset's `on_insufficient` (default `warn`).
    case insufficientEvidence = "insufficient_evidence"
}
