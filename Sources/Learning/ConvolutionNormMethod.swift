/// How the per-example squared gradient norm of a convolution's weights is
/// computed. For one example with patches `a_p` (`K` values) and output
/// deltas `δ_p` (`C_out` values) at its `P` output positions, the weight
/// gradient is `G = Σ_p a_p δ_pᵀ` (`K × C_out`) and both methods give `‖G‖²`
/// exactly (up to rounding):
///
/// - ``materialised``: form `G = Aᵀ D` by one `sgemm` per example and sum its
///   squares; about `P · K · C_out` multiply-adds.
/// - ``ghost``: the "ghost norm" `‖G‖² = Σ_{p,q} (a_p · a_q)(δ_p · δ_q)`, from
///   the two `P × P` Gram matrices `A Aᵀ` and `D Dᵀ`; about
///   `P² · (K + C_out)` multiply-adds.
/// - ``automatic`` (the default): per layer the cheaper of the two by those
///   counts: ghost when `P · (K + C_out) < K · C_out`, else materialised
///   (ties materialise). Small images with many channels favour ghost; the
///   first layers of an image network, where `P` is large, materialise.
///
/// The bias part `‖Σ_p δ_p‖²` is the same for all methods.
enum ConvolutionNormMethod: Sendable, Equatable {
    case automatic
    case materialised
    case ghost

    /// The method used for `block`: itself, or for ``automatic`` the cheaper one.
    func resolved(for block: ConvolutionLayout) -> ConvolutionNormMethod {
        guard self == .automatic else { return self }
        let (positions, k, outputs) = (block.positions, block.patchWidth, block.outputChannels)
        return positions * (k + outputs) < k * outputs ? .ghost : .materialised
    }
}
