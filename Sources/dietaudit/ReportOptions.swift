import ArgumentParser
import AuditPipeline
import Foundation
import Rules

/// `--out`, `--html`, `--json`, `--junit`, `--sarif` and `--fail-on`: where reports go
/// and how the gate judges, shared by `run` and `report`. When the environment
/// variable `GITHUB_STEP_SUMMARY` names a file (as in GitHub Actions), a short
/// summary is appended to it too.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for the Markdown report (<audit>.md).", valueName: "dir"))
    var out = "reports"

    @Option(
        help: ArgumentHelp(
            "Also write the report as one self-contained HTML file here (inline CSS and charts, no network).",
            valueName: "path"))
    var html: String?

    @Option(help: ArgumentHelp("Also write the JSON report (schema dietaudit.report/v1) here.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Also write the gate as JUnit XML here (one test suite per rule).", valueName: "path"))
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Also write the findings as SARIF 2.1.0 here (for code-scanning uploads).", valueName: "path"))
    var sarif: String?

    @Option(help: ArgumentHelp("Lowest finding severity that fails the gate (exit 1): info, warn, fail or never."))
    var failOn: FailOnLevel = .fail

    /// Copies these choices into `options`.
    func apply(to options: inout RunOptions) {
        options.outputDirectory = out
        options.htmlPath = html
        options.jsonPath = json
        options.junitPath = junit
        options.sarifPath = sarif
        options.stepSummaryPath = Self.stepSummaryPath()
        options.failOn = failOn.severity
    }

    /// The file named by `GITHUB_STEP_SUMMARY`, when set and not empty.
    static func stepSummaryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return nil }
        return path
    }
}

/// The run a command reads: an id from `dietaudit runs`, or `latest`.
struct RunReference: ParsableArguments {
    @Argument(help: ArgumentHelp("Run id, or 'latest'.", valueName: "run"))
    var reference: String = "latest"
}
