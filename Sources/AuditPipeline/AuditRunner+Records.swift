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
                GroupingSummary(name: $0.name, kind: $0.kind.rawValue, groups: $0.groups, trainCounts: $0.trainCounts, testCounts: $0.testCounts)
            },
            missing: data.missing.map { MissingCount(column: $0.column, count: $0.count, handling: $0.handling) },
            notes: data.notes)
        return RunRecord(
            audit: spec.name, startedAt: Date(), toolVersion: options.toolVersion, dataSha256: data.dataSHA256,
            testSha256: data.testSHA256, specSha256: spec.sha256,
            rulesetSha256: Fingerprint.sha256(inputs.rulesetText), specPath: spec.file, specText: spec.text,
            rulesetName: inputs.ruleset.name, rulesetPath: inputs.rulesetDisplay, rulesetText: inputs.rulesetText,
            seed: Int64(bitPattern: spec.training.seed), failOn: options.failOn?.rawValue ?? "never", dataset: summary,
            settings: settings(spec))
    }

    /// The spec's settings in words, for the report's methods section.
    func settings(_ spec: AuditSpec) -> [String: String] {
        let model: String = switch spec.model.kind {
        case .softmax: "softmax regression"
        case .mlp(let hidden): "MLP with hidden layers \(hidden.map(String.init).joined(separator: "-")) (ReLU), softmax output"
        case .cnn(let channels):
            "CNN with 3×3 convolution blocks of \(channels.map(String.init).joined(separator: "-")) channels (ReLU, 2×2 max-pool), "
                + "dense softmax output" + (spec.model.inputShape.map { " on \($0.text) inputs" } ?? "")
        }
        let t = spec.training, o = t.optimizer
        let split: String = switch spec.dataset.test {
        case .fraction(let f): "stratified \(NumberFormatting.percent(f.doubleValue)) of rows held out (seeded)"
        case .path(_, let display): "separate file \(display)"
        }
        return [
            "Model": model,
            "Training": "\(t.epochs) epochs, batch \(t.batchSize), \(optimizerText(o)), \(scheduleText(t.schedule)); \(t.seeds) seeds from base seed \(t.seed)",
            "Scores": spec.scores.map(\.name).joined(separator: ", ") + "; computed scores are averaged over the seeds",
            "Test split": split,
            "Pruning": "fractions " + spec.pruning.fractions.map { NumberFormatting.percent($0.doubleValue) }.joined(separator: ", ")
                + "; policies " + spec.pruning.policies.map(\.rawValue).joined(separator: ", "),
            "Compute": "OpenBLAS kernel \(BLASKernel.coreName); seeds run in parallel on \(ProcessInfo.processInfo.activeProcessorCount) cores",
            "Error risk": spec.pruning.retrainSeeds == 0 ? "not measured (pruning.retrain.seeds: 0)"
                : "the model above retrained on all training data and on every kept set with \(spec.pruning.retrainSeeds) seeds "
                + "(seed values base + 1000 + k, the same for every set, so differences are paired), evaluated on the test split; "
                + "means over seeds with Student-t 95% intervals",
        ]
    }

    func optimizerText(_ o: OptimizerSpec) -> String {
        o.kind == "adam"
            ? "Adam learning rate \(o.learningRate), β1 \(o.beta1), β2 \(o.beta2), ε \(o.epsilon), weight decay \(o.weightDecay)"
            : "SGD learning rate \(o.learningRate), momentum \(o.momentum), weight decay \(o.weightDecay)"
    }

    func scheduleText(_ schedule: LearningRateSchedule) -> String {
        switch schedule {
        case .constant: "constant learning rate"
        case .step(let every, let factor): "learning rate × \(factor) every \(every) epochs"
        case .cosine(let minimum): "cosine learning-rate decay to \(minimum)"
        }
    }

    /// Renders the stored run to Markdown and JSON.
    func writeReports(database: AuditDatabase, runId: Int64, options: RunOptions) throws -> RunOutcome {
        let stored = try database.loadRun(id: runId)
        let gate = Gate(findings: stored.findings, failOn: options.failOn)
        var reportPath: String?
        if let directory = options.outputDirectory {
            let path = (directory as NSString).appendingPathComponent(ReportFiles.fileName(audit: stored.run.audit) + ".md")
            var report = MarkdownReport(stored, gate: gate)
            if let chart = RetentionChart(stored).svg() {
                let chartName = RetentionChart.fileName(audit: stored.run.audit)
                try ReportFiles.write(chart, to: (directory as NSString).appendingPathComponent(chartName))
                report.chartFileName = chartName
            }
            try ReportFiles.write(report.render(), to: path)
            reportPath = path
        }
        if let jsonPath = options.jsonPath {
            try ReportFiles.write(JSONReport.make(stored, gate: gate).serialized() + "\n", to: jsonPath)
        }
        if let junitPath = options.junitPath {
            let ruleIds = (try? Ruleset.parse(stored.run.rulesetText, file: stored.run.rulesetPath))?.rules.map(\.id) ?? []
            try ReportFiles.write(JUnitReport.make(stored, gate: gate, ruleIds: ruleIds), to: junitPath)
        }
        try writeCIOutputs(stored, gate: gate, options: options, reportPath: reportPath)
        return RunOutcome(
            runId: runId, gate: gate, findingCount: stored.findings.count, reportPath: reportPath,
            jsonPath: options.jsonPath, junitPath: options.junitPath, sarifPath: options.sarifPath)
    }
}
