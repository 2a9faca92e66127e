/// Stochastic gradient descent with momentum and weight decay, in PyTorch's
/// convention (`torch.optim.SGD` with `dampening = 0`, `nesterov = False`):
///
///     g ← ∇(mean batch loss) + wd · w      (every parameter, biases included)
///     v ← μ · v + g                        (v starts at 0, so the first v is g)
///     w ← w − lr · v
///
/// A schedule changing `lr` between steps scales only the last line (the
/// momentum buffer holds unscaled gradients), as PyTorch's schedulers do.
public struct SGDOptimizer: GradientOptimizer, Equatable {
    /// Step size `lr` of the next step (the base rate until a schedule sets it).
    public var learningRate: Float
    /// Momentum coefficient `μ` and L2 coefficient `wd`.
    public let momentum: Float
    public let weightDecay: Float
    /// The momentum buffer `v`, one entry per parameter.
    public private(set) var velocity: [Float]

    /// An optimiser for `parameterCount` parameters with a zero momentum buffer.
    public init(spec: OptimizerSpec, parameterCount: Int) {
        learningRate = spec.learningRate
        momentum = spec.momentum
        weightDecay = spec.weightDecay
        velocity = [Float](repeating: 0, count: parameterCount)
    }

    public var parameterCount: Int { velocity.count }

    /// One update (see the type's formula), vectorised 16 lanes at a time and
    /// split over two cores for large networks (``ElementSplit``); every
    /// element gets the same operations in the same order as the scalar rule,
    /// so the result does not depend on the split.
    public mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>) {
        let (rate, mu, decay) = (learningRate, momentum, weightDecay)
        velocity.withUnsafeMutableBufferPointer { velocity in
            guard let base = velocity.baseAddress else { return }
            ElementSplit.run(count: velocity.count, costPerItem: 1, align: VectorKernels.lanes) { part in
                Self.update(
                    parameters: parameters + part.lowerBound, gradient: gradient + part.lowerBound,
                    velocity: base + part.lowerBound, count: part.count, rate: rate, mu: mu, decay: decay)
            }
        }
    }

    /// The update of `count` consecutive parameters.
    private static func update(
        parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        velocity: UnsafeMutablePointer<Float>, count: Int, rate: Float, mu: Float, decay: Float
    ) {
        let lanes = VectorKernels.lanes
        let vectorEnd = count - count % lanes
        var index = 0
        while index < vectorEnd {
            let w = VectorKernels.load(parameters + index)
            let g = VectorKernels.load(gradient + index) + decay * w
            let v = mu * VectorKernels.load(velocity + index) + g
            VectorKernels.store(v, to: velocity + index)
            VectorKernels.store(w - rate * v, to: parameters + index)
            index += lanes
        }
        while index < count {
            let g = gradient[index] + decay * parameters[index]
            let v = mu * velocity[index] + g
            velocity[index] = v
            parameters[index] -= rate * v
            index += 1
        }
    }
}
