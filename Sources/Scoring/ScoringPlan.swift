import Learning

/// What one scoring seed must collect, derived from the requested scores:
/// the epochs at which to take each epoch-indexed score, which whole-run
/// statistics to accumulate, and how far to train.
struct ScoringPlan: Sendable, Equatable {
    var el2nEpochs = Set<Int>()
    var grandEpochs = Set<Int>()
    var lossEpochs = Set<Int>()
    var marginEpochs = Set<Int>()
    /// Count forgetting events (``ForgettingCounter``).
    var countForgetting = false
    /// Accumulate the area under the margin (``AreaUnderMargin``).
    var areaUnderMargin = false
    /// Record true-class probabilities at each epoch end (``Cartography``).
    var cartography = false

    /// The plan for `specs` under `training`.
    init(specs: [ScoreSpec], training: TrainingSpec) {
        self.init(specs: specs, epochs: training.epochs)
    }

    /// The plan for `specs` over a run of `epochs` epochs.
    init(specs: [ScoreSpec], epochs: Int) {
        for spec in specs {
            switch spec.kind {
            case let .el2n(epoch): el2nEpochs.insert(epoch)
            case let .grand(epoch): grandEpochs.insert(epoch)
            case let .loss(epoch): lossEpochs.insert(epoch)
            case let .margin(epoch): marginEpochs.insert(epoch)
            case .forgetting: countForgetting = true
            case .aum: areaUnderMargin = true
            case .confidence, .variability: cartography = true
            case .inputNorm, .random: break
            }
        }
        lastEpoch =
            (countForgetting || areaUnderMargin || cartography)
            ? epochs
            : [el2nEpochs, grandEpochs, lossEpochs, marginEpochs].compactMap { $0.max() }.max() ?? 0
    }

    /// The last epoch anything needs: all `training.epochs` for whole-run
    /// statistics, else the largest requested epoch (0 = initialisation only).
    private(set) var lastEpoch = 0

    /// Whether any requested score needs a network (trained or not).
    var needsTraining: Bool {
        countForgetting || areaUnderMargin || cartography
            || !(el2nEpochs.isEmpty && grandEpochs.isEmpty && lossEpochs.isEmpty && marginEpochs.isEmpty)
    }
}
