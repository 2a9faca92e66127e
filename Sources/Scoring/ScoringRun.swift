import DietAuditCore
import Learning

/// The training observer of one scoring seed: takes EL2N and GraNd at their
/// epochs, counts forgetting events, reports progress, and stops training at
/// the last epoch anything needs.
final class ScoringRun: TrainingObserver {
    let features: FeatureMatrix
    let labels: [Int]
    let classCount: Int
    let el2nEpochs: Set<Int>
    let grandEpochs: Set<Int>
    let lastEpoch: Int
    let progress: ProgressReporter
    /// EL2N values by epoch, filled as training passes each epoch.
    private(set) var el2n = [Int: [Double]]()
    /// GraNd values by epoch.
    private(set) var grand = [Int: [Double]]()
    /// Forgetting events, when forgetting was asked for.
    private(set) var forgetting: ForgettingCounter?

    init(features: FeatureMatrix, labels: [Int], classCount: Int, el2nEpochs: Set<Int>, grandEpochs: Set<Int>,
         countForgetting: Bool, lastEpoch: Int, progress: ProgressReporter) {
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.el2nEpochs = el2nEpochs
        self.grandEpochs = grandEpochs
        self.lastEpoch = lastEpoch
        self.progress = progress
        forgetting = countForgetting ? ForgettingCounter(exampleCount: labels.count) : nil
    }

    func trainingReached(epoch: Int, network: DenseNetwork) -> TrainingDecision {
        if el2nEpochs.contains(epoch) {
            el2n[epoch] = el2nScores(probabilities: network.probabilities(for: features), labels: labels, classCount: classCount)
        }
        if grandEpochs.contains(epoch) {
            grand[epoch] = network.gradientNorms(for: features, labels: labels)
        }
        progress.advance(epoch, of: lastEpoch)
        return epoch >= lastEpoch ? .stop : .proceed
    }

    func trainingPresented(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, epoch: Int) {
        forgetting?.record(examples: examples, correct: correct)
    }
}
