import Datasets
import DietAuditCore
import Scoring

/// One opened training record lined up with the training examples.
public struct JoinedTrainingRecord {
    public var source: TrainingRecordSource
    public var kind: ClassOutputKind
    /// The training example of each record row (`-1`: a row of no training
    /// example, e.g. one dropped by an imported score's `on_missing: drop`; skipped).
    public var exampleOfRow: [Int]

    public init(source: TrainingRecordSource, kind: ClassOutputKind, exampleOfRow: [Int]) {
        self.source = source
        self.kind = kind
        self.exampleOfRow = exampleOfRow
    }
}

/// Computes `specs` from imported training records with ``TrainingDynamics``,
/// the code that scores DietAudit's own training.
///
/// Seeds are processed one after another; within a seed, every epoch some
/// score needs (``TrainingDynamics/needsOutputs(atEpoch:timing:)``), in epoch
/// order, in slices of at most `memoryLimit` bytes of values
/// (``TrainingRecordSource/rowsPerSlice(memoryLimit:)``). `records` holds
/// epoch-end outputs. `presentations`, when given, holds each example's
/// training forward pass in epochs 1…E, read by forgetting and AUM; without
/// it, each epoch-end record t ≥ 1 stands in for the presentation in epoch t.
/// Forgetting gives a never-learned example the last recorded epoch number.
/// NaN and infinite values are counted over the whole pass.
///
/// - Parameter labels: class index of each training example.
/// - Returns: one ``ScoreResult`` per spec, one row per record seed.
/// - Throws: ``InputError`` at the records file when some value is not finite
///   (count and up to five positions).
public func scoreTrainingRecords(
    _ specs: [ScoreSpec], records: JoinedTrainingRecord, presentations: JoinedTrainingRecord? = nil,
    labels: [Int], memoryLimit: Int, progress: ProgressReporter = SilentProgress()
) throws -> [ScoreResult] {
    let lastEpoch = max(records.source.epochs.last ?? 0, presentations?.source.epochs.last ?? 0)
    let classCount = records.source.classCount
    var perSeed = [[[Double]]](repeating: [], count: specs.count)
    var nonFinite = NonFiniteValues()
    for seed in 0..<records.source.seedCount {
        progress.begin("scoring from \(records.source.displayPath): seed \(seed + 1) of \(records.source.seedCount)")
        var dynamics = TrainingDynamics(scores: specs, epochs: lastEpoch, labels: labels, classCount: classCount)
        try feed(
            records, seed: seed, timing: presentations == nil ? .epochEndAndPresentation : .epochEnd,
            into: &dynamics, memoryLimit: memoryLimit, nonFinite: &nonFinite)
        if let presentations {
            try feed(
                presentations, seed: seed, timing: .presentation, into: &dynamics, memoryLimit: memoryLimit,
                nonFinite: &nonFinite)
        }
        for (index, spec) in specs.enumerated() {
            perSeed[index].append(dynamics.values(of: spec.kind, epochs: lastEpoch)!)
        }
    }
    try nonFinite.check()
    return zip(specs, perSeed).map { spec, rows in
        ScoreResult(name: spec.name, kind: spec.kindName, epoch: spec.epoch, direction: spec.direction, perSeed: rows)
    }
}

/// Hands every needed epoch of seed `seed` of `record` to `dynamics`, slice by slice.
private func feed(
    _ record: JoinedTrainingRecord, seed: Int, timing: RecordTiming, into dynamics: inout TrainingDynamics,
    memoryLimit: Int, nonFinite: inout NonFiniteValues
) throws {
    let source = record.source
    let rowsPerSlice = source.rowsPerSlice(memoryLimit: memoryLimit)
    for (position, epoch) in source.epochs.enumerated() where dynamics.needsOutputs(atEpoch: epoch, timing: timing) {
        if timing.isEpochEnd { dynamics.beginEpoch(epoch) }
        var first = 0
        while first < source.rowCount {
            let rows = first..<min(first + rowsPerSlice, source.rowCount)
            try source.withSlice(seed: seed, epochIndex: position, rows: rows) { values in
                nonFinite.scan(values, source: source, seed: seed, epoch: epoch, firstRow: rows.lowerBound)
                switch values {
                case .float32(let outputs):
                    dynamics.record(
                        epoch: epoch, outputs: outputs, kind: record.kind, firstRow: rows.lowerBound,
                        exampleIndex: record.exampleOfRow, timing: timing)
                case .float64(let outputs):
                    dynamics.record(
                        epoch: epoch, outputs: outputs, kind: record.kind, firstRow: rows.lowerBound,
                        exampleIndex: record.exampleOfRow, timing: timing)
                }
            }
            first = rows.upperBound
        }
    }
}

/// NaN and infinite record values: how many, and where the first five are.
private struct NonFiniteValues {
    var count = 0
    var examples: [String] = []
    var file: String?

    mutating func scan(
        _ values: TrainingRecordValues, source: TrainingRecordSource, seed: Int, epoch: Int, firstRow: Int
    ) {
        for flat in values.nonFinitePositions() {
            count += 1
            file = file ?? source.displayPath
            guard examples.count < 5 else { continue }
            let row = firstRow + flat / source.classCount
            examples.append(
                "\(source.displayPath) seed \(seed) epoch \(epoch) id \(source.idText(ofRow: row)) "
                    + "class \(flat % source.classCount)")
        }
    }

    func check() throws {
        guard count > 0 else { return }
        throw InputError(
            "\(count) value\(count == 1 ? " is" : "s are") NaN or infinite (" + examples.joined(separator: "; ")
                + (count > 5 ? "; …" : "") + "); training records must be finite: a diverged run cannot be scored",
            at: SourceLocation(file: file ?? "training records"))
    }
}
