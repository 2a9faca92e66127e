/// The CI verdict: passed unless some finding is at or above ``failOn``.
public struct Gate: Sendable, Equatable, Codable {
    /// The threshold severity; `nil` is `never` (the gate always passes).
    public var failOn: Severity?
    public var passed: Bool
    /// PASS, WARN, FAIL or INSUFFICIENT EVIDENCE (see ``Verdict``).
    public var verdict: Verdict
    /// Breaches per severity name (`info`, `warn`, `fail`) and the number of
    /// `insufficient_evidence` findings (whatever their severity), every key
    /// present.
    public var counts: [String: Int]

    /// The key of ``counts`` for findings that could not judge their row.
    public static let insufficientEvidenceKey = FindingOutcome.insufficientEvidence.rawValue

    /// Evaluates the gate over `findings`.
    public init(findings: [Finding], failOn: Severity?) {
        self.failOn = failOn
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        counts[Self.insufficientEvidenceKey] = 0
        for finding in findings {
            let key = finding.isInsufficientEvidence ? Self.insufficientEvidenceKey : finding.severity.rawValue
            counts[key, default: 0] += 1
        }
        self.counts = counts
        verdict = Verdict(findings: findings, failOn: failOn)
        if let failOn {
            passed = !findings.contains { $0.severity >= failOn }
        } else {
            passed = true
        }
    }

    /// `fail`, `warn`, `info` or `never`, as `--fail-on` takes it.
    public var failOnName: String { failOn?.rawValue ?? "never" }
}
