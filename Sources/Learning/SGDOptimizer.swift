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

    public mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>) {
        let (rate, mu, decay) = (learningRate, momentum, weightDecay)
        velocity.withUnsafeMutableBufferPointer { velocity in
            for index in 0..<velocity.count {
                let g = gradient[index] + decay * parameters[index]
                let v = mu * velocity[index] + g
                velocity[index] = v
                parameters[index] -= rate * v
            }
        }
    }
}
