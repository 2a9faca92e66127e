import Auditing
import DietAuditCore
import Foundation
import Rules
import Scoring
import Storage

/// Stored runs for the report's charts: the planted data over three
/// fractions with random bands, and a run whose labels are hostile to every
/// output format.
extension Fixtures {
    /// The fractions of the chart runs.
    public static let chartFractions: [DecimalFraction] = [0.1, 0.3, 0.5]

    /// The planted data (``planted(count:)``) pruned by `keep_hard` and
    /// `keep_easy` on the planted score and by `random` at 10, 30 and 50 %,
    /// with 40 random draws per fraction (the bands) and the planted
    /// error-risk rows: `female`, whose scores are planted low, is removed
    /// most by `keep_hard`.
    public static func chartResults() throws -> RunResults {
        let data = planted()
        let plans = chartFractions.flatMap { fraction in
            [PruningPolicy.keepHard, .keepEasy, .random].map { policy in
                PruningPlanner.plan(
                    scores: policy == .random ? nil : data.scores, scoreName: policy == .random ? nil : "planted",
                    direction: .harder, labels: data.labels, classCount: 2, policy: policy, fraction: fraction,
                    seed: 0)
            }
        }
        var results = try plantedResults()
        results.plans = plans
        results.composition = auditComposition(plans: plans, groupings: data.groupings)
        results.findings = try Ruleset.builtInDefault().evaluate(results.composition, errorRisk: results.errorRisk)
        results.gate = Gate(findings: results.findings, failOn: .fail)
        results.exampleColumns = ExampleColumns(
            ids: .texts(data.labels.indices.map { "row\($0 + 1)" }), labels: data.labels, classNames: ["0", "1"],
            attributes: data.groupings.filter { $0.kind == .attribute })
        results.randomBands = RandomBand.draw(
            trainCount: data.labels.count, groupings: data.groupings, fractions: chartFractions, draws: 40, seed: 0,
            parallel: false)
        return results
    }

    /// Stores ``chartResults()`` as a complete run in `database`; returns its id.
    public static func storeChartRun(in database: AuditDatabase) throws -> Int64 {
        let id = try database.beginRun(plantedRunRecord())
        try database.completeRun(
            id: id, results: chartResults(), finishedAt: Date(timeIntervalSince1970: 1_700_000_060))
        return id
    }

    /// Labels that break naive Markdown, HTML and SVG: a pipe, markup
    /// characters, quotes, a control character, line breaks, a tab, DEL, a
    /// C1 control and a very long label.
    public static let hostileLabels = [
        "a|b", "<x&y>", "q\"uote's", "ctl\u{01}x", "line\nbreak", "cr\r\nlf\ttab", "del\u{7F}c1\u{85}",
        String(repeating: "very long label ", count: 12), "`*_back_*`",
    ]

    /// A run over 1,200 examples whose attribute `gr<o>up|"x"` has
    /// ``hostileLabels`` plus three plain groups (12 groups, each 100
    /// examples); the score rises with the group's position, so `keep_hard`
    /// removes `a|b` first, and the eight hostile labels are the groups
    /// drawn. The audit and the score are named with hostile characters too.
    /// Retrained rows mirror the groups (accuracy falls most for `a|b`). The
    /// stored example labels name the 12 groups (`<0|⏎>` … `<11|⏎>`), so the
    /// score distribution chart has 12 classes to cap.
    public static func storeHostileRun(in database: AuditDatabase) throws -> Int64 {
        let groups = hostileLabels + ["plain 1", "plain 2", "plain 3"], count = groups.count * 100
        let membership = (0..<count).map { $0 % groups.count }
        let labels = (0..<count).map { ($0 / groups.count) % 2 }
        let scores = membership.enumerated().map { Double($0.element) + Double($0.offset % 7) / 10 }
        let groupings = [
            Grouping(name: "class", kind: .class, groups: ["0", "1"], train: labels, test: []),
            Grouping(name: "gr<o>up|\"x\"", kind: .attribute, groups: groups, train: membership, test: []),
        ]
        let scoreName = "imported:s<&>\u{01}"
        let plans = chartFractions.flatMap { fraction in
            [PruningPolicy.keepHard, .random].map { policy in
                PruningPlanner.plan(
                    scores: policy == .random ? nil : scores, scoreName: policy == .random ? nil : scoreName,
                    direction: .harder, labels: labels, classCount: 2, policy: policy, fraction: fraction, seed: 0)
            }
        }
        let composition = auditComposition(plans: plans, groupings: groupings)
        let errorRisk = hostileErrorRisk(groups: groupings[1], score: scoreName)
        let findings = try Ruleset.builtInDefault().evaluate(composition, errorRisk: errorRisk)
        let results = RunResults(
            examples: labels.indices.map {
                ExampleRow(position: $0, exampleId: "id\($0)", label: "<\(membership[$0])|\n>")
            },
            scores: [ScoreResult(name: scoreName, kind: "imported", epoch: nil, perSeed: [scores])],
            validity: [], plans: plans, composition: composition, errorRisk: errorRisk, findings: findings,
            gate: Gate(findings: findings, failOn: .fail), timings: [])
        var record = plantedRunRecord()
        record.audit = "hostile <audit> & \"x\"|\u{01}"
        let id = try database.beginRun(record)
        try database.completeRun(id: id, results: results, finishedAt: Date(timeIntervalSince1970: 1_700_000_060))
        return id
    }

    private static func hostileErrorRisk(groups grouping: Grouping, score: String) -> ErrorRiskAudit {
        var rows: [ErrorRiskRow] = []
        for (index, group) in grouping.groups.enumerated() {
            func row(_ score: String?, _ policy: String, _ fraction: Double?, _ accuracy: [Double]) -> ErrorRiskRow {
                ErrorRiskRow(
                    score: score, policy: policy, fraction: fraction, attribute: grouping.name,
                    attributeKind: .attribute, group: group, n: 20,
                    metrics: [.accuracy: SeedSummary(values: accuracy, within: 0...1)])
            }
            let drop = index == 0 ? 0.3 : 0.01 * Double(index % 4)
            rows.append(row(nil, ErrorRiskRow.fullPolicy, nil, [0.80, 0.82, 0.81]))
            rows.append(row(score, "keep_hard", 0.3, [0.80 - drop, 0.81 - drop, 0.79 - drop]))
            rows.append(row(nil, "random", 0.3, [0.80, 0.80, 0.81]))
        }
        return ErrorRiskAudit(rows: rows, attributes: [])
    }
}
