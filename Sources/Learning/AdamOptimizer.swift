import Foundation

/// Adam with bias correction and L2 weight decay, in PyTorch's convention
/// (`torch.optim.Adam` with `amsgrad = False`, `maximize = False`). At step
/// `t = 1, 2, …`:
///
///     g ← ∇(mean batch loss) + wd · w      (L2 form, every parameter; not AdamW)
///     m ← β1 · m + (1 − β1) · g            (m, v start at 0)
///     v ← β2 · v + (1 − β2) · g²
///     w ← w − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
///
/// The two bias corrections are computed in `Double` and rounded to `Float`
/// once per step, the rest in `Float`, as PyTorch does for `float32`
/// parameters. A zero gradient on the first step leaves the parameter
/// unchanged (`0 / (0 + ε) = 0`). A schedule changing `lr` scales only the
/// step size; the moments keep their history.
public struct AdamOptimizer: GradientOptimizer, Equatable {
    /// Step size `lr` of the next step (the base rate until a schedule sets it).
    public var learningRate: Float
    /// Moment decays `β1`, `β2`, denominator term `ε` and L2 coefficient `wd`.
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    /// Steps taken so far (`t` of the last step; 0 before the first).
    public private(set) var stepCount = 0
    /// First-moment estimate `m` (before bias correction), one per parameter.
    public private(set) var firstMoment: [Float]
    /// Second-moment estimate `v` (before bias correction), one per parameter.
    public private(set) var secondMoment: [Float]

    /// An optimiser for `parameterCount` parameters with zero moments.
    public init(spec: OptimizerSpec, parameterCount: Int) {
        learningRate = spec.learningRate
        beta1 = spec.beta1
        beta2 = spec.beta2
        epsilon = spec.epsilon
        weightDecay = spec.weightDecay
        firstMoment = [Float](repeating: 0, count: parameterCount)
        secondMoment = [Float](repeating: 0, count: parameterCount)
    }

    public var parameterCount: Int { firstMoment.count }

    public mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>) {
        stepCount += 1
        let t = Double(stepCount)
        let stepSize = Float(Double(learningRate) / (1 - Foundation.pow(Double(beta1), t)))
        let correctionRoot = Float((1 - Foundation.pow(Double(beta2), t)).squareRoot())
        let constants = Constants(
            b1: beta1, b2: beta2, keep1: 1 - beta1, keep2: 1 - beta2, eps: epsilon,
            decay: weightDecay, stepSize: stepSize, correctionRoot: correctionRoot)
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                guard let mBase = m.baseAddress, let vBase = v.baseAddress else { return }
                ElementSplit.run(count: m.count, costPerItem: 1, align: VectorKernels.lanes) { part in
                    let start = part.lowerBound
                    Self.update(
                        parameters: parameters + start, gradient: gradient + start, first: mBase + start,
                        second: vBase + start, count: part.count, constants)
                }
            }
        }
    }

    /// The per-step scalars of the update.
    private struct Constants {
        let b1, b2, keep1, keep2, eps, decay, stepSize, correctionRoot: Float
    }

    /// The update of `count` consecutive parameters, vectorised 16 lanes at a
    /// time with the scalar rule's operations in its order (so the split over
    /// cores by ``ElementSplit`` changes no bit).
    private static func update(
        parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        first m: UnsafeMutablePointer<Float>, second v: UnsafeMutablePointer<Float>,
        count: Int, _ c: Constants
    ) {
        let lanes = VectorKernels.lanes
        let vectorEnd = count - count % lanes
        var index = 0
        while index < vectorEnd {
            let w = VectorKernels.load(parameters + index)
            let g = VectorKernels.load(gradient + index) + c.decay * w
            let first = c.b1 * VectorKernels.load(m + index) + c.keep1 * g
            let second = c.b2 * VectorKernels.load(v + index) + c.keep2 * g * g
            VectorKernels.store(first, to: m + index)
            VectorKernels.store(second, to: v + index)
            let denominator = second.squareRoot() / c.correctionRoot + c.eps
            VectorKernels.store(w - c.stepSize * (first / denominator), to: parameters + index)
            index += lanes
        }
        while index < count {
            let g = gradient[index] + c.decay * parameters[index]
            let first = c.b1 * m[index] + c.keep1 * g
            let second = c.b2 * v[index] + c.keep2 * g * g
            m[index] = first
            v[index] = second
            let denominator = second.squareRoot() / c.correctionRoot + c.eps
            parameters[index] -= c.stepSize * (first / denominator)
            index += 1
        }
    }
}
