/// The gate in words, for the Markdown report, the step summary, the CLI's
/// gate line and `show`.
extension Gate {
    /// `3 fail, 1 warn, 0 info, 12 insufficient evidence`: breaches per
    /// severity, worst first, then the findings that could not judge their row.
    public var countsSummary: String {
        let breaches = Severity.allCases.reversed().map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }
        return (breaches + ["\(counts[Self.insufficientEvidenceKey] ?? 0) insufficient evidence"])
            .joined(separator: ", ")
    }

    /// One sentence (without the verdict word or a final period) saying why
    /// the verdict is what it is, e.g. "breaches at or above `fail` break the
    /// ruleset". Code spans use backticks (Markdown).
    public var reason: String {
        let unjudged = counts[Self.insufficientEvidenceKey] ?? 0
        let threshold = "`\(failOnName)`"
        switch verdict {
        case .fail:
            return "breaches at or above \(threshold) break the ruleset, so the gate fails"
        case .insufficientEvidence where !passed:
            return "no breach reaches \(threshold), but \(unjudged) "
                + (unjudged == 1 ? "row" : "rows")
                + " the rules could not judge reach it (on_insufficient), so the gate fails"
        case .warn:
            return "the gate passes at \(threshold), but some breaches have severity `warn` or above"
        case .insufficientEvidence:
            return "no rule was broken at `warn` or above, but \(unjudged) "
                + (unjudged == 1 ? "row" : "rows") + " could not be judged: too few examples or an undefined metric"
        case .pass:
            return "no breach and no unjudged row at severity `warn` or above"
                + (passed && failOn != nil ? "; the gate passes at \(threshold)" : "")
        }
    }
}
