import Auditing
import DietAuditCore
import Foundation

extension MarkdownReport {
    /// Who gets removed: the charts, then only the rows that matter — groups
    /// of score-based plans that a rule flags or whose q-value is below 0.05 —
    /// most disproportionate first (``disproportion(_:)``), each beside random pruning of the same
    /// fraction. Every row is in the appendix and the CSV.
    func compositionSection() -> ReportSection? {
        guard !stored.composition.isEmpty else { return nil }
        var blocks: [ReportBlock] = [
            .paragraph(
                "A group's \(strong: "retention ratio") is the share of the group that is kept, divided by the "
                    + "share of all training examples that is kept (1 = proportional; below 0.8 fails the "
                    + "four-fifths rule). Stars mark Benjamini–Hochberg q-values of the Fisher exact test: * < 0.05, "
                    + "** < 0.01, *** < 0.001.")
        ]
        blocks += figureBlocks(.composition)
        let flagged = flaggedScopes()
        let rows = stored.composition.filter { row in
            row.score != nil
                && (row.qValue < 0.05
                    || flagged.contains(Scope(row.score, row.policy, row.fraction, row.attribute, row.group)))
        }
        .enumerated().sorted { a, b in
            let left = Self.disproportion(a.element), right = Self.disproportion(b.element)
            return left != right ? left > right : a.offset < b.offset
        }
        .map(\.element)
        guard !rows.isEmpty else {
            blocks.append(
                .paragraph(
                    "No group of a score-based plan was flagged by a rule or removed at a significantly different "
                        + "rate (q < 0.05); the full tables are in the \(link: "appendix", to: "#appendix")."))
            return ReportSection("Who gets removed", blocks: blocks)
        }
        let shown = Array(rows.prefix(detailRowLimit))
        blocks.append(
            .paragraph(
                "\(rows.count) group row\(rows.count == 1 ? "" : "s") of score-based plans "
                    + "\(rows.count == 1 ? "is" : "are") flagged by a rule or significant (q < 0.05)"
                    + (rows.count > shown.count ? "; the \(shown.count) furthest from proportional are shown" : "")
                    + ". Random pruning of the same fraction is beside each; every row is in the "
                    + "\(link: "appendix", to: "#appendix")."))
        let random = randomCompositionIndex()
        blocks.append(
            .table(
                ReportTable(
                    columns: [
                        .init("plan"), .init("remove", .trailing), .init("attribute"), .init("group"),
                        .init("n", .trailing), .init("retention ratio", .trailing), .init("q", .trailing),
                        .init("random: retention ratio", .trailing), .init("random: q", .trailing),
                    ],
                    rows: shown.map { row in
                        let chance = random[
                            Scope(nil, PruningPolicy.random.rawValue, row.fraction, row.attribute, row.group)]
                        return [
                            planName(score: row.score, policy: row.policy), .text(percent(row.fraction)),
                            .text(row.attribute), .text(row.group), .text(String(row.n)),
                            .text(number(row.retentionRatio) + stars(row.qValue)), .text(pValueText(row.qValue)),
                            .text(chance.map { number($0.retentionRatio) + stars($0.qValue) } ?? "—"),
                            .text(chance.map { pValueText($0.qValue) } ?? "—"),
                        ]
                    }, anchor: "table-composition")))
        return ReportSection("Who gets removed", blocks: blocks)
    }

    /// How far a row's retention ratio lies from proportional on a log
    /// scale, |ln ratio|: keeping none (0) is the most extreme, and keeping
    /// half as much (0.5) weighs as much as keeping twice as much (2).
    /// An undefined ratio counts as proportional.
    static func disproportion(_ row: CompositionRow) -> Double {
        guard let ratio = row.retentionRatio else { return 0 }
        return ratio <= 0 ? .infinity : abs(log(ratio))
    }

    /// The random plan's composition rows by fraction, attribute and group.
    func randomCompositionIndex() -> [Scope: CompositionRow] {
        var index: [Scope: CompositionRow] = [:]
        for row in stored.composition where row.policy == PruningPolicy.random.rawValue && row.score == nil {
            index[Scope(nil, row.policy, row.fraction, row.attribute, row.group)] = row
        }
        return index
    }

    /// The rows some finding (breach) names.
    func flaggedScopes() -> Set<Scope> {
        Set(
            stored.findings.filter { !$0.isInsufficientEvidence }.compactMap { finding in
                finding.fraction.map { Scope(finding.score, finding.policy, $0, finding.attribute, finding.group) }
            })
    }
}

/// A row's identity: plan and group (group `nil` for attribute-level rows).
struct Scope: Hashable {
    var score: String?
    var policy: String
    var fraction: Double
    var attribute: String
    var group: String?

    init(_ score: String?, _ policy: String, _ fraction: Double, _ attribute: String, _ group: String?) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.attribute = attribute
        self.group = group
    }
}

/// A plan's identity in tables: score (nil for random) and policy.
struct PlanKey: Hashable {
    var score: String?
    var policy: String
}
