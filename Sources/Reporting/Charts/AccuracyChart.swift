import Auditing
import Storage

/// Test accuracy by group against the pruned fraction for models retrained on
/// one score's kept sets: one panel per score-based policy; in each, a line
/// per group starting at fraction 0 with the model trained on all the data
/// (the reference), then the mean over retraining seeds at each fraction with
/// its stored Student t 95 % interval as a bar; the random plan of the same
/// size as hollow markers; the eight groups whose accuracy drops most below
/// the full-data model drawn one by one, the rest as a grey band.
struct AccuracyChart {
    let stored: StoredRun
    let score: String

    private var metric: ErrorRiskMetric { .accuracy }

    private var rows: [ErrorRiskRow] { stored.errorRisk.rows.filter { $0.score == score && !$0.isBaseline } }

    private var baseline: [ErrorRiskRow] { stored.errorRisk.rows.filter(\.isBaseline) }

    private var randomRows: [ErrorRiskRow] {
        stored.errorRisk.rows.filter { $0.policy == PruningPolicy.random.rawValue && $0.score == nil }
    }

    private func matching(_ rows: [ErrorRiskRow], _ key: GroupKey) -> [ErrorRiskRow] {
        rows.filter { $0.attribute == key.attribute && $0.group == key.group }
    }

    /// Each group's tier — 1 when it has at least ``ChartStyle/minimumGroupSize``
    /// test examples, else 0 (a tiny group's accuracy jumps by chance) — and
    /// effect: the largest drop of mean accuracy below the full-data model.
    /// The rows are grouped once, not searched per group.
    private func tiersAndEffects(_ rows: [ErrorRiskRow]) -> (tiers: [GroupKey: Int], effects: [GroupKey: Double]) {
        func key(_ row: ErrorRiskRow) -> GroupKey { GroupKey(attribute: row.attribute, group: row.group) }
        var full: [GroupKey: ErrorRiskRow] = [:], planned: [GroupKey: [ErrorRiskRow]] = [:]
        for row in baseline where full[key(row)] == nil { full[key(row)] = row }
        for row in rows { planned[key(row), default: []].append(row) }
        var tiers: [GroupKey: Int] = [:], effects: [GroupKey: Double] = [:]
        for (group, groupRows) in planned {
            let size = full[group]?.n ?? groupRows.first?.n ?? 0
            tiers[group] = size >= ChartStyle.minimumGroupSize ? 1 : 0
            guard let mean = full[group]?.metrics[metric]?.mean else { continue }
            effects[group] = groupRows.compactMap { $0.metrics[metric].map { mean - $0.mean } }.max()
        }
        return (tiers, effects)
    }

    /// The chart, or `nil` when no model was retrained on the score's plans.
    func chart(fileName: String) -> ReportChart? {
        let rows = self.rows.filter { $0.metrics[metric] != nil }
        guard !rows.isEmpty else { return nil }
        let groups = chartUnique(rows.map { GroupKey(attribute: $0.attribute, group: $0.group) })
        let (tiers, effects) = tiersAndEffects(self.rows)
        let ranking = GroupRanking(groups, tier: { tiers[$0] ?? 0 }, effect: { effects[$0] })
        let panels = chartUnique(rows.map(\.policy)).map { panel(policy: $0, ranking: ranking) }
        let fractions = chartUnique(rows.compactMap(\.fraction)).sorted()
        let points: [ChartPoint] = panels.flatMap { panel -> [ChartPoint] in
            panel.series.flatMap(\.points) + panel.references.flatMap(\.points) + panel.others
        }
        let values: [Double] = points.flatMap { point -> [Double] in
            [point.y, point.low ?? point.y, point.high ?? point.y]
        }
        let domain = LinearScale.niceDomain(values)
        let yDomain = max(0, domain.lowerBound)...min(1, domain.upperBound)
        let xMax = min(1, ((fractions.last ?? 0.5) * 10 + 1).rounded(.down) / 10)
        let axes = FractionAxes(
            x: 0...xMax, y: yDomain, xTicks: [0] + fractions,
            yTicks: LinearScale(domain: yDomain, start: 0, end: 1).ticks(),
            xLabel: "Fraction pruned (% of the training set; 0 = all the data)",
            yLabel: "Test accuracy (% correct)", seriesCount: ranking.shown.count)
        let title = "Accuracy by group after retraining — \(score)"
        let seeds = stored.run.settings.retrainSeeds.map { "\($0) retraining seeds" } ?? "the retraining seeds"
        let subtitle =
            "Accuracy on the test split of models retrained on what pruning by \(score) keeps: mean over \(seeds); "
            + "bars: Student t 95 % interval of that mean (seed-to-seed variation, not test-set sampling). "
            + "At 0 %: the model trained on all the data."
            + (randomRows.isEmpty ? "" : " Hollow markers: random pruning of the same size.")
            + (ranking.others.isEmpty
                ? ""
                : " Drawn: the groups whose accuracy drops most, those of n ≥ \(ChartStyle.minimumGroupSize) test "
                    + "examples first; grey: the range of the others of n ≥ \(ChartStyle.minimumGroupSize).")
        let description = description(ranking: ranking, groupCount: groups.count, effects: effects)
        return ReportChart(
            fileName: fileName, title: title, description: description, placement: .errorRisk,
            svg: FractionChart(
                title: title, subtitle: subtitle, description: description, panels: panels, axes: axes,
                legend: legend(ranking: ranking), idPrefix: fileName
            ).svg())
    }

