import Auditing
import DietAuditCore

extension MarkdownReport {
    /// Who pays: accuracy of models retrained on each kept set, per group,
    /// against the model trained on everything and against random pruning of
    /// the same size.
    func errorRiskSection() -> String {
        let rows = stored.errorRisk.rows
        guard !rows.isEmpty else { return "" }
        let baseline = rows.filter(\.isBaseline)
        let testCount = stored.run.dataset.testCount
        var lines = [
            "## Who pays", "",
            "Models were retrained on each kept set and scored on the \(testCount) untouched test examples. "
                + "The first table is the model trained on all training data; the others give each group's change in "
                + "accuracy in percentage points against **random pruning of the same size** (against the full model "
                + "for `random` itself). A star marks a change whose 95% interval over the retraining seeds excludes "
                + "zero.",
            "",
            Markdown.table(
                header: ["attribute", "group", "test n", "accuracy (full data)", "95% CI"],
                rows: baseline.map { row in
                    [
                        Markdown.escape(row.attribute), Markdown.escape(row.group), String(row.n),
                        number(row.metrics.value(.accuracy)),
                        intervalText(row.metrics.value(.accuracy, .ciLow), row.metrics.value(.accuracy, .ciHigh)),
                    ]
                },
                alignments: ["l", "l", "r", "r", "r"]),
        ]
        let fractions = Set(rows.compactMap(\.fraction)).sorted()
        let plans = orderedUnique(
            rows.filter { !$0.isBaseline }
                .map { PlanKey(score: $0.score, policy: $0.policy) })
        for plan in plans {
            let metric: ErrorRiskMetric =
                plan.policy == PruningPolicy.random.rawValue
                ? .accuracyDeltaVsFull : .accuracyDeltaVsRandom
            let planRows = rows.filter { $0.score == plan.score && $0.policy == plan.policy }
            var cells: [String: [Double: ErrorRiskRow]] = [:], order: [(String, String, Int)] = []
            for row in planRows {
                let key = row.attribute + "\u{0}" + row.group
                if cells[key] == nil { order.append((row.attribute, row.group, row.n)) }
                cells[key, default: [:]][row.fraction ?? 0] = row
            }
            lines.append("")
            let title =
                plan.score == nil
                ? "`random` against the full model"
                : planName(score: plan.score, policy: plan.policy) + " against random"
            lines.append("### \(title)")
            lines.append("")
            lines.append(
                Markdown.table(
                    header: ["attribute", "group", "test n"] + fractions.map { "remove \(percent($0))" },
                    rows: order.map { attribute, group, n in
                        [Markdown.escape(attribute), Markdown.escape(group), String(n)]
                            + fractions.map { fraction in
                                guard let row = cells[attribute + "\u{0}" + group]?[fraction] else { return "—" }
                                return pointsText(row, metric: metric)
                            }
                    },
                    alignments: ["l", "l", "r"] + fractions.map { _ in "r" }))
        }
        return lines.joined(separator: "\n")
    }

    /// `−8.1 pp*`: a change in accuracy in percentage points, starred when
    /// its interval excludes zero.
    func pointsText(_ row: ErrorRiskRow, metric: ErrorRiskMetric) -> String {
        guard let value = row.metrics.value(metric) else { return "—" }
        let low = row.metrics.value(metric, .ciLow), high = row.metrics.value(metric, .ciHigh)
        let significant = (high.map { $0 < 0 } ?? false) || (low.map { $0 > 0 } ?? false)
        let points = String(format: "%+.1f", value * 100).replacingOccurrences(of: "-", with: "−")
        return points + " pp" + (significant ? "\\*" : "")
    }

    /// `0.71–0.78`, or `—` with one seed.
    func intervalText(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "—" }
        return number(low) + "–" + number(high)
    }

    /// The summary's sentence on error risk.
    func errorRiskSentence() -> String {
        let candidates = stored.errorRisk.rows.filter { row in
            row.n >= 20 && (row.metrics.value(.accuracyDeltaVsRandom, .ciHigh).map { $0 < 0 } ?? false)
        }
        guard !stored.errorRisk.rows.isEmpty else {
            if stored.run.dataset.auditOnly == true { return auditOnlyErrorRiskSentence }
            return
                "Error risk (accuracy of models retrained on the kept sets) was not measured: the spec sets "
                + "`pruning.retrain.seeds: 0`."
        }
        func delta(_ row: ErrorRiskRow) -> Double { row.metrics.value(.accuracyDeltaVsRandom) ?? 0 }
        guard let worst = candidates.min(by: { delta($0) < delta($1) }),
            let fraction = worst.fraction, let delta = worst.metrics.value(.accuracyDeltaVsRandom)
        else {
            return
                "No group of at least 20 test examples lost accuracy beyond chance compared with random pruning of the "
                + "same size."
        }
        var interval = ""
        if let low = worst.metrics.value(.accuracyDeltaVsRandom, .ciLow),
            let high = worst.metrics.value(.accuracyDeltaVsRandom, .ciHigh)
        {
            interval = String(format: " (95%% CI %.1f to %.1f)", -high * 100, -low * 100)
        }
        return
            "Who pays: removing \(percent(fraction)) with \(planName(score: worst.score, policy: worst.policy)) costs "
            + "\(Markdown.quoted(worst.group)) (\(Markdown.escape(worst.attribute)), \(worst.n) test examples) "
            + "**\(String(format: "%.1f", -delta * 100)) points** of accuracy\(interval) against random pruning of the "
            + "same size."
    }
}
