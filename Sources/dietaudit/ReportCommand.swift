import ArgumentParser
import AuditPipeline

/// `dietaudit report RUN`: render a stored run again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the reports of a stored run again, without retraining.",
        discussion: "RUN is a run id from `dietaudit runs`, or `latest`. The exit code follows the gate at --fail-on; "
            + "a run that is not complete (running, failed, abandoned) has no verdict: the reports say why and "
            + "the command exits 3.")

    @OptionGroup var target: RunReference

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var report: ReportOptions

    func run() throws {
        let runs = try StoredRuns(databasePath: database.path)
        var options = RunOptions()
        report.apply(to: &options)
        let outcome = try runs.render(id: try runs.resolve(target.reference), options: options)
        printOutcome(outcome)
        if !outcome.gate.passed { throw ExitCode(1) }
    }
}
