import Auditing
import DietAuditCore

/// What a rule needs from a row of any audit table: its scope, its metric
/// values, whether its `only_if` holds, and how to describe it in a finding.
protocol RuleRow {
    var score: String? { get }
    var policy: String { get }
    var fractionOrNil: Double? { get }
    var attribute: String { get }
    var attributeKind: GroupingKind { get }
    /// The group; `nil` for an attribute-level row.
    var groupOrNil: String? { get }
    func value(of metric: String) -> Double?
    /// The rule's metric on this row: a value, not applicable, or undefined
    /// with a reason (`RuleRow+Reading.swift`).
    func reading(of metric: String) -> RuleReading
    /// The size `only_if.min_group_size` compares with; `nil` on attribute rows.
    var groupSize: Int? { get }
    /// Whether the rule's `only_if` holds for this row (the loader has already
    /// rejected keys that cannot apply to its level).
    func satisfies(_ precondition: RulePrecondition) -> Bool
    /// The middle of a finding's sentence: who, and with what evidence.
    func subject(metric: String, value: Double) -> String
}

extension CompositionRow: RuleRow {
    var fractionOrNil: Double? { fraction }
    var groupOrNil: String? { group }

    func satisfies(_ precondition: RulePrecondition) -> Bool {
        if let limit = precondition.qValueBelow, !(qValue < limit) { return false }
        if let limit = precondition.pValueBelow, !(pValue < limit) { return false }
        if let size = precondition.minGroupSize, n < size { return false }
        return true
    }

    func subject(metric: String, value: Double) -> String {
        "group '\(group)' of \(attribute) (n = \(n), \(removed) removed) has \(metric) = \(formatMetric(value))"
    }

    /// The q-value closes a composition finding's sentence.
    var evidence: String { " (q = \(formatMetric(qValue)))" }
}

extension AttributeRow: RuleRow {
    var fractionOrNil: Double? { fraction }
    var groupOrNil: String? { nil }

    func satisfies(_ precondition: RulePrecondition) -> Bool {
        guard let limit = precondition.chi2PValueBelow else { return true }
        return chi2PValue.map { $0 < limit } ?? false
    }

    func subject(metric: String, value: Double) -> String {
        "the make-up of \(attribute) shifts: \(metric) = \(formatMetric(value))"
    }
}

extension ErrorRiskRow: RuleRow {
    var fractionOrNil: Double? { fraction }
    var groupOrNil: String? { group }

    func satisfies(_ precondition: RulePrecondition) -> Bool {
        precondition.minGroupSize.map { n >= $0 } ?? true
    }

    func subject(metric: String, value: Double) -> String {
        "group '\(group)' of \(attribute) (\(n) test examples) has \(metric) = \(formatMetric(value))"
            + seedInterval(metric, value(of:))
    }
}

extension ErrorRiskAttributeRow: RuleRow {
    var fractionOrNil: Double? { fraction }
    var groupOrNil: String? { nil }

    func satisfies(_ precondition: RulePrecondition) -> Bool { true }

    func subject(metric: String, value: Double) -> String {
        "across \(attribute) \(metric) = \(formatMetric(value))" + seedInterval(metric, value(of:))
    }
}

/// ` (95% CI a to b)` for a seed-averaged metric, when its interval exists.
private func seedInterval(_ metric: String, _ value: (String) -> Double?) -> String {
    guard let low = value(metric + "_ci_low"), let high = value(metric + "_ci_high") else { return "" }
    return " (95% CI \(formatMetric(low)) to \(formatMetric(high)))"
}
