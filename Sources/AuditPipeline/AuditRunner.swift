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
    }

    /// Runs the audit at `specPath`.
    public func run(specPath: String, options: RunOptions) throws -> RunOutcome {
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
            let results = try compute(inputs, failOn: options.failOn, previous: previous, clock: &clock)
            try database.completeRun(id: runId, results: results)
        } catch {
            try? database.failRun(id: runId, message: String(describing: error))
            throw error
        }
        return try writer.write(database: database, runId: runId, options: options)
    }

    func checkInputs(specPath: String) throws -> CheckedInputs {
        progress.begin("reading \(specPath)")
        var spec = try AuditSpec.load(fileAt: specPath)
        let ruleset: Ruleset, rulesetText: String, rulesetDisplay: String
        if let path = spec.rulesetPath {
            rulesetDisplay = spec.rulesetDisplayPath ?? path
            ruleset = try Ruleset.load(fileAt: path, displayName: rulesetDisplay)
            rulesetText = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        } else {
            ruleset = try Ruleset.builtInDefault()
            rulesetText = Ruleset.defaultText
            rulesetDisplay = "(built-in default)"
        }
        progress.begin("loading \(spec.dataset.displayPath)")
        var datasetSpec = spec.dataset
        let isTabular = (datasetSpec.format ?? detectFormat(fileName: datasetSpec.displayPath))?.isTabular ?? true
        if isTabular { datasetSpec.image = nil }  // a table's image shape only lays out its features for a cnn
        let prepared = try prepareDataset(datasetSpec, progress: progress)
        if !spec.auditOnly { spec.model = try modelForData(spec, data: prepared) }
        let join = try joinImportedScores(spec, data: prepared)
        return CheckedInputs(
            spec: spec, ruleset: ruleset, rulesetText: rulesetText, rulesetDisplay: rulesetDisplay,
            data: join.data, imported: join.values, joinProblems: join.problems, droppedExamples: join.droppedExamples)
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
