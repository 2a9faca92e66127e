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
            + "imported scores \(inputs.spec.scores.map(\.name).joined(separator: ", ")), "
            + "ruleset '\(inputs.ruleset.name)' with \(inputs.ruleset.rules.count) rules"
    }
}
