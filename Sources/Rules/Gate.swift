/// The CI verdict: passed unless some finding is at or above ``failOn``.
public struct Gate: Sendable, Equatable, Codable {
    /// The threshold severity; `nil` is `never` (the gate always passes).
    public var failOn: Severity?
    public var passed: Bool
    /// Findings per severity name (`info`, `warn`, `fail`), every key present.
    public var counts: [String: Int]

    /// Evaluates the gate over `findings`.
    public init(findings: [Finding], failOn: Severity?) {
        self.failOn = failOn
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for finding in findings { counts[finding.severity.rawValue, default: 0] += 1 }
        self.counts = counts
        if let failOn {
            passed = !findings.contains { $0.severity >= failOn }
        } else {
            passed = true
        }
    }

    /// `fail`, `warn`, `info` or `never`, as `--fail-on` takes it.
    public var failOnName: String { failOn?.rawValue ?? "never" }
}
