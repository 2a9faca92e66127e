import DietAuditCore

/// When a rule fires: the metric's value lies below, above or outside a
/// threshold (`fail_if` in the ruleset), or it got worse since the previous
/// run (`compare_to: previous`, `by`).
public enum RuleCondition: Sendable, Equatable {
    /// `{below: x}`: fires when value < x.
    case below(Double)
    /// `{above: x}`: fires when value > x.
    case above(Double)
    /// `{outside: [lo, hi]}`: fires when value < lo or value > hi.
    case outside(Double, Double)
    /// `compare_to: previous` with `by: d`: fires when the metric moved the
    /// wrong way (its catalog ``Auditing/BetterDirection``) by more than d
    /// since the same row of the previous complete run of the audit. Judged by
    /// ``Ruleset/evaluate(_:errorRisk:previous:)``, never by
    /// ``breach(of:)`` (one value is not enough).
    case worsens(by: Double)

    /// Whether `value` breaks the condition, and if so the threshold it crossed
    /// and the direction (`"below"` or `"above"`).
    public func breach(of value: Double) -> (threshold: Double, comparison: String)? {
        switch self {
        case .below(let limit):
            return value < limit ? (limit, "below") : nil
        case .above(let limit):
            return value > limit ? (limit, "above") : nil
        case .outside(let low, let high):
            if value < low { return (low, "below") }
            if value > high { return (high, "above") }
            return nil
        case .worsens:
            return nil
        }
    }

    /// `below 0.8`, `above 0.1`, `outside [0.5, 2]`: for messages and reports.
    public var summary: String {
        switch self {
        case .below(let limit): "below \(formatNumber(limit))"
        case .above(let limit): "above \(formatNumber(limit))"
        case .outside(let low, let high): "outside [\(formatNumber(low)), \(formatNumber(high))]"
        case .worsens(let allowed): "worse than the previous run by more than \(formatNumber(allowed))"
        }
    }
}

/// A threshold as the user wrote it.
func formatNumber(_ value: Double) -> String {
    NumberFormatting.exact(value)
}
