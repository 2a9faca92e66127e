import Auditing
import DietAuditCore

extension MarkdownReport {
    /// Who pays: accuracy of the model trained on all data per group, then
    /// only the rows that matter — groups whose accuracy change against
    /// random pruning of the same size has a 95% interval excluding zero, or
    /// that a rule flags — largest loss first, with random's accuracy beside.
    func errorRiskSection() -> ReportSection? {
        let rows = stored.errorRisk.rows
        guard !rows.isEmpty else { return nil }
        let testCount = stored.run.dataset.testCount
        var blocks: [ReportBlock] = [
            .paragraph(
                "Models were retrained on each kept set and scored on the \(testCount) untouched test examples. "
                    + "Accuracy of the model trained on all training data, per class and attribute group "
                    + "(intersections in the \(link: "appendix", to: "#appendix")):"),
            .table(
                baselineTable(
                    rows.filter { $0.isBaseline && $0.attributeKind != .intersection },
                    anchor: "table-baseline-accuracy")),
        ]
        blocks += figureBlocks(.errorRisk)
        blocks += errorRiskDetail()
        return ReportSection("Who pays", blocks: blocks)
    }

    /// Each group's accuracy under the model trained on all data, with its interval.
    func baselineTable(_ rows: [ErrorRiskRow], anchor: String) -> ReportTable {
        ReportTable(
            columns: [
                .init("attribute"), .init("group"), .init("test n", .trailing),
                .init("accuracy (full data)", .trailing), .init("95% CI", .trailing),
            ],
            rows: rows.map { row in
                [
                    .text(row.attribute), .text(row.group), .text(String(row.n)),
                    .text(number(row.metrics.value(.accuracy))),
                    .text(intervalText(row.metrics.value(.accuracy, .ciLow), row.metrics.value(.accuracy, .ciHigh))),
                ]
            }, anchor: anchor)
    }

    /// The table of score-based rows whose change against random excludes
    /// zero or that a rule flags, or a sentence that there are none.
    func errorRiskDetail() -> [ReportBlock] {
        let flagged = flaggedScopes()
        let candidates = stored.errorRisk.rows.filter { row in
            guard row.score != nil, let fraction = row.fraction, row.n >= minimumTestGroup else { return false }
            return isSignificant(row, metric: .accuracyDeltaVsRandom)
                || flagged.contains(Scope(row.score, row.policy, fraction, row.attribute, row.group))
        }
        let rows = candidates.enumerated().sorted { a, b in
            let left = a.element.metrics.value(.accuracyDeltaVsRandom) ?? 0
            let right = b.element.metrics.value(.accuracyDeltaVsRandom) ?? 0
            return left != right ? left < right : a.offset < b.offset
        }
        .map(\.element)
        guard !rows.isEmpty else {
            return [
                .paragraph(
                    "No group of a score-based plan with at least \(minimumTestGroup) test examples changed accuracy "
                        + "beyond chance against random pruning of the "
                        + "same size (95% interval excluding zero); the full tables are in the "
                        + "\(link: "appendix", to: "#appendix").")
            ]
        }
        var random: [Scope: ErrorRiskRow] = [:]
        for row in stored.errorRisk.rows where row.policy == PruningPolicy.random.rawValue {
            if let fraction = row.fraction { random[Scope(nil, row.policy, fraction, row.attribute, row.group)] = row }
        }
        let shown = Array(rows.prefix(detailRowLimit))
        let tableRows = shown.map { row -> [RichText] in
            let fraction = row.fraction ?? 0
            let chance = random[Scope(nil, PruningPolicy.random.rawValue, fraction, row.attribute, row.group)]
            return [
                planName(score: row.score, policy: row.policy), .text(percent(fraction)), .text(row.attribute),
                .text(row.group), .text(String(row.n)), .text(number(row.metrics.value(.accuracy))),
                .text(chance.map { number($0.metrics.value(.accuracy)) } ?? "—"),
                .text(pointsText(row, metric: .accuracyDeltaVsRandom)),
                .text(pointsInterval(row, metric: .accuracyDeltaVsRandom)),
            ]
        }
        return [
            .paragraph(
                "\(rows.count) group row\(rows.count == 1 ? "" : "s") of score-based plans with at least "
                    + "\(minimumTestGroup) test examples changed accuracy beyond chance against random pruning of "
                    + "the same size, or \(rows.count == 1 ? "is" : "are") flagged by a rule"
                    + (rows.count > shown.count ? "; the \(shown.count) largest losses are shown" : "")
                    + ". A star marks a change whose 95% interval over the retraining seeds excludes zero; every row "
                    + "is in the \(link: "appendix", to: "#appendix")."),
            .table(
                ReportTable(
                    columns: [
                        .init("plan"), .init("remove", .trailing), .init("attribute"), .init("group"),
                        .init("test n", .trailing), .init("accuracy", .trailing),
                        .init("random: accuracy", .trailing), .init("change vs random", .trailing),
                        .init("95% CI (pp)", .trailing),
                    ],
                    rows: tableRows, anchor: "table-error-risk")),
        ]
    }

    /// The smallest test group the detailed table shows: smaller groups
    /// swing by whole examples (one example is ±100 points).
    var minimumTestGroup: Int { 20 }

    /// Whether the metric's 95% interval excludes zero.
    func isSignificant(_ row: ErrorRiskRow, metric: ErrorRiskMetric) -> Bool {
        let low = row.metrics.value(metric, .ciLow), high = row.metrics.value(metric, .ciHigh)
        return (high.map { $0 < 0 } ?? false) || (low.map { $0 > 0 } ?? false)
    }

    /// `−8.1 pp*`: a change in accuracy in percentage points, starred when
    /// its interval excludes zero.
    func pointsText(_ row: ErrorRiskRow, metric: ErrorRiskMetric) -> String {
        guard let value = row.metrics.value(metric) else { return "—" }
        return points(value) + " pp" + (isSignificant(row, metric: metric) ? "*" : "")
    }

    /// `−12.0 to −4.2`, the interval in percentage points, or `—`.
    func pointsInterval(_ row: ErrorRiskRow, metric: ErrorRiskMetric) -> String {
        guard let low = row.metrics.value(metric, .ciLow), let high = row.metrics.value(metric, .ciHigh) else {
            return "—"
        }
        return points(low) + " to " + points(high)
    }

    /// `+1.5` / `−8.1`: a difference of proportions in percentage points.
    func points(_ value: Double) -> String {
        String(format: "%+.1f", value * 100).replacingOccurrences(of: "-", with: "−")
    }

    /// `0.71–0.78`, or `—` with one seed.
    func intervalText(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "—" }
        return number(low) + "–" + number(high)
    }

    /// The summary's sentence on error risk.
    func errorRiskSentence() -> RichText {
        guard !stored.errorRisk.rows.isEmpty else {
            if stored.run.dataset.auditOnly == true { return .text(auditOnlyErrorRiskSentence) }
            return
                "Error risk (accuracy of models retrained on the kept sets) was not measured: the spec sets "
                + "\(code: "pruning.retrain.seeds: 0")."
        }
        let candidates = stored.errorRisk.rows.filter { row in
            row.n >= 20 && (row.metrics.value(.accuracyDeltaVsRandom, .ciHigh).map { $0 < 0 } ?? false)
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
            + "\(groupName(attribute: worst.attribute, group: worst.group)), \(worst.n) test examples, "
            + "\(strong: String(format: "%.1f points", -delta * 100)) of accuracy\(interval) against random pruning "
            + "of the same size."
    }
}
