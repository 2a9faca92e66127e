import DietAuditCore
import Learning

/// The training observer of one scoring seed: takes the epoch-indexed scores
/// (EL2N, GraNd, loss, margin) at their epochs, counts forgetting events,
/// replays presentations for AUM, records true-class probabilities for
/// cartography, reports progress, and stops training at the last epoch
/// anything needs.
final class ScoringRun: TrainingObserver {
    let features: FeatureMatrix
    let labels: [Int]
    let classCount: Int
    let plan: ScoringPlan
    let progress: ProgressReporter
    /// EL2N values by epoch, filled as training passes each epoch.
    private(set) var el2n = [Int: [Double]]()
    /// GraNd values by epoch.
    private(set) var grand = [Int: [Double]]()
    /// Per-example cross-entropy by epoch.
    private(set) var loss = [Int: [Double]]()
    /// Logit margins by epoch.
    private(set) var margin = [Int: [Double]]()
    /// Forgetting events, when forgetting was asked for.
    private(set) var forgetting: ForgettingCounter?
    /// Margins summed over presentations, when AUM was asked for.
    private(set) var areaUnderMargin: AreaUnderMargin?
    /// True-class probabilities at each epoch end 1…E, when cartography was asked for.
    private(set) var cartography: Cartography?

    init(features: FeatureMatrix, labels: [Int], classCount: Int, plan: ScoringPlan, progress: ProgressReporter) {
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.plan = plan
        self.progress = progress
        forgetting = plan.countForgetting ? ForgettingCounter(exampleCount: labels.count) : nil
        cartography = plan.cartography ? Cartography(exampleCount: labels.count) : nil
        areaUnderMargin = plan.areaUnderMargin ? AreaUnderMargin(exampleCount: labels.count) : nil
    }

    func trainingReached(epoch: Int, network: Network) -> TrainingDecision {
        let needsProbabilities = plan.el2nEpochs.contains(epoch) || (cartography != nil && epoch >= 1)
        let probabilities = needsProbabilities ? network.probabilities(for: features) : []
        if plan.el2nEpochs.contains(epoch) {
            el2n[epoch] = el2nScores(probabilities: probabilities, labels: labels, classCount: classCount)
        }
        if epoch >= 1 {
            cartography?.record(
                trueClassProbabilities: trueClassProbabilities(
                    probabilities: probabilities, labels: labels, classCount: classCount))
        }
        if plan.grandEpochs.contains(epoch) {
            grand[epoch] = network.gradientNorms(for: features, labels: labels)
        }
        if plan.lossEpochs.contains(epoch) {
            loss[epoch] = network.losses(for: features, labels: labels)
        }
        if plan.marginEpochs.contains(epoch) {
            margin[epoch] = marginScores(logits: network.logits(for: features), labels: labels, classCount: classCount)
        }
        progress.advance(epoch, of: plan.lastEpoch)
        return epoch >= plan.lastEpoch ? .stop : .proceed
    }

    func trainingPresented(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, margins: ArraySlice<Float>, epoch: Int)
    {
        forgetting?.record(examples: examples, correct: correct)
        areaUnderMargin?.record(examples: examples, margins: margins)
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
            case let .el2n(epoch): values[spec.name] = el2n[epoch]!
            case let .grand(epoch): values[spec.name] = grand[epoch]!
            case let .loss(epoch): values[spec.name] = loss[epoch]!
            case let .margin(epoch): values[spec.name] = margin[epoch]!
            case .forgetting: values[spec.name] = forgetting!.scores(epochs: epochs)
            case .aum: values[spec.name] = areaUnderMargin!.scores()
            case .confidence: values[spec.name] = cartography!.confidence()!
            case .variability: values[spec.name] = cartography!.variability()!
            case .inputNorm, .random: continue
            }
        }
        return SeedScoring(seedValue: seedValue, scores: values, heldOutPredictions: heldOutPredictions)
    }
}
