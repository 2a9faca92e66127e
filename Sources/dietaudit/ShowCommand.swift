import ArgumentParser
import AuditPipeline
import Foundation

/// `dietaudit show RUN`: one stored run at a glance.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a stored run's status, verdict, finding counts and provenance.",
        discussion: """
            RUN is a run id from `dietaudit runs`, or `latest`. Only a complete run has a verdict: \
            for a running, failed or abandoned run, show prints why and exits 3. Exits 0 for a \
            complete run, whatever its verdict (use `dietaudit report` to gate on it).
            """)

    @OptionGroup var target: RunReference

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        let reference = target.reference
        guard reference == "latest" || (Int64(reference).map { $0 > 0 } ?? false) else {
            throw ValidationError("'\(reference)' is not a run id; expected a positive number or 'latest'")
        }
    }

    func run() throws {
        let runs = try StoredRuns(databasePath: database.path)
        let overview = try runs.overview(id: try runs.resolve(target.reference))
        print(overview.text, terminator: "")
        if let problem = overview.notComplete { throw problem }
    }
}
