import ArgumentParser

/// `dietaudit rules …`: check ruleset files and list the metrics rules can use.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check ruleset files and list the metrics a rule can name.",
        subcommands: [RulesCheckCommand.self, RulesMetricsCommand.self])
}
