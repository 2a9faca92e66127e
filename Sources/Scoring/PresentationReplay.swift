import Learning

/// Recovers the logits of every training presentation, for AUM.
///
/// ``Learning/TrainingObserver/trainingPresented(examples:correct:epoch:)``
/// reports only each presentation's correctness, not its logits, and the
/// observer never sees the network between two epoch ends. So the replay keeps
/// a shadow copy of the network, starting from the one the observer sees at
/// epoch 0, and follows the trainer batch by batch with the same public
/// building blocks: for each reported batch it takes the shadow's logits of the
/// batch's rows (= the training forward pass before the update, same
/// parameters, same rows), then applies the batch's mean-loss gradient
/// (``Learning/DenseNetwork/lossAndGradient(for:labels:)``) with its own
/// ``Learning/SGDOptimizer`` built from the same spec.
///
/// It checks itself: each logit margin must agree with the trainer's
/// correctness flag (correct ⇒ margin ≥ 0, wrong ⇒ margin ≤ 0), and at every
/// epoch end the shadow's parameters must equal the trained network's bit for
/// bit. Any mismatch is recorded in ``failure`` (an internal error: AUM is
/// then not trustworthy), and the replay stops.
final class PresentationReplay {
    private var network: DenseNetwork
    private var optimizer: SGDOptimizer
    private let features: FeatureMatrix
    private let labels: [Int]
    /// The margins accumulated so far.
    private(set) var areaUnderMargin: AreaUnderMargin
    /// Why the replay stopped following the trainer, if it did.
    private(set) var failure: String?

    /// A replay starting from `network` as it is before the first update.
    init(network: DenseNetwork, features: FeatureMatrix, labels: [Int], optimizer: OptimizerSpec) {
        self.network = network
        self.optimizer = SGDOptimizer(spec: optimizer, parameterCount: network.parameterCount)
        self.features = features
        self.labels = labels
        areaUnderMargin = AreaUnderMargin(exampleCount: labels.count)
    }

    /// Takes the margins of one reported mini-batch, then applies its update.
    func present(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, epoch: Int) {
        guard failure == nil else { return }
        let rows = Array(examples)
        let batch = features.selecting(rows: rows)
        let batchLabels = rows.map { labels[$0] }
        let margins = marginScores(logits: network.logits(for: batch), labels: batchLabels, classCount: network.classCount)
        for (margin, isCorrect) in zip(margins, correct) where isCorrect ? margin < 0 : margin > 0 {
            failure = "AUM replay: in epoch \(epoch) a margin of \(margin) disagrees with the trainer's "
                + "\(isCorrect ? "correct" : "wrong") prediction"
            return
        }
        areaUnderMargin.record(examples: examples, margins: margins)
        let gradient = network.lossAndGradient(for: batch, labels: batchLabels).gradient
        var parameters = network.parameters
        optimizer.step(parameters: &parameters, gradient: gradient)
        network.setParameters(parameters)
    }

    /// Checks, at the end of `epoch`, that the shadow equals the trained network bit for bit.
    func check(epoch: Int, against trained: DenseNetwork) {
        guard failure == nil else { return }
        let same = network.parameters.elementsEqual(trained.parameters) { $0.bitPattern == $1.bitPattern }
        if !same {
            failure = "AUM replay: after epoch \(epoch) the replayed parameters differ from the trained ones "
                + "(the trainer's update is not the one the replay applies)"
        }
    }
}
