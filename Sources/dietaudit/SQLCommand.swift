import ArgumentParser
import AuditPipeline
import SQLEngines

extension SQLDialect: ExpressibleByArgument {}

/// `dietaudit sql SPEC [--dialect …] [--table NAME]`: print the counting query.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the counting query of a postgres or counts spec, to run in any SQL engine.",
        discussion: """
            The query ranks the table's examples by every score of the spec (ties and random plans by the \
            documented md5 key of the id) and returns the counts table: one row per plan and cell \
            (class × every attribute value) with n and removed. Save its result as CSV and audit it with \
            dataset: {counts: counts.csv, label: …, attributes: […]}. See docs/SCALE.md.
            """)

    @Argument(help: ArgumentHelp("The audit spec (YAML) with a postgres or counts dataset.", valueName: "spec"))
    var spec: String

    @Option(help: "SQL dialect: postgres, spark, trino or duckdb.")
    var dialect: SQLDialect = .postgres

    @Option(help: "The table or view to count (default: the spec's dataset.table).")
    var table: String?

    func run() throws {
        print(try AuditRunner.countingSQL(specPath: spec, dialect: dialect, table: table))
    }
}
