import Auditing
import DietAuditCore

/// Extra conditions a row must meet before a rule is checked on it (`only_if`),
/// so that small or statistically unconvincing groups do not raise findings.
///
/// Keys: `q_value_below` and `p_value_below` (group rows: the Fisher test of
/// the group's removal), `min_group_size` (group rows: n ≥ this), and
/// `chi2_p_value_below` (attribute rows: the χ² test of the whole attribute).
public struct RulePrecondition: Sendable, Equatable {
    public var qValueBelow: Double?
    public var pValueBelow: Double?
    public var minGroupSize: Int?
    public var chi2PValueBelow: Double?

    public init(
        qValueBelow: Double? = nil, pValueBelow: Double? = nil, minGroupSize: Int? = nil, chi2PValueBelow: Double? = nil
    ) {
        self.qValueBelow = qValueBelow
        self.pValueBelow = pValueBelow
        self.minGroupSize = minGroupSize
        self.chi2PValueBelow = chi2PValueBelow
    }

    /// The `only_if` keys, as written in a ruleset.
    public static let keys = ["q_value_below", "p_value_below", "min_group_size", "chi2_p_value_below"]

    /// Throws when a key cannot apply to a metric of `level`: q and p values
    /// exist only on composition group rows, group sizes on group rows, the χ²
    /// p-value only on composition attribute rows.
    func check(for metric: String, level: MetricLevel, at node: YAMLValue) throws {
        let statistical = qValueBelow != nil || pValueBelow != nil
        switch level {
        case .group where chi2PValueBelow != nil:
            throw node.error(
                "chi2_p_value_below applies to attribute metrics (tvd, chi2, chi2_p_value), not to '\(metric)'")
        case .attribute where statistical || minGroupSize != nil:
            throw node.error(
                "'\(metric)' is measured per attribute, so q_value_below, p_value_below and min_group_size "
                    + "cannot apply; use chi2_p_value_below")
        case .errorGroup where statistical || chi2PValueBelow != nil:
            throw node.error(
                "'\(metric)' is an error-risk metric: only min_group_size (test examples) can apply; its spread is in "
                    + "\(metric)_ci_low and \(metric)_ci_high"
            )
        case .errorAttribute where statistical || chi2PValueBelow != nil || minGroupSize != nil:
            throw node.error("'\(metric)' is an error-risk metric per attribute: no only_if condition applies")
        default:
            return
        }
    }

    /// `q < 0.05, n ≥ 20`: for messages and reports; empty when unconditional.
    public var summary: String {
        var parts: [String] = []
        if let qValueBelow { parts.append("q < \(formatNumber(qValueBelow))") }
        if let pValueBelow { parts.append("p < \(formatNumber(pValueBelow))") }
        if let minGroupSize { parts.append("n ≥ \(minGroupSize)") }
        if let chi2PValueBelow { parts.append("χ² p < \(formatNumber(chi2PValueBelow))") }
        return parts.joined(separator: ", ")
    }
}
