import Auditing
import DietAuditCore
import Storage

/// The distribution of one score's seed-averaged values by group: a
/// horizontal box plot per group (box: quartiles; line: median; whiskers: 5th
/// and 95th percentiles), all examples first as the reference, then the eight
/// groups — classes and every audited attribute's groups, read from the
/// run's per-example columns — that pruning on the score removes most
/// unevenly (groups of at least 20 examples first), the rest pooled into one
/// grey box (each example counted once).
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

    /// The smallest group ranked ahead of the others by its effect.
    static let minimumRankedSize = 20

    /// The chart, or `nil` when the score has no finite value.
    func chart(fileName: String) -> ReportChart? {
        let values = score.result.mean
        guard let all = BoxSummary(values) else { return nil }
        let members = groupMembers(count: values.count)
        let keys = members.keys.sorted { ($0.attribute, $0.group) < ($1.attribute, $1.group) }
            .sorted { order(of: $0) < order(of: $1) }
        func valuesOf(_ positions: [Int]) -> [Double] { positions.map { values[$0] } }
        let ranking = GroupRanking(keys, tier: { members[$0]!.count >= Self.minimumRankedSize ? 1 : 0 }) { key in
            effect(of: key, all: all, values: valuesOf(members[key]!))
        }
        var rows = [Row(label: "all examples", summary: all, series: nil)]
        for (index, key) in ranking.shown.enumerated() {
            if let summary = BoxSummary(valuesOf(members[key]!)) {
                rows.append(Row(label: key.label, summary: summary, series: index))
            }
        }
        let pooled = Set(ranking.others.flatMap { members[$0]! }).sorted()
        if let summary = BoxSummary(valuesOf(pooled)) {
            rows.append(Row(label: ranking.othersLabel(), summary: summary, series: nil))
        }
        let title = "Distribution of \(score.name) by group"
        let description = description(rows: rows, groupCount: keys.count)
        return ReportChart(
            fileName: fileName, title: title, description: description, placement: .scores,
            svg: svg(
                rows: rows, title: title, description: description, idPrefix: fileName, ranked: !ranking.others.isEmpty)
        )
    }

    /// The positions of the examples of every class and attribute group (the
    /// run's stored groupings: classes, then attributes in stored order).
    private func groupMembers(count: Int) -> [GroupKey: [Int]] {
        var members: [GroupKey: [Int]] = [:]
        for (position, label) in examples.labels.enumerated() where position < count {
            members[GroupKey(attribute: "class", group: examples.classNames[label]), default: []].append(position)
        }
        for grouping in examples.attributes {
            for position in 0..<min(count, grouping.train.count) {
                let key = GroupKey(attribute: grouping.name, group: grouping.groups[grouping.train[position]])
                members[key, default: []].append(position)
            }
        }
        return members
    }

    /// The stable order groups are listed in before ranking: the run's
    /// groupings in stored order, each group in its stored order.
    private func order(of key: GroupKey) -> Int {
        let groupings = stored.run.dataset.groupings
        guard let grouping = groupings.firstIndex(where: { $0.name == key.attribute }) else { return Int.max }
        return grouping * 100_000 + (groupings[grouping].groups.firstIndex(of: key.group) ?? 99_999)
    }

    /// A group's effect: the largest |removal_rate − R/N| of the group under
    /// the score's plans, else how far its median lies from the overall one.
    private func effect(of key: GroupKey, all: BoxSummary, values: [Double]) -> Double? {
        let gaps = stored.composition.filter {
            $0.score == score.name && $0.attribute == key.attribute && $0.group == key.group
        }.map { abs($0.excessRemoval) }
        if let gap = gaps.max() { return gap }
        return BoxSummary(values).map { abs($0.median - all.median) }
    }

    var directionText: String {
        score.direction == .harder
            ? "higher is harder: keep_hard removes from the left, keep_easy from the right"
            : "higher is easier: keep_hard removes from the right, keep_easy from the left"
    }

    private func description(rows: [Row], groupCount: Int) -> String {
        let classRows = rows.dropFirst().filter { $0.series != nil }
        var text =
            "Box plots of \(score.name) (\(score.direction == .harder ? "higher is harder" : "higher is easier")) "
            + "for all examples and \(classRows.count) of \(groupCount) groups"
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
