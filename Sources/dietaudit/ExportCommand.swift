import ArgumentParser
import AuditPipeline

/// `dietaudit export …`: data out of a stored run.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data of a stored run.",
        subcommands: [ExportScoresCommand.self, ExportRecordsCommand.self])
}

/// `dietaudit export scores RUN --csv PATH`.
struct ExportScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Write every training example's id, label and scores (seed average and per seed) as CSV.",
        discussion: "Columns: id, label, one per score (e.g. el2n@2), then <score>#<seed> per seed.")

    @OptionGroup var target: RunReference

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Where to write the CSV.", valueName: "path"))
    var csv: String

    func run() throws {
        let runs = try StoredRuns(databasePath: database.path)
        let id = try runs.resolve(target.reference)
        let exported = try runs.exportScores(id: id, to: csv)
        print("wrote \(exported.examples) examples of run \(id) to \(csv)")
        print("to audit these scores again, list under scores: (path relative to the spec)")
        for entry in exported.reimportEntries { print("  - \(entry)") }
    }
}
