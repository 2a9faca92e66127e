import DietAuditCore
import Foundation
import Storage

/// The run's settings in words, for the report's methods section: one
/// sentence per heading (`Model`, `Training`, `Scores`, `Test split`,
/// `Pruning`, `Compute`, `Error risk`, `Reuse`). Runs stored with prose settings
/// (earlier versions) give that prose back unchanged.
public enum MethodsText {
    /// Heading → sentence.
    public static func lines(_ settings: RunSettings) -> [String: String] {
        if let prose = settings.legacyProse { return prose }
        var lines: [String: String] = [:]
        if let model = settings.model { lines["Model"] = modelText(model) }
        if let training = settings.training { lines["Training"] = trainingText(training) }
        if let scores = settings.scores {
            lines["Scores"] = scores.joined(separator: ", ") + "; computed scores are averaged over the seeds"
        }
        if let fraction = settings.testFraction {
            lines["Test split"] = "stratified \(NumberFormatting.percent(fraction)) of rows held out (seeded)"
        } else if let file = settings.testFile {
            lines["Test split"] = "separate file \(file)"
        }
        if let fractions = settings.pruningFractions, let policies = settings.pruningPolicies {
            lines["Pruning"] =
                "fractions " + fractions.map { NumberFormatting.percent($0) }.joined(separator: ", ")
                + "; policies " + policies.map(\.rawValue).joined(separator: ", ")
        }
        if let kernel = settings.blasKernel, let cores = settings.cores {
            lines["Compute"] = "OpenBLAS kernel \(kernel); seeds run in parallel on \(cores) cores"
        }
        if let seeds = settings.retrainSeeds { lines["Error risk"] = errorRiskText(retrainSeeds: seeds) }
        if let reuse = settings.reuse { lines["Reuse"] = reuseText(reuse) }
        if settings.auditOnly == true {
            lines["Model"] = "none: audit-only spec; the scores were imported and nothing was trained"
            lines["Scores"] = (settings.scores ?? []).joined(separator: ", ") + ", imported as given"
            if let records = settings.trainingRecords {
                let imported = (settings.scores ?? []).filter { !records.scores.contains($0) }
                lines["Model"] =
                    "none: audit-only spec; nothing was trained here (scores from imported training records)"
                lines["Scores"] =
                    records.scores.joined(separator: ", ") + " computed from the training records "
                    + records.description
                    + (imported.isEmpty ? "" : "; " + imported.joined(separator: ", ") + " imported as given")
            }
            lines["Error risk"] = "not measured (audit-only: no model to retrain)"
        }
        return lines
    }

    static func modelText(_ model: RunSettings.Model) -> String {
        let widths = model.widths.map(String.init).joined(separator: "-")
        let architecture =
            switch model.kind {
            case .softmax: "softmax regression"
            case .mlp: "MLP with hidden layers \(widths) (ReLU), softmax output"
            case .cnn:
                "CNN with 3×3 convolution blocks of \(widths) channels (ReLU, 2×2 max-pool), dense softmax output"
                    + (model.inputShape.map { " on \($0) inputs" } ?? "")
            }
        // he_normal is the default, and runs stored before `model.init` existed used it.
        guard let initialization = model.initialization, initialization != "he_normal" else { return architecture }
        return architecture + "; initialised \(initialization)"
    }

    static func trainingText(_ t: RunSettings.Training) -> String {
        "\(t.epochs) epochs, batch \(t.batchSize), \(optimizerText(t)), \(scheduleText(t.schedule)); "
            + "\(t.seeds) seeds from base seed \(t.seed)"
    }

    static func optimizerText(_ t: RunSettings.Training) -> String {
        t.optimizer == "adam"
            ? "Adam learning rate \(t.learningRate), β1 \(t.beta1), β2 \(t.beta2), ε \(t.epsilon), "
                + "weight decay \(t.weightDecay)"
            : "SGD learning rate \(t.learningRate), momentum \(t.momentum), weight decay \(t.weightDecay)"
    }

    static func scheduleText(_ schedule: RunSettings.Schedule) -> String {
        switch schedule {
        case .constant: "constant learning rate"
        case .step(let every, let factor): "learning rate × \(factor) every \(every) epochs"
        case .cosine(let minimum): "cosine learning-rate decay to \(minimum)"
        }
    }

    static func errorRiskText(retrainSeeds: Int) -> String {
        retrainSeeds == 0
            ? "not measured (pruning.retrain.seeds: 0)"
            : "the model above retrained on all training data and on every kept set with \(retrainSeeds) seeds "
                + "(seed values base + 1000 + k, the same for every set, so differences are paired), evaluated on "
                + "the test split; means over seeds with Student-t 95% intervals"
    }

    /// "scores reused from run 3 (5 of 5 scoring seeds); retrained models: 40 of 46
    /// reused from runs 3, 4, 6 trained", or that reuse was off.
    static func reuseText(_ reuse: RunSettings.Reuse) -> String {
        guard reuse.enabled else { return "off (--no-reuse): every model was trained afresh" }
        func runs(_ ids: [Int64]) -> String {
            (ids.count == 1 ? "run " : "runs ") + ids.map(String.init).joined(separator: ", ")
        }
        var parts: [String] = []
        if reuse.scoringSeeds > 0 {
            parts.append(
                reuse.scoringSeedsReused == 0
                    ? "scores computed afresh (no stored scoring run matched)"
                    : "scores reused from \(runs(reuse.scoringSourceRuns)) (\(reuse.scoringSeedsReused) of "
                        + "\(reuse.scoringSeeds) scoring seeds)")
        }
        if reuse.retrainedModels > 0 {
            let trained = reuse.retrainedModels - reuse.retrainedModelsReused
            parts.append(
                reuse.retrainedModelsReused == 0
                    ? "retrained models all trained afresh (\(trained))"
                    : "retrained models: \(reuse.retrainedModelsReused) of \(reuse.retrainedModels) reused from "
                        + "\(runs(reuse.retrainedSourceRuns)), \(trained) trained")
        }
        let text = parts.isEmpty ? "nothing trained" : parts.joined(separator: "; ")
        return text + "; stored results are reused only for identical data, model and training settings, "
            + "and are bit-identical to training afresh"
    }
}