    private func panel(policy: String, ranking: GroupRanking<GroupKey>) -> FractionPanel {
        let planRows = rows.filter { $0.policy == policy }
        var panel = FractionPanel(title: "policy \(policy)")
        for (index, key) in ranking.shown.enumerated() {
            var points = matching(baseline, key).prefix(1).compactMap { row in
                row.metrics[metric].map { ChartPoint(x: 0, y: $0.mean, low: $0.ciLow, high: $0.ciHigh) }
            }
            points += matching(planRows, key).sorted { ($0.fraction ?? 0) < ($1.fraction ?? 0) }.compactMap { row in
                guard let fraction = row.fraction, let summary = row.metrics[metric] else { return nil }
                return ChartPoint(x: fraction, y: summary.mean, low: summary.ciLow, high: summary.ciHigh)
            }
            panel.series.append(ChartSeries(index: index, points: points))
            let random = matching(randomRows, key).compactMap { row -> ChartPoint? in
                guard let fraction = row.fraction, let summary = row.metrics[metric] else { return nil }
                return ChartPoint(x: fraction, y: summary.mean)
            }
            panel.references.append(ChartSeries(index: index, points: random))
        }
        panel.others = othersRange(planRows, ranking: ranking)
        return panel
    }

    private func othersRange(_ planRows: [ErrorRiskRow], ranking: GroupRanking<GroupKey>) -> [ChartPoint] {
        let others = Set(ranking.others)
        func isOther(_ row: ErrorRiskRow) -> Bool {
            others.contains(GroupKey(attribute: row.attribute, group: row.group))
                && row.n >= ChartStyle.minimumGroupSize
        }
        let candidates = (baseline + planRows).filter(isOther)
        return chartUnique(candidates.map { $0.fraction ?? 0 }).sorted().compactMap { fraction in
            let values = candidates.filter { ($0.fraction ?? 0) == fraction }.compactMap { $0.metrics[metric]?.mean }
            guard let low = values.min(), let high = values.max() else { return nil }
            return ChartPoint(x: fraction, y: (low + high) / 2, low: low, high: high)
        }
    }

    private func legend(ranking: GroupRanking<GroupKey>) -> ChartLegend {
        var legend = ChartLegend()
        for (index, key) in ranking.shown.enumerated() { legend.add(.series(index), key.label) }
        if !ranking.others.isEmpty { legend.add(.band, ranking.othersLabel() + " (range of means)") }
        if !randomRows.isEmpty { legend.add(.hollow, "random plan, same size") }
        return legend
    }

    private func description(
        ranking: GroupRanking<GroupKey>, groupCount: Int, effects: [GroupKey: Double]
    ) -> String {
        var text =
            "Test accuracy against the fraction pruned by \(score) for \(ranking.shown.count) of \(groupCount) groups, "
            + "starting from the model trained on all the data"
        if let worst = ranking.shown.first, let drop = effects[worst], drop > 0 {
            text +=
                "; the largest drop is \(worst.label), "
                + "\(SVGText.number(drop * 100)) percentage points below the full-data model"
        }
        return text + "."
    }
}
