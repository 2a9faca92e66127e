import ArgumentParser
import AuditPipeline

/// `dietaudit runs`: history, and `--prune N` to forget old runs.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List stored runs, newest first (first column: run id).",
        discussion: """
            With --prune N, first deletes old runs: per audit name it keeps the N newest complete runs, \
            every run started after the oldest of those, and every running run; older complete, \
            failed or abandoned runs are deleted with all their rows. The newest complete run of an \
            audit is never deleted.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Show at most this many runs.")
    var limit = 20

    @Option(help: ArgumentHelp("Keep the N newest complete runs of each audit; delete older ones.", valueName: "n"))
    var prune: Int?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive, found \(limit)") }
        if let prune, prune < 1 {
            throw ValidationError("--prune must keep at least 1 complete run per audit, found \(prune)")
        }
    }

    func run() throws {
        let runs = try StoredRuns(databasePath: database.path)
        if let prune {
            print(try runs.prune(keep: prune))
        }
        print(try runs.table(limit: limit), terminator: "")
    }
}
