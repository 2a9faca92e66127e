import Auditing
import DietAuditCore
import Scoring
import Storage

extension MarkdownReport {
    /// Plain-language summary: what was audited, the sharpest disproportions,
    /// what chance alone does, and warnings about the scores themselves.
    func summary() -> String {
        let run = stored.run, data = run.dataset
        var lines = ["## Summary", ""]
        let kinds = Dictionary(grouping: data.groupings, by: \.groupingKind)
        let attributeCount = kinds[.attribute]?.count ?? 0, intersectionCount = kinds[.intersection]?.count ?? 0
        let classCount = kinds[.class]?.first?.groups.count ?? 0
        let scores = stored.scores.map { Markdown.code($0.name) }.joined(separator: ", ")
        let fractions = Set(stored.plans.map(\.fraction)).sorted().map(percent).joined(separator: ", ")
        let policies = orderedUnique(stored.plans.map(\.policy)).map { "`\($0)`" }.joined(separator: ", ")
        lines.append(
            "DietAudit ranked the \(data.trainCount) training examples of \(Markdown.code(data.path)) by \(scores), "
                + "removed \(fractions) of them with \(policies), and tested whether each of \(classCount) classes, "
                + "\(attributeCount) sensitive attribute\(attributeCount == 1 ? "" : "s") and \(intersectionCount) "
                + "intersection\(intersectionCount == 1 ? "" : "s") "
                + "lost more examples than chance would remove (Fisher exact test, Benjamini–Hochberg corrected).")
        lines.append("")
        let sharpest = sharpestDisproportions(limit: 5)
        if sharpest.isEmpty {
            lines.append(
                "- No group of at least 20 examples was removed at a significantly different rate (q < 0.05) by any "
                    + "score-based plan."
            )
        }
        for row in sharpest {
            let keptShare = Double(row.kept) / Double(row.n)
            let overallKept = 1 - fractionRemoved(row)
            lines.append(
                "- Removing \(percent(row.fraction)) with \(planName(score: row.score, policy: row.policy)) keeps "
                    + "**\(percent(keptShare, digits: 0))** of "
                    + "\(Markdown.quoted(row.group)) (\(Markdown.escape(row.attribute)), n = \(row.n)) while "
                    + "\(percent(overallKept, digits: 0)) of all examples are kept: "
                    + "retention ratio \(number(row.retentionRatio)), q \(pValueText(row.qValue)).")
        }
        if let chance = randomBaselineSentence() { lines.append("- " + chance) }
        for warning in validityWarnings() { lines.append("- ⚠️ " + warning) }
        lines.append("- " + errorRiskSentence())
        if let recommendation = recommendationSentence() { lines.append("- " + recommendation) }
        return lines.joined(separator: "\n")
    }

    /// The overall removed fraction R/N of the plan a row belongs to
    /// (`expected_removed` = n·R/N).
    func fractionRemoved(_ row: CompositionRow) -> Double {
        row.expectedRemoved / Double(row.n)
    }

    func percent(_ fraction: Double, digits: Int) -> String {
        NumberFormatting.percent(fraction, digits: digits)
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
    func randomBaselineSentence() -> String? {
        let random = stored.composition.filter { $0.policy == PruningPolicy.random.rawValue && $0.n >= 20 }
        guard !random.isEmpty else { return nil }
        let significant = random.filter { $0.qValue < 0.05 }.count
        let worst = random.compactMap(\.retentionRatio).min() ?? 1
        return
            "For comparison, random pruning of the same sizes gave retention ratios from \(number(worst)) upward, with "
            + "\(significant) of \(random.count) group rows significant at q < 0.05."
    }

    /// Plain warnings about scores that track the input norm, barely agree
    /// across seeds, or mostly encode the class.
    func validityWarnings() -> [String] {
        stored.validity.flatMap { row -> [String] in
            var warnings: [String] = []
            let name = Markdown.code(row.score)
            if let rho = row.inputNormSpearman, abs(rho) >= 0.8, row.score != ScoreSpec(kind: .inputNorm).name {
                warnings.append(
                    "\(name) mostly tracks the input norm (Spearman ρ = \(number(rho))): pruning by it largely prunes "
                        + "by ‖x‖, the known failure of GraNd at initialisation."
                )
            }
            if let stability = row.seedStability, stability < 0.5 {
                warnings.append(
                    "\(name) is unstable across seeds (mean pairwise Spearman \(number(stability))): a different seed "
                        + "would prune different examples."
                )
            }
            if let eta = row.classDependence, eta >= 0.5 {
                warnings.append(
                    "\(name) is mostly explained by the class (η² = \(number(eta))): pruning by it changes the class "
                        + "balance."
                )
            }
            return warnings
        }
    }
}

func orderedUnique<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}
