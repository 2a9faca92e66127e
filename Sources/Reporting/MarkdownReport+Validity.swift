import DietAuditCore
import Scoring
import Storage

/// A warning about a score: the full sentence for the validity section and a
/// few words for the summary.
struct ValidityWarning {
    var sentence: RichText
    var short: RichText
}

extension MarkdownReport {
    /// Plain warnings about scores that track the input norm, barely agree
    /// across seeds, or mostly encode the class.
    func validityWarnings() -> [ValidityWarning] {
        stored.validity.flatMap { row -> [ValidityWarning] in
            var warnings: [ValidityWarning] = []
            let name = RichText.code(row.score)
            if let rho = row.inputNormSpearman, abs(rho) >= 0.8, row.score != ScoreSpec(kind: .inputNorm).name {
                warnings.append(
                    ValidityWarning(
                        sentence: "\(name) mostly tracks the input norm (Spearman ρ = \(number(rho))): pruning by it "
                            + "largely prunes by ‖x‖, the known failure of GraNd at initialisation.",
                        short: "\(name) tracks the input norm"))
            }
            if let stability = row.seedStability, stability < 0.5 {
                warnings.append(
                    ValidityWarning(
                        sentence: "\(name) is unstable across seeds (mean pairwise Spearman \(number(stability))): a "
                            + "different seed would prune different examples.",
                        short: "\(name) is unstable across seeds"))
            }
            if let eta = row.classDependence, eta >= 0.5 {
                warnings.append(
                    ValidityWarning(
                        sentence: "\(name) is mostly explained by the class (η² = \(number(eta))): pruning by it "
                            + "changes the class balance.",
                        short: "\(name) mostly encodes the class"))
            }
            return warnings
        }
    }

    /// Score validity: stability across seeds, agreement with the input norm,
    /// dependence on the class, then the warnings in full.
    func validitySection() -> ReportSection? {
        guard !stored.validity.isEmpty else { return nil }
        let rows = stored.validity.map { row -> [RichText] in
            [
                .code(row.score), .text(number(row.seedStability)), .text(number(row.inputNormSpearman)),
                .text(number(row.classDependence)),
            ]
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Seed stability is the mean pairwise Spearman correlation between seeds (1 = every seed ranks alike); "
                    + "input-norm Spearman compares the score with ‖x‖ (near ±1 means the score is mostly the input "
                    + "norm); class dependence is the share of the score's variance explained by the class (η²)."),
            .table(
                ReportTable(
                    columns: [
                        .init("score"), .init("seed stability", .trailing), .init("input-norm Spearman", .trailing),
                        .init("class dependence", .trailing),
                    ],
                    rows: rows, anchor: "table-validity")),
        ]
        let warnings = validityWarnings()
        if !warnings.isEmpty { blocks.append(.list(warnings.map { ReportListItem("⚠️ " + $0.sentence) })) }
        return ReportSection("Score validity", blocks: blocks + figureBlocks(.scores))
    }
}
