import Learning

/// The networks and training settings the benchmarks and the profiling
/// driver share, so both measure exactly the same work.
public enum Workloads {
    /// Benchmarks 1 and 3: 60,000 synthetic examples of 784 features, 10 classes.
    public static func wideData() -> SyntheticData {
        SyntheticData(rows: 60_000, columns: 784, classCount: 10, seed: 1)
    }

    /// The MLP 784-512-512-10 every wide iteration starts from.
    public static func wideNetwork() -> Network {
        Network(layerSizes: [784, 512, 512, 10], seed: 7)
    }

    /// One epoch of SGD, batch 128, momentum 0.9, weight decay 5e-4; the rate
    /// is 0.01 (not the spec default 0.1) so that repeated epochs on
    /// Gaussian inputs never diverge into NaNs, which would distort timing.
    public static let wideTraining = TrainingSpec(
        epochs: 1, batchSize: 128,
        optimizer: OptimizerSpec(kind: "sgd", learningRate: 0.01, momentum: 0.9, weightDecay: 0.0005),
        seeds: 1, seed: 0
    )

    /// Benchmark 2: the MLP 64-128-10 of `audits/digits.yaml`.
    public static func digitsNetwork() -> Network {
        Network(layerSizes: [64, 128, 10], seed: 0)
    }

    /// The training section of `audits/digits.yaml`: 20 epochs, batch 128,
    /// SGD rate 0.1, momentum 0.9, weight decay 5e-4.
    public static let digitsTraining = TrainingSpec(
        epochs: 20, batchSize: 128,
        optimizer: OptimizerSpec(kind: "sgd", learningRate: 0.1, momentum: 0.9, weightDecay: 0.0005),
        seeds: 1, seed: 0
    )

    /// Benchmarks 5 and 6: a CNN on the 8×8×1 digits images, blocks of 16
    /// and 32 channels (3×3 convolution, ReLU, 2×2 max-pool each), then a
    /// dense layer to 10 logits.
    public static func digitsCNN() -> Network {
        Network(
            inputShape: InputShape(height: 8, width: 8, channels: 1), convolutionChannels: [16, 32],
            classCount: 10, seed: 0)
    }

    /// Benchmark 5: the digits training settings for 5 epochs (batch 128,
    /// SGD rate 0.1, momentum 0.9, weight decay 5e-4).
    public static let cnnTraining = TrainingSpec(
        epochs: 5, batchSize: 128,
        optimizer: OptimizerSpec(kind: "sgd", learningRate: 0.1, momentum: 0.9, weightDecay: 0.0005),
        seeds: 1, seed: 0
    )
}
