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
    public var classCount: Int

    /// All values in C order `[seed][epoch][example][class]`, as an NPY
    /// record of shape `[seeds, E + 1, examples, classes]` stores them.
    public var flattened: [Float] { logits.flatMap { $0.flatMap { $0 } } }
}

/// Trains the scoring runs of
/// ``computeScores(_:features:labels:classCount:model:training:progress:parallel:)``
/// (run k: model initialised and data shuffled from seed value
/// `training.seed &+ k`, all `training.epochs`) and records the network's
/// logits on the training set at each epoch end 0…E: DietAudit's own
/// training records, for export and for checking that imported records are
/// scored exactly as DietAudit scores its own training. Seeds run one after
/// another.
/// - Throws: ``InputError`` when the model cannot be built for the features,
///   ``Learning/TrainingDiverged`` when training diverges.
public func captureTrainingRecords(
    features: FeatureMatrix, labels: [Int], classCount: Int, model: ModelSpec, training: TrainingSpec
) throws -> OwnTrainingRecords {
    try model.validate(inputCount: features.columns)
    var logits: [[[Float]]] = []
    for run in 0..<training.seeds {
        let seed = training.seedValue(forRun: run)
        var network = Network(model: model, inputCount: features.columns, classCount: classCount, seed: seed)
        let recorder = LogitRecorder(features: features)
        try train(network: &network, on: features, labels: labels, spec: training, seed: seed, observer: recorder)
        logits.append(recorder.epochs)
    }
    return OwnTrainingRecords(logits: logits, classCount: classCount)
}

/// Records the network's logits on `features` at every epoch end.
private final class LogitRecorder: TrainingObserver {
    let features: FeatureMatrix
    private(set) var epochs: [[Float]] = []

    init(features: FeatureMatrix) { self.features = features }

    func trainingReached(epoch: Int, network: Network) -> TrainingDecision {
        epochs.append(network.logits(for: features))
        return .proceed
    }
}
