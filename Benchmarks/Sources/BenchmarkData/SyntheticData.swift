import DietAuditCore
import Learning

/// A generated classification set: `rows` examples of `columns` standard
/// normal features with a small class-dependent shift, and uniformly drawn
/// labels in `0..<classCount`. Every draw comes from one
/// `SeededGenerator(seed: seed, stream: "benchmark-data")`, so the same
/// arguments always give the same matrix.
///
/// The shift (0.5 on feature `label mod columns`) only keeps the task
/// learnable, so training behaves like training on real data (no NaNs, no
/// denormals); its size does not matter to throughput.
public struct SyntheticData: Sendable {
    /// Row-major features, `rows × columns`.
    public let features: FeatureMatrix
    /// One class index per row.
    public let labels: [Int]

    public init(rows: Int, columns: Int, classCount: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed, stream: "benchmark-data")
        var values = [Float](repeating: 0, count: rows * columns)
        var labels = [Int](repeating: 0, count: rows)
        for row in 0..<rows {
            let label = generator.uniform(below: classCount)
            labels[row] = label
            for column in 0..<columns {
                values[row * columns + column] = Float(generator.normal())
            }
            values[row * columns + label % columns] += 0.5
        }
        self.features = FeatureMatrix(values: values, rows: rows, columns: columns)
        self.labels = labels
    }
}
