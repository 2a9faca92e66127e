import DietAuditCore

/// The `random` baseline score of one seed: `count` independent uniform values
/// in [0, 1), drawn in example order with ``DietAuditCore/SeededGenerator/unitDouble()``
/// from `SeededGenerator(seed: seed, stream: "random-score")`.
///
/// Pass the seed value of scoring run `k` (``Learning/TrainingSpec/seedValue(forRun:)``):
/// the same seed always gives the same vector, different seeds independent ones.
public func randomScores(count: Int, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed, stream: "random-score")
    return (0..<count).map { _ in generator.unitDouble() }
}
