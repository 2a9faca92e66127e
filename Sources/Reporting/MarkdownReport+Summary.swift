import Auditing
import DietAuditCore
import Scoring
import Storage

extension MarkdownReport {
    /// The summary, about ten lines whatever the run's size: what was
    /// audited in one sentence, then the recommendation, the three worst
    /// groups of findings (or, without breaches, the sharpest
    /// disproportions), who pays, what chance alone does, and one line of
    /// score warnings.
    func summary() -> [ReportBlock] {
        var items: [RichText] = []
        if let recommendation = recommendationSentence() { items.append(recommendation) }
        let groups = FindingGroup.groups(of: stored.findings)
        if groups.isEmpty {
            let sharpest = sharpestDisproportions(limit: 3)
            if sharpest.isEmpty {
                items.append(
                    "No group of at least 20 examples was removed at a significantly different rate (q < 0.05) by "
                        + "any score-based plan.")
            }
            items += sharpest.map(disproportionSentence)
        } else {
            items += groups.prefix(3).map(findingGroupSentence)
            if groups.count > 3 {
                let more = groups.count - 3
                items.append(
                    "\(more) more group\(more == 1 ? " is" : "s are") listed under "
                        + "\(link: "Findings", to: "#findings")."
                )
            }
        }
        items.append(errorRiskSentence())
        if let chance = randomBaselineSentence() { items.append(chance) }
        let warnings = validityWarnings()
        if warnings.count == 1 {
            items.append("⚠️ \(warnings[0].sentence)")
        } else if warnings.count > 1 {
            let shorts = RichText.joined(warnings.map(\.short), separator: "; ")
            items.append(
                "⚠️ \(warnings.count) score warnings: \(shorts) "
                    + "(see \(link: "Score validity", to: "#score-validity")).")
        }
        return [.paragraph(scopeSentence()), .list(items.map { ReportListItem($0) })]
    }

    /// What was audited, in one sentence.
    func scopeSentence() -> RichText {
        let data = stored.run.dataset
        let kinds = Dictionary(grouping: data.groupings, by: \.groupingKind)
        let attributeCount = kinds[.attribute]?.count ?? 0, intersectionCount = kinds[.intersection]?.count ?? 0
        let classCount = kinds[.class]?.first?.groups.count ?? 0
        let scores = RichText.joined(stored.scores.map { .code($0.name) }, separator: ", ")
        let fractions = Set(stored.plans.map(\.fraction)).sorted().map(percent).joined(separator: ", ")
        let policies = RichText.joined(orderedUnique(stored.plans.map(\.policy)).map { .code($0) }, separator: ", ")
        return "DietAudit ranked the \(data.trainCount) training examples of \(code: data.path) by \(scores), "
            + "removed \(fractions) of them with \(policies), and tested whether each of \(classCount) classes, "
            + "\(attributeCount) sensitive attribute\(attributeCount == 1 ? "" : "s") and \(intersectionCount) "
            + "intersection\(intersectionCount == 1 ? "" : "s") "
            + "lost more examples than chance would remove (Fisher exact test, Benjamini–Hochberg corrected per plan)."
    }

    /// One group of findings in one line: severity, rule, plan, how many
    /// rows, and the worst of them with its value and limit.
    func findingGroupSentence(_ group: FindingGroup) -> RichText {
        let worst = group.worst
        let plan = planName(score: group.score, policy: group.policy)
        let fraction = group.fraction.map { ", removing \(percent($0))" } ?? ""
        let count = group.findings.count
        return "\(strong: group.severity.rawValue) \(code: group.ruleId) at \(plan)\(fraction): "
            + "\(count) row\(count == 1 ? "" : "s"); "
            + "worst \(groupName(attribute: worst.attribute, group: worst.group)) "
            + "with \(code: worst.metric) \(number(worst.value)), \(worst.comparison) "
            + "\(NumberFormatting.exact(worst.threshold))."
    }

    /// A significant disproportion in one line.
    func disproportionSentence(_ row: CompositionRow) -> RichText {
        let keptShare = Double(row.kept) / Double(row.n)
        let overallKept = 1 - fractionRemoved(row)
        return "Removing \(percent(row.fraction)) with \(planName(score: row.score, policy: row.policy)) keeps "
            + "\(strong: percent(keptShare, digits: 0)) of \(groupName(attribute: row.attribute, group: row.group)), "
            + "n = \(row.n), while \(percent(overallKept, digits: 0)) of all examples are kept: "
            + "retention ratio \(number(row.retentionRatio)), q \(pValueText(row.qValue))."
    }

    /// The overall removed fraction R/N of the plan a row belongs to
    /// (`expected_removed` = n·R/N).
    func fractionRemoved(_ row: CompositionRow) -> Double {
        row.expectedRemoved / Double(row.n)
    }

    /// Score-based rows with q < 0.05 and n ≥ 20, most under-retained first,
    /// one row per attribute so the summary names different groups: the
    /// sensitive attributes and the class first (what a policy reader asks
    /// about), then intersections to fill up to `limit`.
    func sharpestDisproportions(limit: Int) -> [CompositionRow] {
        let candidates = stored.composition.filter {
            $0.score != nil && $0.qValue < 0.05 && $0.n >= 20 && $0.retentionRatio != nil
        }
        .sorted { ($0.retentionRatio ?? 1) < ($1.retentionRatio ?? 1) }
        var seen = Set<String>(), chosen: [CompositionRow] = []
        for row in candidates.filter({ $0.attributeKind != .intersection })
            + candidates.filter({ $0.attributeKind == .intersection })
        where chosen.count < limit {
            if seen.insert(row.attribute).inserted { chosen.append(row) }
        }
        return chosen
    }

    /// What random pruning does to the same groups, as the yardstick.
    func randomBaselineSentence() -> RichText? {
        let random = stored.composition.filter { $0.policy == PruningPolicy.random.rawValue && $0.n >= 20 }
        guard !random.isEmpty else { return nil }
        let significant = random.filter { $0.qValue < 0.05 }.count
        let worst = random.compactMap(\.retentionRatio).min() ?? 1
        return
            "For comparison, random pruning of the same sizes gave retention ratios from \(number(worst)) upward, with "
            + "\(significant) of \(random.count) group rows significant at q < 0.05."
    }
}

func orderedUnique<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}
