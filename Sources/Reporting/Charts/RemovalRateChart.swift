import Auditing
import Storage

/// Removal rate by group against the pruned fraction for one score: one
/// panel per score-based policy; in each, a line per group (the eight whose
/// removal rate strays furthest from the overall rate R/N at any fraction,
/// worst first; the rest as one grey band), the dashed diagonal y = x (a group
/// removed at the overall rate R/N), and behind each group what random
/// pruning of the same size does to it: its stored 2.5–97.5 % band when the
/// run drew `random: {draws: K}`, else the single random plan's rate as a
/// hollow marker.
struct RemovalRateChart {
    let stored: StoredRun
    let score: String

    /// The score's composition rows of score-based plans.
    private var rows: [CompositionRow] { stored.composition.filter { $0.score == score } }

    /// Every group of the score's plans, in stored order.
    private var groups: [GroupKey] { chartUnique(rows.map { GroupKey(attribute: $0.attribute, group: $0.group) }) }

    /// Each group's tier — 1 when some plan of the score removes it at a
    /// significantly different rate (q < 0.05), else 0 — and effect: the
    /// largest |removal_rate − R/N| over the score's plans. One pass over the
    /// rows (a run of ten million examples has thousands of them).
    private static func tiersAndEffects(_ rows: [CompositionRow]) -> (
        tiers: [GroupKey: Int], effects: [GroupKey: Double]
    ) {
        var tiers: [GroupKey: Int] = [:], effects: [GroupKey: Double] = [:]
        for row in rows {
            let key = GroupKey(attribute: row.attribute, group: row.group)
            if row.qValue < 0.05 { tiers[key] = 1 }
            effects[key] = max(effects[key] ?? -Double.infinity, abs(row.excessRemoval))
        }
        return (tiers, effects)
    }

    /// The chart, or `nil` when the score has no plan.
    func chart(fileName: String) -> ReportChart? {
        let rows = self.rows
        guard !rows.isEmpty else { return nil }
        let (tiers, effects) = Self.tiersAndEffects(rows)
        let ranking = GroupRanking(groups, tier: { tiers[$0] ?? 0 }, effect: { effects[$0] })
        let policies = chartUnique(rows.map(\.policy))
        let fractions = chartUnique(stored.composition.map(\.fraction)).sorted()
        let xMax = min(1, ((fractions.last ?? 0.5) * 10 + 1).rounded(.down) / 10)
        let axes = FractionAxes(
            x: 0...xMax, y: 0...1, xTicks: [0] + fractions, yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1],
            xLabel: "Fraction pruned (% of the training set)", yLabel: "Removal rate (% of the group)",
            seriesCount: ranking.shown.count)
        let panels = policies.map { panel(policy: $0, ranking: ranking) }
        let title = "Removal rate by group — \(score)"
        let drawn = stored.randomBands.isEmpty ? "" : " (\(stored.randomBands[0].draws) draws)"
        let baseline =
            stored.randomBands.isEmpty
            ? (randomRows.isEmpty ? "" : " Hollow markers: the random plan of the same size.")
            : " Bars: random pruning's 2.5–97.5 % band\(drawn)."
        let subtitle =
            "Share of each group removed by pruning on \(score), against the share pruned overall. "
            + "Dashed diagonal: the overall rate R/N (proportional removal)." + baseline
            + (ranking.others.isEmpty
                ? ""
                : " Drawn: the groups with the largest gap to R/N, significant ones (q < 0.05) first; grey: the "
                    + "range of the others of n ≥ \(ChartStyle.minimumGroupSize).")
        return ReportChart(
            fileName: fileName, title: title, description: description(ranking: ranking),
            placement: .composition,
            svg: FractionChart(
                title: title, subtitle: subtitle, description: description(ranking: ranking), panels: panels,
                axes: axes, legend: legend(ranking: ranking), idPrefix: fileName
            ).svg())
    }

    private var randomRows: [CompositionRow] {
        stored.composition.filter { $0.policy == PruningPolicy.random.rawValue && $0.score == nil }
    }

    private func panel(policy: String, ranking: GroupRanking<GroupKey>) -> FractionPanel {
        let planRows = rows.filter { $0.policy == policy }
        var panel = FractionPanel(title: "policy \(policy)", diagonal: true)
        for (index, key) in ranking.shown.enumerated() {
            let mine = planRows.filter { $0.attribute == key.attribute && $0.group == key.group }
            panel.series.append(
                ChartSeries(
                    index: index,
                    points: mine.sorted { $0.fraction < $1.fraction }.map {
                        ChartPoint(x: $0.fraction, y: $0.removalRate)
                    }))
            let bands = stored.randomBands.filter { $0.attribute == key.attribute && $0.group == key.group }
            if !bands.isEmpty {
                panel.bands.append(
                    ChartSeries(
                        index: index,
                        points: bands.compactMap { band in
                            guard let low = band.removalRateLow, let high = band.removalRateHigh else { return nil }
                            return ChartPoint(x: band.fraction, y: (low + high) / 2, low: low, high: high)
                        }))
            } else {
                let random = randomRows.filter { $0.attribute == key.attribute && $0.group == key.group }
                panel.references.append(
                    ChartSeries(index: index, points: random.map { ChartPoint(x: $0.fraction, y: $0.removalRate) }))
            }
        }
        panel.others = othersRange(planRows, ranking: ranking)
        return panel
    }

    private func othersRange(_ planRows: [CompositionRow], ranking: GroupRanking<GroupKey>) -> [ChartPoint] {
        let others = Set(ranking.others)
        let rows = planRows.filter {
            others.contains(GroupKey(attribute: $0.attribute, group: $0.group)) && $0.n >= ChartStyle.minimumGroupSize
        }
        return chartUnique(rows.map(\.fraction)).sorted().compactMap { fraction in
            let rates = rows.filter { $0.fraction == fraction }.map(\.removalRate)
            guard let low = rates.min(), let high = rates.max() else { return nil }
            return ChartPoint(x: fraction, y: (low + high) / 2, low: low, high: high)
        }
    }

    private func legend(ranking: GroupRanking<GroupKey>) -> ChartLegend {
        var legend = ChartLegend()
        for (index, key) in ranking.shown.enumerated() { legend.add(.series(index), key.label) }
        if !ranking.others.isEmpty { legend.add(.band, ranking.othersLabel() + " (range)") }
        if !stored.randomBands.isEmpty {
            legend.add(.groupBands, "random pruning, 2.5–97.5 % band")
        } else if !randomRows.isEmpty {
            legend.add(.hollow, "random plan, same size")
        }
        legend.add(
            .line("stroke=\"\(ChartStyle.axisColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\""),
            "overall rate R/N")
        return legend
    }

    private func description(ranking: GroupRanking<GroupKey>) -> String {
        var text =
            "Removal rate against the fraction pruned by \(score) for \(ranking.shown.count) of "
            + "\(groups.count) groups"
        if let worst = rows.max(by: { abs($0.excessRemoval) < abs($1.excessRemoval) }) {
            text +=
                "; the widest gap is \(GroupKey(attribute: worst.attribute, group: worst.group).label) under "
                + "\(worst.policy), removed at \(FractionAxes.percent(worst.removalRate)) when "
                + "\(FractionAxes.percent(worst.fraction)) is pruned overall"
        }
        return text + "."
    }
}
