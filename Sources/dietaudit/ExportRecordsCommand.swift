import ArgumentParser
import AuditPipeline
import DietAuditCore

/// `dietaudit export records SPEC --npy PATH --ids PATH`.
struct ExportRecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Train a spec's scoring runs and write their training records (logits per seed and epoch) as NPY.",
        discussion: """
            The record is float32 [seeds, epochs + 1, examples, classes]: the logits of every training example \
            after epochs 0 (initialisation) … E of each scoring seed, as the spec's own run takes them. An \
            audit-only spec importing it (training_records, first_epoch: 0) scores it as the run would. \
            See docs/IMPORT.md.
            """)

    @Argument(help: ArgumentHelp("The audit spec (one with model and training).", valueName: "spec"))
    var spec: String

    @Option(help: ArgumentHelp("Where to write the record.", valueName: "path"))
    var npy: String

    @Option(help: ArgumentHelp("Where to write the examples' ids (NPY strings).", valueName: "path"))
    var ids: String

    @Option(
        help: ArgumentHelp(
            "Also write each presentation's logits (mini-batch forward pass, epochs 1…E), for forgetting and aum.",
            valueName: "path"))
    var presentations: String?

    func run() throws {
        let exported = try exportTrainingRecords(
            specPath: spec, npyPath: npy, idsPath: ids, presentationsPath: presentations,
            progress: StderrProgress(enabled: true))
        print(
            "wrote \(exported.seeds) seeds × \(exported.epochs) epochs × \(exported.examples) examples × "
                + "\(exported.classes) classes to \(npy), ids to \(ids)")
        print("to audit them, in an audit-only spec (paths relative to it):")
        print("  \(exported.specEntry)")
    }
}
