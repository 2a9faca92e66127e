import ArgumentParser
import AuditPipeline

/// `dietaudit validate SPEC`: check without running.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an audit spec, its ruleset, data and imported scores without training or writing anything.",
        discussion: "Exits 0 when everything can be read and is consistent, 2 with a located message otherwise.")

    @Argument(help: ArgumentHelp("The audit spec (YAML).", valueName: "spec"))
    var spec: String

    func run() throws {
        print(try AuditRunner().validate(specPath: spec))
    }
}
