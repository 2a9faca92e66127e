import ArgumentParser
import AuditPipeline

/// `dietaudit rules metrics`: the metric catalog.
struct RulesMetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List every metric a rule can name: level, definition, range, ideal, edge cases, better direction.")

    @Flag(help: "Print the list as JSON instead of a table.")
    var json = false

    func run() throws {
        print(json ? MetricListing.json() : MetricListing.text(), terminator: "")
    }
}
