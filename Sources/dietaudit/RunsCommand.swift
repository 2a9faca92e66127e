import ArgumentParser
import AuditPipeline

/// `dietaudit runs`: history.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List stored runs, newest first (first column: run id).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Show at most this many runs.")
    var limit = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive, found \(limit)") }
    }

    func run() throws {
        print(try StoredRuns(databasePath: database.path).table(limit: limit), terminator: "")
    }
}
