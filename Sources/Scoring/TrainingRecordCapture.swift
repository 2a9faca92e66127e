import DietAuditCore
import Learning

/// DietAudit's own training records: the logits of every training example at
/// every epoch end of every scoring seed, as imported training records hold
/// them (`[seeds, epochs, examples, classes]` with epochs 0…E, 0 = at
/// initialisation).
public struct OwnTrainingRecords: Sendable, Equatable {
    /// `logits[k][t]`: row-major `examples × classCount` logits of seed run k
    /// after t epochs.
    public var logits: [[[Float]]]
    /// `presentations[k][t − 1]`: the logits of each example's training
    /// forward pass in epoch t = 1…E of seed run k (its mini-batch, before the
    /// batch's update), as forgetting and AUM read them; row-major like ``logits``.
    public var presentations: [[[Float]]]
    public var classCount: Int

    /// All values in C order `[seed][epoch][example][class]`, as an NPY
    /// record of shape `[seeds, E + 1, examples, classes]` stores them.
    public var flattened: [Float] { logits.flatMap { $0.flatMap { $0 } } }

    /// ``presentations`` in C order, an NPY record `[seeds, E, examples, classes]` (epochs 1…E).
    public var flattenedPresentations: [Float] { presentations.flatMap { $0.flatMap { $0 } } }
}

/// Trains the scoring runs of
/// ``computeScores(_:features:labels:classCount:model:training:progress:parallel:)``
/// (run k: model initialised and data shuffled from seed value
/// `training.seed &+ k`, all `training.epochs`) and records the network's
/// logits on the training set at each epoch end 0…E, and the logits of each
/// presentation (the network as the mini-batch's forward pass used it, run
/// again on the batch's rows): DietAudit's own training records, for export
/// and for checking that imported records are scored exactly as DietAudit
/// scores its own training. Seeds run one after another.
/// - Throws: ``InputError`` when the model cannot be built for the features,
///   ``Learning/TrainingDiverged`` when training diverges.
public func captureTrainingRecords(
    features: FeatureMatrix, labels: [Int], classCount: Int, model: ModelSpec, training: TrainingSpec
) throws -> OwnTrainingRecords {
    try model.validate(inputCount: features.columns)
    var logits: [[[Float]]] = [], presentations: [[[Float]]] = []
    for run in 0..<training.seeds {
        let seed = training.seedValue(forRun: run)
        var network = Network(model: model, inputCount: features.columns, classCount: classCount, seed: seed)
        let recorder = LogitRecorder(features: features, classCount: classCount)
        try train(network: &network, on: features, labels: labels, spec: training, seed: seed, observer: recorder)
        logits.append(recorder.epochs)
        presentations.append(recorder.presentations)
    }
    return OwnTrainingRecords(logits: logits, presentations: presentations, classCount: classCount)
}

/// Records the network's logits on `features` at every epoch end, and on
/// each mini-batch's rows before its update.
private final class LogitRecorder: TrainingObserver {
    let features: FeatureMatrix
    let classCount: Int
    private(set) var epochs: [[Float]] = []
    private(set) var presentations: [[Float]] = []

    init(features: FeatureMatrix, classCount: Int) {
        self.features = features
        self.classCount = classCount
    }

    func trainingReached(epoch: Int, network: Network) -> TrainingDecision {
        epochs.append(network.logits(for: features))
        return .proceed
    }

    var observesUpdates: Bool { true }

    func trainingWillUpdate(examples: ArraySlice<Int>, network: Network, epoch: Int) {
        if presentations.count < epoch {
            presentations.append([Float](repeating: .nan, count: features.rows * classCount))
        }
        let columns = features.columns
        var rows = [Float]()
        rows.reserveCapacity(examples.count * columns)
        for example in examples { rows += features.values[(example * columns)..<((example + 1) * columns)] }
        let batch = network.logits(for: FeatureMatrix(values: rows, rows: examples.count, columns: columns))
        for (offset, example) in examples.enumerated() {
            for c in 0..<classCount {
                presentations[epoch - 1][example * classCount + c] = batch[offset * classCount + c]
            }
        }
    }
}
