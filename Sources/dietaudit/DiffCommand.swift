import ArgumentParser
import AuditPipeline
import Foundation

/// `dietaudit diff RUN_A RUN_B`: what changed between two stored runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two stored runs: findings that appeared, disappeared or changed, and the largest "
            + "metric moves.",
        discussion: """
            Findings are matched by rule, metric and scope (score, policy, fraction, attribute, group); \
            a matched finding whose value, severity or limit differs is listed as changed. Then, per \
            metric, the 10 largest moves (new − old) of retention_ratio and removal_rate on composition \
            rows both runs share, and of accuracy when both runs retrained.

            Exits 0 after printing, 2 for an unknown run, 3 when either run is not complete.

            Example:  dietaudit diff 4 latest --json > diff.json
            """)

    @Argument(help: ArgumentHelp("The older run: an id, or 'latest'.", valueName: "run-a"))
    var old: String

    @Argument(help: ArgumentHelp("The newer run: an id, or 'latest'.", valueName: "run-b"))
    var new: String

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON (schema dietaudit.diff/v1) instead of text.")
    var json = false

    func run() throws {
        // A run that is not complete ends in RunNotComplete: exit 3, from the root command.
        let diff = try StoredRuns(databasePath: database.path).diff(old: old, new: new)
        print(json ? diff.json().serialized() : diff.text(), terminator: json ? "\n" : "")
    }
}
