import ArgumentParser
import AuditPipeline
import Foundation

/// `dietaudit run SPEC`: the whole audit.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an audit spec: train, score, prune, audit, store, report.",
        discussion: """
            Reads the audit spec (YAML; paths inside it are relative to the spec), checks the \
            data, the ruleset and every setting before anything is written, then trains \
            `training.seeds` models per score, prunes by every policy and fraction, and tests \
            each class, attribute group and intersection. The run is appended to the database; \
            the Markdown report goes to --out, the JSON report to --json.

            Scoring runs and retrained models stored by an earlier complete run with the same \
            encoded data, model and training settings are reused (bit-identical; the progress \
            output and the report's methods say which run they came from), so another ruleset, \
            more fractions or more policies cost no new training. --no-reuse trains everything afresh.

            Exits 0 when no finding reaches --fail-on, 1 when one does, 2 on bad input.

            Example:  dietaudit run audits/german-credit.yaml --json out/german.json --fail-on warn
            """)

    @Argument(help: ArgumentHelp("The audit spec (YAML).", valueName: "spec"))
    var spec: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var report: ReportOptions

    @Flag(help: "Print no progress, only the final summary line.")
    var quiet = false

    @Flag(
        name: .customLong("no-reuse"),
        help: "Train every model afresh instead of reusing scoring runs and retrained models stored by earlier runs.")
    var noReuse = false

    func run() throws {
        var options = RunOptions()
        options.databasePath = database.path
        options.reuse = !noReuse
        report.apply(to: &options)
        let progress = StderrProgress(enabled: !quiet)
        let outcome = try AuditRunner(progress: progress).run(specPath: spec, options: options)
        progress.finish()
        printOutcome(outcome)
        if !outcome.gate.passed { throw ExitCode(1) }
    }
}

/// One line a CI log can be grepped for, then where the reports are.
func printOutcome(_ outcome: RunOutcome) {
    let gate = outcome.gate
    print(
        "run \(outcome.runId): verdict \(gate.verdict.rawValue), gate \(gate.passed ? "passed" : "failed") "
            + "(fail-on \(gate.failOnName); findings: \(gate.countsSummary))")
    if let report = outcome.reportPath { print("report: \(report)") }
    if let html = outcome.htmlPath { print("html:   \(html)") }
    if let json = outcome.jsonPath { print("json:   \(json)") }
    if let junit = outcome.junitPath { print("junit:  \(junit)") }
    if let sarif = outcome.sarifPath { print("sarif:  \(sarif)") }
}
