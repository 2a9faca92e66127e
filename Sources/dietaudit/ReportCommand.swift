import ArgumentParser
import AuditPipeline

/// `dietaudit report RUN`: render a stored run again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the reports of a stored run again, without retraining.",
        discussion: "RUN is a run id from `dietaudit runs`, or `latest`. The exit code follows the gate at --fail-on.")

    @Argument(help: ArgumentHelp("Run id, or 'latest'.", valueName: "run"))
    var runReference: String = "latest"

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Folder for the Markdown report (<audit>.md).", valueName: "dir"))
    var out = "reports"

    @Option(help: ArgumentHelp("Also write the JSON report here.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Lowest finding severity that fails the gate: info, warn, fail or never."))
    var failOn: FailOnLevel = .fail

    func run() throws {
        let runs = try StoredRuns(databasePath: database.path)
        let outcome = try runs.render(id: try runs.resolve(runReference), outputDirectory: out, jsonPath: json, failOn: failOn.severity)
        printOutcome(outcome)
        if !outcome.gate.passed { throw ExitCode(1) }
    }
}
