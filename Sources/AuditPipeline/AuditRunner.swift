import Auditing
import Datasets
import DietAuditCore
import Foundation
import Learning
import Reporting
import Rules
import Scoring
import Storage

/// Runs an audit spec end to end: checks every input, trains and scores,
/// plans the pruning, audits composition, applies the ruleset and stores the
/// run; ``ReportWriter`` renders the stored run.
///
/// Input problems surface as ``InputError`` before anything is written; a
/// failure after the run row exists marks the run `failed` and is rethrown.
public final class AuditRunner {
    let progress: ProgressReporter

    public init(progress: ProgressReporter = SilentProgress()) {
        self.progress = progress
    }

    /// Everything read and checked before a run is stored.
    struct CheckedInputs {
        var spec: AuditSpec
        var ruleset: Ruleset
        var rulesetText: String
        var rulesetDisplay: String
        var data: PreparedDataset
        var imported: [String: [Double]]
        /// Join problems of imported scores with `on_missing: drop`.
        var joinProblems: [ScoreJoinProblem] = []
        /// Training examples those problems dropped from the audit.
        var droppedExamples = 0
        /// The computed scores of an audit-only spec with `training_records`,
        /// scored from them before anything is written; `nil` otherwise.
        var recordScores: [ScoreResult]? = nil
        /// Those records in words, for the run's settings.
        var recordsDescription: String? = nil
    }

    /// Runs the audit at `specPath`.
    public func run(specPath: String, options: RunOptions) throws -> RunOutcome {
        if let outcome = try runEngineAudit(specPath: specPath, options: options) { return outcome }
        var clock = StageClock()
        let inputs = try checkInputs(specPath: specPath)
        clock.lap("load and check inputs")
        let writer = ReportWriter()
        try writer.prepareOutputs(options)
        let database = try AuditDatabase(path: options.databasePath)
        let runId = try database.beginRun(runRecord(inputs, options: options))
        TestPause.reached(.beforeTraining)
        do {
            let previous = try database.lastCompleteRun(audit: inputs.spec.name, before: runId)
            let keys = ReuseKeys(
                spec: inputs.spec, data: inputs.data, settings: settings(inputs.spec), toolVersion: options.toolVersion)
            let reuse = ReuseSession(database: database, enabled: options.reuse, keys: keys, progress: progress)
            let results = try compute(
                inputs, failOn: options.failOn, previous: previous, reuse: reuse, clock: &clock)
            progress.begin("storing run \(runId)")
            try database.completeRun(id: runId, results: results)
        } catch {
            try? database.failRun(id: runId, message: String(describing: error))
            throw error
        }
        progress.begin("writing the report")
        return try writer.write(database: database, runId: runId, options: options)
    }

    func checkInputs(specPath: String) throws -> CheckedInputs {
        progress.begin("reading \(specPath)")
        var spec = try AuditSpec.load(fileAt: specPath)
        guard spec.engine == nil else {
            throw InputError(
                "this spec's dataset is in a SQL engine; it is audited by `dietaudit run`, not checked as a file",
                at: SourceLocation(file: specPath, key: "dataset"))
        }
        let loaded = try loadRuleset(spec)
        let ruleset = loaded.ruleset, rulesetText = loaded.text, rulesetDisplay = loaded.display
        progress.begin("loading \(spec.dataset.displayPath)")
        var datasetSpec = spec.dataset
        let isTabular = (datasetSpec.format ?? detectFormat(fileName: datasetSpec.displayPath))?.isTabular ?? true
        if isTabular { datasetSpec.image = nil }  // a table's image shape only lays out its features for a cnn
        let (prepared, entries) = try readDatasetAndScoreFiles(spec, dataset: datasetSpec)
        if !spec.auditOnly { spec.model = try modelForData(spec, data: prepared) }
        let join = try joinImportedScores(spec, data: prepared, entries: entries)
        var data = join.data
        var recordsDescription: String?
        let recordScores = try spec.trainingRecords.map { records in
            let scored = try scoresFromTrainingRecords(
                spec, records: records, data: join.data, datasetIds: Set(prepared.train.ids + prepared.test.ids))
            if let note = scored.note { data.notes.append(note) }
            recordsDescription = scored.description
            return scored.scores
        }
        return CheckedInputs(
            spec: spec, ruleset: ruleset, rulesetText: rulesetText, rulesetDisplay: rulesetDisplay,
            data: data, imported: join.values, joinProblems: join.problems, droppedExamples: join.droppedExamples,
            recordScores: recordScores, recordsDescription: recordsDescription)
    }

    /// The prepared dataset and the outcome of reading each imported score
    /// file. The score files do not depend on the dataset, so they are read
    /// on the second core while the dataset is read on this one (silently:
    /// the progress shown is the dataset's). An error reading the dataset
    /// comes first, as it would reading one after the other.
    func readDatasetAndScoreFiles(
        _ spec: AuditSpec, dataset: DatasetSpec
    ) throws -> (PreparedDataset, [Result<ImportedScoreEntries, any Error>]) {
        try runBoth(parallel: !Self.importedScores(of: spec).isEmpty) {
            try prepareDataset(dataset, progress: progress)
        } _: {
            readImportedEntries(spec, progress: SilentProgress())
        }
    }

    /// A ruleset as read: the parsed rules, their text and how the report names the file.
    struct LoadedRuleset {
        var ruleset: Ruleset
        var text: String
        var display: String
    }

    /// The spec's ruleset file, or the built-in default.
    func loadRuleset(_ spec: AuditSpec) throws -> LoadedRuleset {
        guard let path = spec.rulesetPath else {
            return LoadedRuleset(
                ruleset: try Ruleset.builtInDefault(), text: Ruleset.defaultText, display: "(built-in default)")
        }
        let display = spec.rulesetDisplayPath ?? path
        return LoadedRuleset(
            ruleset: try Ruleset.load(fileAt: path, displayName: display),
            text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "", display: display)
    }

    /// The spec's model with the input shape a cnn needs (from the image file,
    /// or `dataset.image` for a table of pixel columns), checked against the
    /// encoded feature count before anything is written.
    func modelForData(_ spec: AuditSpec, data: PreparedDataset) throws -> ModelSpec {
        var model = spec.model
        guard case .cnn = model.kind else { return model }
        guard let shape = data.image ?? spec.dataset.image else {
            throw InputError(
                "a cnn model needs the shape of one example; add dataset.image: {height, width, channels}",
                at: spec.dataset.specLocations["image"] ?? SourceLocation(file: spec.file, key: "model"))
        }
        guard shape.valueCount == data.train.featureCount else {
            throw InputError(
                "dataset.image is \(shape.text) = \(shape.valueCount) values per example, but the data encode to "
                    + "\(data.train.featureCount) features; a cnn needs exactly one numeric feature per pixel and "
                    + "channel",
                at: spec.dataset.specLocations["image"] ?? SourceLocation(file: spec.file, key: "dataset.image"))
        }
        model.inputShape = InputShape(height: shape.height, width: shape.width, channels: shape.channels)
        try model.validate(inputCount: data.train.featureCount)
        return model
    }
}

/// Measures the seconds spent in each pipeline stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [StageTiming] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
    }
}
