extension AuditRunner {
    /// `dietaudit validate`'s line for an audit-only spec: what will be
    /// audited, and that nothing will be trained.
    func auditOnlySummary(specPath: String, _ inputs: CheckedInputs) -> String {
        let groupings = inputs.data.groupings
        let dropped =
            inputs.droppedExamples > 0
            ? " (\(inputs.droppedExamples) dropped by on_missing: drop)" : ""
        return "\(specPath): OK — audit-only: \(inputs.data.train.count) examples\(dropped), no model, "
            + "nothing trained; \(groupings.count) groupings (\(groupings.map(\.name).joined(separator: ", "))), "
            + scoreSummary(inputs)
            + "ruleset '\(inputs.ruleset.name)' with \(inputs.ruleset.rules.count) rules"
    }

    /// The scores part of the line: imported ones, and those computed from training records.
    private func scoreSummary(_ inputs: CheckedInputs) -> String {
        let fromRecords = Set(inputs.recordScores?.map(\.name) ?? [])
        let imported = inputs.spec.scores.map(\.name).filter { !fromRecords.contains($0) }
        var parts: [String] = []
        if !imported.isEmpty { parts.append("imported scores \(imported.joined(separator: ", "))") }
        if let records = inputs.spec.trainingRecords, !fromRecords.isEmpty {
            let seeds = inputs.recordScores?.first?.seedCount ?? 0
            parts.append(
                "scores \(inputs.spec.scores.map(\.name).filter(fromRecords.contains).joined(separator: ", ")) "
                    + "from training records \(records.displayPath) (\(seeds) seed\(seeds == 1 ? "" : "s"))")
        }
        return parts.joined(separator: ", ") + ", "
    }
}
