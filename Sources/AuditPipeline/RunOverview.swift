import Foundation
import Reporting
import Rules
import Storage

/// What `dietaudit show` prints about one stored run: status, verdict, how
/// many findings of each severity, and provenance. Only a complete run has a
/// verdict; for any other run ``notComplete`` says why.
public struct RunOverview: Sendable {
    public var run: RunRecord
    /// Findings per severity (complete runs only; others stored none).
    public var counts: [Severity: Int]
    /// The gate at the run's own `--fail-on` (complete runs only).
    public var gate: Gate?
    /// Set when the run is not `complete`.
    public var notComplete: RunNotComplete?

    /// The overview of a stored run.
    public init(_ stored: StoredRun) {
        run = stored.run
        if stored.run.status == .complete {
            let gate = Gate(findings: stored.findings, failOn: Severity(rawValue: stored.run.failOn))
            self.gate = gate
            counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, gate.counts[$0.rawValue] ?? 0) })
        } else {
            counts = [:]
            notComplete = RunNotComplete(stored.run)
        }
    }

    /// `label: value` lines, labels aligned.
    public var text: String {
        let fields = lines()
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n") + "\n"
    }

    func lines() -> [(String, String)] {
        var lines: [(String, String)] = [
            ("run", "\(run.id ?? 0)"),
            ("audit", run.audit),
            ("status", run.status.rawValue),
        ]
        if let gate {
            lines.append(
                (
                    "verdict",
                    "\(gate.verdict.rawValue) (gate \(gate.passed ? "passed" : "failed"), "
                        + "fail-on \(gate.failOnName))"
                ))
            lines.append(("findings", gate.countsSummary))
        } else if let notComplete {
            lines.append(("verdict", "none — \(notComplete.reason)"))
            lines.append(("findings", "none stored"))
        }
        lines += [
            ("started", Timestamp.iso8601(run.startedAt)),
            ("finished", run.finishedAt.map(Timestamp.iso8601) ?? "—"),
            ("tool version", run.toolVersion),
            ("spec", run.specPath),
            ("spec sha256", run.specSha256),
            (
                "ruleset",
                run.rulesetPath.hasPrefix("(")
                    ? "\(run.rulesetName) \(run.rulesetPath)"
                    : "\(run.rulesetName) (\(run.rulesetPath))"
            ),
            ("ruleset sha256", run.rulesetSha256),
            ("data", run.dataset.path),
            ("data sha256", run.dataSha256),
        ]
        if let test = run.testSha256 { lines.append(("test sha256", test)) }
        lines.append(("seed", "\(run.seed)"))
        lines.append(("process", run.process?.text ?? "not recorded"))
        return lines
    }
}
