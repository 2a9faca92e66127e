import ArgumentParser
import AuditPipeline

/// `dietaudit rules check FILE…`: load ruleset files as a run would.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check ruleset files without running an audit.",
        discussion: """
            Prints "FILE: OK — N rules (ids…)" for each good file. A bad file gives its first error \
            as file:line:column: message (with a "did you mean" for a misspelt key or metric) and \
            exit code 2.
            """)

    @Argument(help: ArgumentHelp("Ruleset files (YAML).", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one ruleset file") }
    }

    func run() throws {
        for file in files {
            print(try RulesetCheck.summary(fileAt: file))
        }
    }
}
