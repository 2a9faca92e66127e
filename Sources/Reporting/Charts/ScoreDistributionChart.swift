import Auditing
import DietAuditCore
import Storage

/// The distribution of one score's seed-averaged values by class: a
/// horizontal box plot per class (box: quartiles; line: median; whiskers: 5th
/// and 95th percentiles), all examples first as the reference, the eight
/// classes that pruning on the score removes most unevenly drawn one by one,
/// the rest pooled into one grey box. Only the class is stored per example
/// (the attributes' groups per example are not), so this chart is by class.
struct ScoreDistributionChart {
    let stored: StoredRun
    let examples: ExampleColumns
    let score: ScoreRow

    /// One box row: label, summary, series index (`nil`: grey).
    struct Row {
        var label: String
        var summary: BoxSummary
        var series: Int?
    }

    /// The chart, or `nil` when the score has no finite value.
    func chart(fileName: String) -> ReportChart? {
        let values = score.result.mean
        var labels = [String?](repeating: nil, count: values.count)
        for (position, label) in examples.labels.enumerated() where position < values.count {
            labels[position] = examples.classNames[label]
        }
        let classOrder =
            (stored.run.dataset.groupings.first { $0.groupingKind == .class }?.groups ?? [])
            + chartUnique(labels.compactMap { $0 })
        let classes = chartUnique(classOrder).filter { name in labels.contains { $0 == name } }
        func valuesOf(_ names: Set<String>) -> [Double] {
            values.indices.compactMap { index -> Double? in
                guard let label = labels[index], names.contains(label) else { return nil }
                return values[index]
            }
        }
        guard let all = BoxSummary(values) else { return nil }
        let ranking = GroupRanking(classes) { name in effect(className: name, all: all, values: valuesOf([name])) }
        var rows = [Row(label: "all examples", summary: all, series: nil)]
        for (index, name) in ranking.shown.enumerated() {
            if let summary = BoxSummary(valuesOf([name])) {
                rows.append(Row(label: name, summary: summary, series: index))
            }
        }
        if let summary = BoxSummary(valuesOf(Set(ranking.others))) {
            let label = ranking.othersLabel(singular: "class", plural: "classes")
            rows.append(Row(label: label, summary: summary, series: nil))
        }
        let title = "Distribution of \(score.name) by class"
        let description = description(rows: rows, classCount: classes.count)
        return ReportChart(
            fileName: fileName, title: title, description: description, placement: .scores,
            svg: svg(
                rows: rows, title: title, description: description, idPrefix: fileName, ranked: !ranking.others.isEmpty)
        )
    }

    /// A class's effect: the largest |removal_rate − R/N| of the class under
    /// the score's plans, else how far its median lies from the overall one.
    private func effect(className: String, all: BoxSummary, values: [Double]) -> Double? {
        let gaps = stored.composition.filter {
            $0.score == score.name && $0.attributeKind == .class && $0.group == className
        }.map { abs($0.excessRemoval) }
        if let gap = gaps.max() { return gap }
        return BoxSummary(values).map { abs($0.median - all.median) }
    }

    var directionText: String {
        score.direction == .harder
            ? "higher is harder: keep_hard removes from the left, keep_easy from the right"
            : "higher is easier: keep_hard removes from the right, keep_easy from the left"
    }

    private func description(rows: [Row], classCount: Int) -> String {
        let classRows = rows.dropFirst().filter { $0.series != nil }
        var text =
            "Box plots of \(score.name) (\(score.direction == .harder ? "higher is harder" : "higher is easier")) "
            + "for all examples and \(classRows.count) of \(classCount) classes"
        if let low = classRows.min(by: { $0.summary.median < $1.summary.median }),
            let high = classRows.max(by: { $0.summary.median < $1.summary.median }), classRows.count > 1
        {
            text +=
                "; medians range from \(NumberFormatting.metric(low.summary.median)) (\(low.label)) to "
                + "\(NumberFormatting.metric(high.summary.median)) (\(high.label))"
        }
        return text + "."
    }
}
