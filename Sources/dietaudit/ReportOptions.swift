import ArgumentParser
import AuditPipeline
import Rules

/// `--out`, `--json` and `--fail-on`: where reports go and how the gate judges,
/// shared by `run` and `report`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for the Markdown report (<audit>.md).", valueName: "dir"))
    var out = "reports"

    @Option(help: ArgumentHelp("Also write the JSON report (schema dietaudit.report/v1) here.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Also write the gate as JUnit XML here (one test suite per rule).", valueName: "path"))
    var junit: String?

    @Option(help: ArgumentHelp("Lowest finding severity that fails the gate (exit 1): info, warn, fail or never."))
    var failOn: FailOnLevel = .fail

    /// Copies these choices into `options`.
    func apply(to options: inout RunOptions) {
        options.outputDirectory = out
        options.jsonPath = json
        options.junitPath = junit
        options.failOn = failOn.severity
    }
}

/// The run a command reads: an id from `dietaudit runs`, or `latest`.
struct RunReference: ParsableArguments {
    @Argument(help: ArgumentHelp("Run id, or 'latest'.", valueName: "run"))
    var reference: String = "latest"
}
