import Auditing
import DietAuditCore
import Foundation

extension Ruleset {
    /// The findings of a `compare_to: previous` rule.
    ///
    /// Each row the rule applies to (its `applies_to`, `policies` and
    /// `only_if`, as for a fixed limit) whose metric is defined is matched
    /// with the row of `previous` with the same score, policy, fraction,
    /// attribute and group. With d = the move the wrong way
    /// (``Auditing/BetterDirection/worsening(from:to:)`` of the metric's
    /// declared direction):
    /// - d > `allowed`: a breach at the rule's severity, whose threshold is
    ///   the value beyond which the move exceeds `allowed`
    ///   (``Auditing/BetterDirection/limit(from:allowed:towards:)``);
    /// - no previous run at all: one insufficient-evidence finding for the
    ///   rule (comparison `no_previous_run`);
    /// - the row is not in the previous run (`not_in_previous_run`) or its
    ///   metric was undefined there (`undefined_in_previous_run`): an
    ///   insufficient-evidence finding for the row.
    ///
    /// A move equal to `allowed` within rounding (10⁻¹² relative) is not a breach.
    func regressionFindings(
        _ rule: Rule, allowed: Double, audit: CompositionAudit, errorRisk: ErrorRiskAudit, previous: PreviousRun?
    ) -> [Finding] {
        guard let resolved = MetricCatalog.resolve(rule.metric), let better = resolved.definition.better else {
            return []
        }
        guard let previous else { return [noPreviousRunFinding(rule)] }
        let comparison = RegressionComparison(
            rule: rule, better: better, allowed: allowed, previousId: previous.id,
            severityWhenUnjudged: insufficientSeverity(of: rule))
        return switch resolved.definition.level {
        case .group: comparison.findings(rows: audit.rows, previousRows: previous.composition.rows)
        case .attribute: comparison.findings(rows: audit.attributes, previousRows: previous.composition.attributes)
        case .errorGroup: comparison.findings(rows: errorRisk.rows, previousRows: previous.errorRisk.rows)
        case .errorAttribute:
            comparison.findings(rows: errorRisk.attributes, previousRows: previous.errorRisk.attributes)
        }
    }

    /// The audit's first complete run: nothing to compare with.
    private func noPreviousRunFinding(_ rule: Rule) -> Finding {
        Finding(
            ruleId: rule.id, severity: insufficientSeverity(of: rule), score: nil,
            policy: RegressionComparison.everyRow, fraction: nil, attribute: RegressionComparison.everyRow,
            group: nil, metric: rule.metric, value: nil, threshold: nil,
            comparison: InsufficientReason.noPreviousRun.rawValue,
            message: "No earlier complete run of this audit to compare \(rule.metric) with; rule '\(rule.id)' "
                + "judges from the next run on.",
            outcome: .insufficientEvidence)
    }
}

/// One regression rule's comparison of this run's rows with the previous run's.
struct RegressionComparison {
    /// The scope (`policy`, `attribute`) of a finding about every row of a rule.
    static let everyRow = "all"

    var rule: Rule
    var better: BetterDirection
    var allowed: Double
    var previousId: Int64
    var severityWhenUnjudged: Severity

    /// The findings over `rows`, in row order.
    func findings<Row: RuleRow>(rows: [Row], previousRows: [Row]) -> [Finding] {
        let earlier = Dictionary(previousRows.map { (RowKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        return rows.compactMap { row -> Finding? in
            guard rule.appliesTo.contains(row.attributeKind),
                rule.policies.map({ $0.contains(row.policy) }) ?? true,
                row.satisfies(rule.precondition),
                let value = row.value(of: rule.metric)
            else { return nil }
            guard let earlierRow = earlier[RowKey(row)] else {
                return unjudged(
                    row, value: value, comparison: InsufficientReason.notInPreviousRun.rawValue,
                    why: "the row is not in run \(previousId)")
            }
            guard let oldValue = earlierRow.value(of: rule.metric) else {
                return unjudged(
                    row, value: value, comparison: InsufficientReason.undefinedInPreviousRun.rawValue,
                    why: "it was undefined in run \(previousId)")
            }
            return breach(row, old: oldValue, new: value)
        }
    }

    /// A breach when `new` moved the wrong way from `old` by more than allowed.
    private func breach(_ row: some RuleRow, old: Double, new: Double) -> Finding? {
        let worsening = better.worsening(from: old, to: new)
        let tolerance = 1e-12 * max(1, abs(old), abs(new))
        guard worsening > allowed + tolerance else { return nil }
        let limit = better.limit(from: old, allowed: allowed, towards: new)
        let verb = new < old ? "fell" : "rose"
        let distance = better.target.map { ", \(formatMetric(worsening)) further from \(formatNumber($0))" } ?? ""
        let message =
            "\(Self.scope(of: row)): \(rule.metric) \(verb) from \(formatMetric(old)) (run \(previousId)) "
            + "to \(formatMetric(new))\(distance), more than the allowed \(formatNumber(allowed))."
        // The limit is derived (old ± allowed), so 1 − (0.09 + 0.05) would read 0.8599999999999999 in the
        // report's limit column; 12 significant digits keep it exact enough and readable.
        let threshold = Double(String(format: "%.12g", limit.threshold)) ?? limit.threshold
        return finding(
            row, severity: rule.severity, value: new, threshold: threshold,
            comparison: limit.side, message: message, outcome: .breach)
    }

    /// An insufficient-evidence finding for one row.
    private func unjudged(_ row: some RuleRow, value: Double, comparison: String, why: String) -> Finding {
        let message =
            "\(Self.scope(of: row)): \(rule.metric) = \(formatMetric(value)) cannot be compared with the "
            + "previous run: \(why)."
        return finding(
            row, severity: severityWhenUnjudged, value: value, threshold: nil, comparison: comparison,
            message: message, outcome: .insufficientEvidence)
    }

    private func finding(
        _ row: some RuleRow, severity: Severity, value: Double, threshold: Double?,
        comparison: String, message: String, outcome: FindingOutcome
    ) -> Finding {
        Finding(
            ruleId: rule.id, severity: severity, score: row.score, policy: row.policy, fraction: row.fractionOrNil,
            attribute: row.attribute, group: row.groupOrNil, metric: rule.metric, value: value,
            threshold: threshold, comparison: comparison, message: message, outcome: outcome)
    }

    /// "Pruning 30% with keep_hard by el2n@2, group 'female' of sex" / "…, sex".
    static func scope(of row: some RuleRow) -> String {
        let plan = planPhrase(score: row.score, policy: row.policy, fraction: row.fractionOrNil)
        return plan + ", " + (row.groupOrNil.map { "group '\($0)' of \(row.attribute)" } ?? row.attribute)
    }
}

/// The identity of a row across runs: score, policy, fraction, attribute, group.
private struct RowKey: Hashable {
    var score: String?
    var policy: String
    var fraction: Double?
    var attribute: String
    var group: String?

    init(_ row: some RuleRow) {
        score = row.score
        policy = row.policy
        fraction = row.fractionOrNil
        attribute = row.attribute
        group = row.groupOrNil
    }
}
