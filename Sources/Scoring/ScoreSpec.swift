/// Which per-example importance score to compute.
public enum ScoreKind: Sendable, Equatable {
    /// EL2N after `epoch` epochs: ‖softmax(z(x)) − onehot(y)‖₂ (Paul et al. 2021).
    case el2n(epoch: Int)
    /// GraNd after `epoch` epochs: exact ‖∇_θ ℓ(x, y)‖₂ over all parameters
    /// (epoch 0 = at initialisation).
    case grand(epoch: Int)
    /// Forgetting events during training (Toneva et al. 2019).
    case forgetting
    /// ‖x‖₂ of the encoded features: the input-norm baseline (Kirsch 2023).
    case inputNorm
    /// The example's own cross-entropy `−log softmax(z(x))_y` after `epoch`
    /// epochs (epoch 0 = at initialisation); the loss score used e.g. by
    /// Paul et al. 2021 and earlier loss-based selection. Range ≥ 0, 0 = easy.
    case loss(epoch: Int)
    /// The logit margin `z_y − max_{c≠y} z_c` after `epoch` epochs
    /// (Pleiss et al. 2020, "Identifying Mislabeled Data using the Area Under
    /// the Margin Ranking", eq. 1). Any real value; negative = misclassified.
    /// Needs at least two classes.
    case margin(epoch: Int)
    /// Area under the margin (Pleiss et al. 2020): the logit margin of each
    /// presentation during training, from the mini-batch's own forward pass
    /// before its update, averaged over all presentations (see
    /// ``AreaUnderMargin``). Low (negative) values flag likely mislabelled
    /// examples. Needs at least two classes and one epoch.
    case aum
    /// Dataset cartography confidence (Swayamdipta et al. 2020, "Dataset
    /// Cartography"): the mean over epochs 1…E of the probability the model
    /// gives the true class, measured on the whole training set at the end of
    /// each epoch (see ``Cartography``). Range 0…1, low = hard or mislabelled.
    case confidence
    /// Dataset cartography variability (Swayamdipta et al. 2020): the
    /// population standard deviation over epochs 1…E of the same true-class
    /// probabilities. Range 0…0.5; high = ambiguous example.
    case variability
    /// A seeded random baseline: independent uniform values in [0, 1) from
    /// `SeededGenerator(seed: <seed value of run k>, stream: "random-score")`,
    /// one vector per seed. Pruning by it is a uniform random diet, the
    /// baseline every informed score should beat (cf. Paul et al. 2021).
    case random

    /// Which end is hard (DESIGN.md "Direction"): higher is easier for
    /// `margin`, `aum` and `confidence`, harder for every other kind.
    public var direction: ScoreDirection {
        switch self {
        case .margin, .aum, .confidence: .easier
        case .el2n, .grand, .loss, .forgetting, .variability, .inputNorm, .random: .harder
        }
    }
}

/// One requested score, as listed under the audit spec's `scores:`.
public struct ScoreSpec: Sendable, Equatable {
    public var kind: ScoreKind

    public init(kind: ScoreKind) {
        self.kind = kind
    }

    /// The contract name used in reports, JSON and exports:
    /// `el2n@2`, `grand@0`, `forgetting`, `input_norm`, `loss@3`, `margin@3`,
    /// `aum`, `confidence`, `variability`, `random`.
    public var name: String {
        if let epoch { return "\(kindName)@\(epoch)" }
        return kindName
    }

    /// The kind's contract name: `el2n`, `grand`, `forgetting`, `input_norm`,
    /// `loss`, `margin`, `aum`, `confidence`, `variability`, `random`.
    public var kindName: String {
        switch kind {
        case .el2n: return "el2n"
        case .grand: return "grand"
        case .forgetting: return "forgetting"
        case .inputNorm: return "input_norm"
        case .loss: return "loss"
        case .margin: return "margin"
        case .aum: return "aum"
        case .confidence: return "confidence"
        case .variability: return "variability"
        case .random: return "random"
        }
    }

    /// Which end of the score is hard; see ``ScoreKind/direction``.
    public var direction: ScoreDirection { kind.direction }

    /// The epoch at which the score is taken, for `el2n`, `grand`, `loss` and `margin`.
    public var epoch: Int? {
        switch kind {
        case let .el2n(epoch), let .grand(epoch), let .loss(epoch), let .margin(epoch): return epoch
        case .forgetting, .inputNorm, .aum, .confidence, .variability, .random: return nil
        }
    }
}
