import Datasets
import DietAuditCore
import Foundation
import Learning
import Reporting
import Rules
import Scoring
import Storage

extension AuditRunner {
    /// The run row written before computing: provenance and data summary.
    func runRecord(_ inputs: CheckedInputs, options: RunOptions) -> RunRecord {
        let spec = inputs.spec, data = inputs.data
        let summary = DatasetSummary(
            path: spec.dataset.displayPath, sourceRows: data.sourceRowCount, trainCount: data.train.count,
            testCount: data.test.count, featureColumns: data.featureColumns, featureCount: data.featureNames.count,
            label: spec.dataset.label, positiveLabel: spec.dataset.positiveLabel,
            groupings: data.groupings.map {
                GroupingSummary(
                    name: $0.name, kind: $0.kind.rawValue, groups: $0.groups, trainCounts: $0.trainCounts,
                    testCounts: $0.testCounts)
            },
            missing: data.missing.map { MissingCount(column: $0.column, count: $0.count, handling: $0.handling) },
            notes: data.notes, auditOnly: spec.auditOnly, droppedExamples: inputs.droppedExamples,
            joinProblems: inputs.joinProblems)
        return RunRecord(
            audit: spec.name, startedAt: Date(), toolVersion: options.toolVersion, dataSha256: data.dataSHA256,
            testSha256: data.testSHA256, specSha256: spec.sha256,
            rulesetSha256: Fingerprint.sha256(inputs.rulesetText), specPath: spec.file, specText: spec.text,
            rulesetName: inputs.ruleset.name, rulesetPath: inputs.rulesetDisplay, rulesetText: inputs.rulesetText,
            seed: Int64(bitPattern: spec.training.seed), failOn: options.failOn?.rawValue ?? "never", dataset: summary,
            settings: settings(spec, recordsDescription: inputs.recordsDescription))
    }

    /// The spec's settings as structured data (the report words them).
    func settings(_ spec: AuditSpec, recordsDescription: String? = nil) -> RunSettings {
        let model: RunSettings.Model =
            switch spec.model.kind {
            case .softmax: RunSettings.Model(kind: .softmax, widths: [], inputShape: nil)
            case .mlp(let hidden): RunSettings.Model(kind: .mlp, widths: hidden, inputShape: nil)
            case .cnn(let channels):
                RunSettings.Model(kind: .cnn, widths: channels, inputShape: spec.model.inputShape?.text)
            }
        var modelSettings = model
        modelSettings.initialization = spec.model.initialization.rawValue
        let t = spec.training, o = t.optimizer
        let schedule: RunSettings.Schedule =
            switch t.schedule {
            case .constant: .constant
            case .step(let every, let factor): .step(everyEpochs: every, factor: factor)
            case .cosine(let minimum): .cosine(minimum: minimum)
            }
        let training = RunSettings.Training(
            epochs: t.epochs, batchSize: t.batchSize, optimizer: o.kind, learningRate: o.learningRate,
            momentum: o.momentum, weightDecay: o.weightDecay, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon,
            schedule: schedule, seeds: t.seeds, seed: t.seed)
        var testFraction: Double?, testFile: String?
        switch spec.dataset.test {
        case .fraction(let fraction): testFraction = fraction.doubleValue
        case .path(_, let display): testFile = display
        }
        var settings = RunSettings(
            model: modelSettings, training: training, scores: spec.scores.map(\.name), testFraction: testFraction,
            testFile: testFile, pruningFractions: spec.pruning.fractions.map(\.doubleValue),
            pruningPolicies: spec.pruning.policies,
            retrainSeeds: spec.pruning.retrainSeeds, blasKernel: BLASKernel.coreName,
            cores: ProcessInfo.processInfo.activeProcessorCount)
        if spec.auditOnly {
            // Nothing is trained, split off or computed on BLAS: only scores and pruning apply.
            settings.model = nil; settings.training = nil; settings.testFraction = nil; settings.testFile = nil
            settings.blasKernel = nil; settings.cores = nil
            settings.auditOnly = true
            if let recordsDescription {
                let fromRecords = spec.scores.compactMap { request -> String? in
                    if case .computed(let scoreSpec) = request { return scoreSpec.name }
                    return nil
                }
                settings.trainingRecords = RunSettings.TrainingRecords(
                    description: recordsDescription, scores: fromRecords)
            }
        }
        return settings
    }
}
