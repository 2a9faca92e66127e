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
}

/// One requested score, as listed under the audit spec's `scores:`.
public struct ScoreSpec: Sendable, Equatable {
    public var kind: ScoreKind

    public init(kind: ScoreKind) {
        self.kind = kind
    }

    /// The contract name used in reports, JSON and exports:
    /// `el2n@2`, `grand@0`, `forgetting`, `input_norm`.
    public var name: String {
        switch kind {
        case let .el2n(epoch): return "el2n@\(epoch)"
        case let .grand(epoch): return "grand@\(epoch)"
        case .forgetting: return "forgetting"
        case .inputNorm: return "input_norm"
        }
    }

    /// The kind's contract name: `el2n`, `grand`, `forgetting`, `input_norm`.
    public var kindName: String {
        switch kind {
        case .el2n: return "el2n"
        case .grand: return "grand"
        case .forgetting: return "forgetting"
        case .inputNorm: return "input_norm"
        }
    }

    /// The epoch at which the score is taken, for `el2n` and `grand`.
    public var epoch: Int? {
        switch kind {
        case let .el2n(epoch), let .grand(epoch): return epoch
        case .forgetting, .inputNorm: return nil
        }
    }
}
