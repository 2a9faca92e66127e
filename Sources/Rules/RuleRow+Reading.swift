import Auditing
import DietAuditCore

/// How each audit table reads a rule's metric (``RuleRow/reading(of:)``) and
/// which size `min_group_size` compares with (``RuleRow/groupSize``).
///
/// A metric that is `nil` on a row is ``RuleReading/undefined(reason:)``
/// with the reason its definition gives (``MetricCatalog``), except where it
/// cannot exist by construction (``RuleReading/notApplicable``).
extension CompositionRow {
    var groupSize: Int? { n }

    func reading(of metric: String) -> RuleReading {
        if let value = value(of: metric) { return .value(value) }
        switch metric {
        case "removal_ratio":
            return .undefined(reason: "the plan removes nothing (R = 0), so the ratio is 0/0")
        case "retention_ratio", "share_after", "representation_ratio":
            return .undefined(reason: "the plan removes every example (R = N), so nothing is kept")
        default:
            return .undefined(reason: genericReason(metric))
        }
    }
}

extension AttributeRow {
    var groupSize: Int? { nil }

    func reading(of metric: String) -> RuleReading {
        if let value = value(of: metric) { return .value(value) }
        return .undefined(
            reason: "the χ² test needs at least 2 non-empty groups and some but not all examples "
                + "removed")
    }
}

extension ErrorRiskRow {
    var groupSize: Int? { n }

    func reading(of metric: String) -> RuleReading {
        guard let (definition, field) = MetricCatalog.resolve(metric), let base = definition.errorRiskMetric else {
            return .undefined(reason: genericReason(metric))
        }
        if undefinedRates.contains(base) {
            let missing = base == .truePositiveRate ? "positive" : "negative"
            return .undefined(
                reason: "the group has no \(missing) test example, so its \(base.rawValue) is "
                    + "undefined (Fairlearn counts it as 0)")
        }
        if let value = value(of: metric) { return .value(value) }
        switch base {
        case .accuracyDeltaVsFull where isBaseline:
            return .notApplicable
        case .accuracyDeltaVsRandom where isBaseline || policy == PruningPolicy.random.rawValue:
            return .notApplicable
        case .accuracyDeltaVsRandom:
            return .undefined(reason: "no random plan prunes the same fraction, so there is nothing to compare with")
        case .selectionRate, .truePositiveRate, .falsePositiveRate:
            guard metrics[base] == nil else { break }
            return .undefined(reason: "the audit spec sets no positive_label, so \(base.rawValue) is not measured")
        default:
            break
        }
        return metrics[base] != nil && field != .mean
            ? .undefined(reason: "one retraining seed gives no spread (retrain with seeds ≥ 2)")
            : .undefined(reason: genericReason(metric))
    }
}

extension ErrorRiskAttributeRow {
    var groupSize: Int? { nil }

    func reading(of metric: String) -> RuleReading {
        if let value = value(of: metric) { return .value(value) }
        guard let (definition, field) = MetricCatalog.resolve(metric), let base = definition.errorRiskMetric else {
            return .undefined(reason: genericReason(metric))
        }
        if metrics[base] != nil && field != .mean {
            return .undefined(reason: "one retraining seed gives no spread (retrain with seeds ≥ 2)")
        }
        if base == .demographicParityDifference || base == .equalizedOddsDifference {
            return .undefined(reason: "the audit spec sets no positive_label, so \(base.rawValue) is not measured")
        }
        return .undefined(reason: genericReason(metric))
    }
}

/// "it is undefined here (<the catalog's edge cases>)".
private func genericReason(_ metric: String) -> String {
    guard let definition = MetricCatalog.resolve(metric)?.definition, definition.edgeCases != "—" else {
        return "it is undefined on this row"
    }
    return "it is undefined on this row (\(definition.edgeCases))"
}
