import Datasets
import DietAuditCore
import Scoring

/// Computes `specs` from imported training records with ``TrainingDynamics``,
/// the code that scores DietAudit's own training.
///
/// Seeds are processed one after another; within a seed, every epoch some
/// score needs (``TrainingDynamics/needsOutputs(atEpoch:asPresentations:)``),
/// in epoch order, in slices of at most `memoryLimit` bytes of values
/// (``TrainingRecordSource/rowsPerSlice(memoryLimit:)``). Each record epoch
/// t ≥ 1 also counts as every example's presentation in epoch t (forgetting,
/// AUM). Forgetting gives a never-learned example the last recorded epoch
/// number. NaN and infinite values are counted over the whole pass.
///
/// - Parameters:
///   - exampleOfRow: the training example of each record row (`-1`: a row of
///     no training example, e.g. one dropped by an imported score's
///     `on_missing: drop`; it is skipped).
///   - labels: class index of each training example.
/// - Returns: one ``ScoreResult`` per spec, one row per record seed.
/// - Throws: ``InputError`` at the records file when some value is not finite
///   (count and up to five positions).
public func scoreTrainingRecords(
    _ specs: [ScoreSpec], source: TrainingRecordSource, kind: ClassOutputKind, exampleOfRow: [Int],
    labels: [Int], memoryLimit: Int, progress: ProgressReporter = SilentProgress()
) throws -> [ScoreResult] {
    let lastEpoch = source.epochs.last ?? 0
    let rowsPerSlice = source.rowsPerSlice(memoryLimit: memoryLimit)
    var perSeed = [[[Double]]](repeating: [], count: specs.count)
    var nonFinite = (count: 0, examples: [String]())
    for seed in 0..<source.seedCount {
        progress.begin("scoring from \(source.displayPath): seed \(seed + 1) of \(source.seedCount)")
        var dynamics = TrainingDynamics(
            scores: specs, epochs: lastEpoch, labels: labels, classCount: source.classCount)
        for (position, epoch) in source.epochs.enumerated()
        where dynamics.needsOutputs(atEpoch: epoch, asPresentations: true) {
            dynamics.beginEpoch(epoch)
            var first = 0
            while first < source.rowCount {
                let rows = first..<min(first + rowsPerSlice, source.rowCount)
                try source.withSlice(seed: seed, epochIndex: position, rows: rows) { values in
                    for flat in values.nonFinitePositions() {
                        nonFinite.count += 1
                        guard nonFinite.examples.count < 5 else { continue }
                        let row = rows.lowerBound + flat / source.classCount
                        nonFinite.examples.append(
                            "seed \(seed) epoch \(epoch) id \(source.idText(ofRow: row)) class \(flat % source.classCount)")
                    }
                    switch values {
                    case .float32(let outputs):
                        dynamics.record(
                            epoch: epoch, outputs: outputs, kind: kind, firstRow: rows.lowerBound,
                            exampleIndex: exampleOfRow, asPresentations: true)
                    case .float64(let outputs):
                        dynamics.record(
                            epoch: epoch, outputs: outputs, kind: kind, firstRow: rows.lowerBound,
                            exampleIndex: exampleOfRow, asPresentations: true)
                    }
                }
                first = rows.upperBound
            }
            progress.advance(epoch, of: lastEpoch)
        }
        for (index, spec) in specs.enumerated() {
            perSeed[index].append(dynamics.values(of: spec.kind, epochs: lastEpoch)!)
        }
    }
    guard nonFinite.count == 0 else {
        throw InputError(
            "\(nonFinite.count) value\(nonFinite.count == 1 ? " is" : "s are") NaN or infinite ("
                + nonFinite.examples.joined(separator: "; ") + (nonFinite.count > 5 ? "; …" : "")
                + "); training records must be finite: a diverged run cannot be scored",
            at: SourceLocation(file: source.displayPath))
    }
    return zip(specs, perSeed).map { spec, rows in
        ScoreResult(name: spec.name, kind: spec.kindName, epoch: spec.epoch, direction: spec.direction, perSeed: rows)
    }
}
