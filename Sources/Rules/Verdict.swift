/// The one-word answer a report leads with (DESIGN.md, "Ruleset").
///
/// Precedence, first that holds:
/// - `FAIL`: a breach at or above the gate's `--fail-on` severity;
/// - `INSUFFICIENT EVIDENCE` when the gate fails only on findings that could
///   not judge their row (the ruleset's `on_insufficient` at or above
///   `--fail-on`);
/// - `WARN`: the gate passes, but some breach has severity `warn` or `fail`;
/// - `INSUFFICIENT EVIDENCE`: nothing was breached, but some rule could not
///   judge a row at severity `warn` or `fail`;
/// - `PASS`: otherwise (info-level findings never change the verdict).
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case pass = "PASS"
    case warn = "WARN"
    case fail = "FAIL"
    case insufficientEvidence = "INSUFFICIENT EVIDENCE"

    /// The verdict of `findings` under the gate threshold `failOn` (`nil`: never fail).
    public init(findings: [Finding], failOn: Severity?) {
        func failsGate(_ finding: Finding) -> Bool { failOn.map { finding.severity >= $0 } ?? false }
        let breaches = findings.filter { !$0.isInsufficientEvidence }
        let insufficient = findings.filter(\.isInsufficientEvidence)
        if breaches.contains(where: failsGate) {
            self = .fail
        } else if insufficient.contains(where: failsGate) {
            self = .insufficientEvidence
        } else if breaches.contains(where: { $0.severity >= .warn }) {
            self = .warn
        } else if insufficient.contains(where: { $0.severity >= .warn }) {
            self = .insufficientEvidence
        } else {
            self = .pass
        }
    }
}
