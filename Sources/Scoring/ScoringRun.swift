import DietAuditCore
import Learning

/// The training observer of one scoring seed: at each epoch end it hands the
/// network's logits on the training set to ``TrainingDynamics`` (EL2N, loss,
/// margin, cartography — the same code that scores imported training
/// records), takes GraNd from the network, passes the trainer's presentations
/// to the forgetting and AUM accumulators, reports progress, and stops
/// training at the last epoch anything needs.
final class ScoringRun: TrainingObserver {
    let features: FeatureMatrix
    let plan: ScoringPlan
    let progress: ProgressReporter
    let labels: [Int]
    /// Everything taken from the network's class outputs.
    private(set) var dynamics: TrainingDynamics
    /// GraNd values by epoch.
    private(set) var grand = [Int: [Double]]()

    init(features: FeatureMatrix, labels: [Int], classCount: Int, plan: ScoringPlan, progress: ProgressReporter) {
        self.features = features
        self.labels = labels
        self.plan = plan
        self.progress = progress
        dynamics = TrainingDynamics(plan: plan, labels: labels, classCount: classCount)
    }

    func trainingReached(epoch: Int, network: Network) -> TrainingDecision {
        if dynamics.needsOutputs(atEpoch: epoch) {
            let logits = network.logits(for: features)
            dynamics.beginEpoch(epoch)
            logits.withUnsafeBufferPointer { outputs in
                dynamics.record(epoch: epoch, outputs: outputs, kind: .logits, firstRow: 0)
            }
        }
        if plan.grandEpochs.contains(epoch) {
            grand[epoch] = network.gradientNorms(for: features, labels: labels)
        }
        progress.advance(epoch, of: plan.lastEpoch)
        return epoch >= plan.lastEpoch ? .stop : .proceed
    }

    func trainingPresented(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, margins: ArraySlice<Float>, epoch: Int)
    {
        dynamics.forgetting?.record(examples: examples, correct: correct)
        dynamics.areaUnderMargin?.record(examples: examples, margins: margins)
    }
}

extension ScoringRun {
    /// The values of `specs` (scores that need training) this run recorded,
    /// by score name, with the held-out predictions of its final model
    /// (`epochs`: `training.epochs`, what a never-learned example's forgetting count is).
    func seedScoring(
        _ specs: [ScoreSpec], epochs: Int, seedValue: UInt64, heldOutPredictions: [Int]?
    ) -> SeedScoring {
        var values: [String: [Double]] = [:]
        for spec in specs {
            switch spec.kind {
            case let .grand(epoch): values[spec.name] = grand[epoch]!
            case .inputNorm, .random: continue
            default: values[spec.name] = dynamics.values(of: spec.kind, epochs: epochs)!
            }
        }
        return SeedScoring(seedValue: seedValue, scores: values, heldOutPredictions: heldOutPredictions)
    }
}
