/// Which way a metric improves: the declaration a `compare_to: previous` rule
/// reads to tell a regression from an improvement.
///
/// "Moved the wrong way by d" from an earlier value `old` to a new value `new`
/// (``worsening(from:to:)``):
///
/// | direction    | d                    |
/// |--------------|----------------------|
/// | `higher`     | old − new            |
/// | `lower`      | new − old            |
/// | `towardOne`  | \|new − 1\| − \|old − 1\| |
/// | `towardZero` | \|new\| − \|old\|        |
///
/// d > 0 means worse, d < 0 better; a rule with `by: b` breaches when d > b.
/// Metrics that measure evidence (p- and q-values, χ²) or the data itself
/// (sizes, shares, counts) have no better direction (`nil` in the catalog),
/// and a regression rule on them is refused when the ruleset is loaded.
public enum BetterDirection: String, Sendable, CaseIterable {
    /// More is better (accuracy, impact_ratio).
    case higher
    /// Less is better (false positive rate, calibration error, a delta of a disparity).
    case lower
    /// Closer to 1 is better (ratios whose fair value is 1: retention_ratio, …).
    case towardOne = "toward_one"
    /// Closer to 0 is better (differences and gaps: excess_removal, tvd, accuracy_gap, …).
    case towardZero = "toward_zero"

    /// How far the metric moved the wrong way from `old` to `new` (negative
    /// when it improved); see the table above.
    public func worsening(from old: Double, to new: Double) -> Double {
        switch self {
        case .higher: old - new
        case .lower: new - old
        case .towardOne: abs(new - 1) - abs(old - 1)
        case .towardZero: abs(new) - abs(old)
        }
    }

    /// The new value's limit: the value beyond which a move from `old` is a
    /// worsening of more than `allowed`, on the side `new` lies on, and that
    /// side (`below` or `above`). A breach has `new` beyond this limit.
    public func limit(from old: Double, allowed: Double, towards new: Double) -> (threshold: Double, side: String) {
        switch self {
        case .higher: return (old - allowed, "below")
        case .lower: return (old + allowed, "above")
        case .towardOne, .towardZero:
            let target: Double = self == .towardOne ? 1 : 0
            let distance = abs(old - target) + allowed
            return new < target ? (target - distance, "below") : (target + distance, "above")
        }
    }

    /// The value a move is measured against, for messages: 1 or 0, or `nil`.
    public var target: Double? {
        switch self {
        case .higher, .lower: nil
        case .towardOne: 1
        case .towardZero: 0
        }
    }

    /// `higher`, `lower`, `toward 1`, `toward 0`: for listings.
    public var summary: String {
        switch self {
        case .higher: "higher"
        case .lower: "lower"
        case .towardOne: "toward 1"
        case .towardZero: "toward 0"
        }
    }
}
