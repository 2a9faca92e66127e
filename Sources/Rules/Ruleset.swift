import DietAuditCore

/// A named list of rules, loaded from YAML:
///
/// ```yaml
/// ruleset: default
/// on_insufficient: warn                # info | warn | fail: severity of rows a rule cannot judge
/// rules:
///   - id: disproportionate-removal
///     description: A group keeps less than 4/5 of the overall retention rate.
///     metric: retention_ratio
///     applies_to: [class, attribute, intersection]
///     fail_if: {below: 0.8}            # below | above | outside: [lo, hi]
///     only_if: {q_value_below: 0.05, min_group_size: 20}
///     severity: fail                   # info | warn | fail
///     policies: [keep_hard, keep_easy] # optional: only these plans (also keep_hard+offset0.1)
///     on_insufficient: info            # optional: overrides the ruleset's
///   - id: retention-regression         # instead of fail_if: against the last
///     metric: retention_ratio          #   complete run of the same audit
///     compare_to: previous             #   (see Ruleset+Regression.swift)
///     by: 0.05
/// ```
///
/// Thresholds live only here; the Auditing stage computes metrics without
/// judging them.
public struct Ruleset: Sendable, Equatable {
    public var name: String
    public var rules: [Rule]
    /// Severity of the findings of rows a rule applies to but cannot judge
    /// (``FindingOutcome/insufficientEvidence``), unless the rule sets its own.
    public var onInsufficient: Severity

    /// The default of ``onInsufficient``.
    public static let defaultOnInsufficient = Severity.warn

    public init(name: String, rules: [Rule], onInsufficient: Severity = Ruleset.defaultOnInsufficient) {
        self.name = name
        self.rules = rules
        self.onInsufficient = onInsufficient
    }
}
