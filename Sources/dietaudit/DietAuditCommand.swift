import ArgumentParser
import AuditPipeline
import DietAuditCore
import Foundation
import Learning

/// The `dietaudit` command. Exit codes (DESIGN.md): 0 gate passed, 1 gate
/// failed, 2 bad input or usage (including a spec whose training diverges),
/// 3 internal error or a run that is not complete (no verdict).
@main
struct DietAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dietaudit",
        abstract: "Audit data pruning for bias: who gets removed, and is it more than chance?",
        discussion: """
            DietAudit trains models on your data, scores every training example (EL2N, GraNd, \
            forgetting, input norm, or scores you import), prunes by each policy and fraction \
            in the audit spec, and tests whether classes, sensitive groups and their \
            intersections are removed more than chance would. Every run is stored in SQLite; \
            a Markdown and a JSON report are written; the exit code gates CI.

            Exit codes: 0 gate passed · 1 gate failed · 2 bad input or usage · 3 internal error, \
            or a run that is not complete (running, failed, abandoned) and so has no verdict.

            Start with:  dietaudit run audits/german-credit.yaml
            """,
        version: DietAuditVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, RunsCommand.self, ShowCommand.self, ReportCommand.self,
            DiffCommand.self, ExportCommand.self, RulesCommand.self, SQLCommand.self,
        ]
    )

    static func main() {
        BLASKernel.relaunchWithFasterKernelIfNeeded()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as TrainingDiverged {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as RunNotComplete {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(3)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            } else if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            } else {
                FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
                Foundation.exit(3)
            }
        }
    }
}
