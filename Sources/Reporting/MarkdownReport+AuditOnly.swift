import Storage

extension MarkdownReport {
    /// The summary's sentence on error risk for an audit-only run.
    var auditOnlyErrorRiskSentence: String {
        "This is an audit-only run: the scores were imported and no model was trained, so error risk (accuracy "
            + "of models retrained on the kept sets) was not measured; only who gets removed is audited."
    }

    /// The data section's opening for an audit-only run: every row audited,
    /// nothing trained, then the drops.
    func auditOnlyDataBlocks(_ data: DatasetSummary) -> [ReportBlock] {
        let positive: RichText = data.positiveLabel.map { ", positive class '\($0)'" } ?? ""
        return [
            .paragraph(
                "\(code: data.path): \(data.sourceRows) rows, \(data.trainCount) audited. "
                    + "Audit-only: the scores were imported, no model was trained and no test split was held out. "
                    + "Label \(code: data.label)\(positive).")
        ] + droppedBlocks(data)
    }

    /// One sentence on the examples `on_missing: drop` left out, and one line
    /// per join problem with its count and first ids; nothing without drops.
    func droppedBlocks(_ data: DatasetSummary) -> [ReportBlock] {
        guard let problems = data.joinProblems, !problems.isEmpty else { return [] }
        let dropped = data.droppedExamples ?? 0
        let items = problems.map { problem -> ReportListItem in
            let more = problem.count > problem.examples.count ? ", …" : ""
            let kind = problem.problem.replacingOccurrences(of: "_", with: " ")
            let examples = problem.examples.joined(separator: ", ") + more
            return ReportListItem(
                "\(code: problem.score): \(problem.count) × \(kind) (\(problem.droppedExamples) dropped; e.g. "
                    + "\(examples))")
        }
        return [
            .paragraph(
                "\(dropped) training example\(dropped == 1 ? " was" : "s were") dropped from the audit, for every "
                    + "score (on_missing: drop), because an imported score had no usable value for "
                    + (dropped == 1 ? "it" : "them") + ":"),
            .list(items),
        ]
    }
}
