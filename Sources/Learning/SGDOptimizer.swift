/// Stochastic gradient descent with momentum and weight decay, in PyTorch's
/// convention (`torch.optim.SGD` with `dampening = 0`, `nesterov = False`):
///
///     g ← ∇(mean batch loss) + wd · w      (every parameter, biases included)
///     v ← μ · v + g                        (v starts at 0, so the first v is g)
///     w ← w − lr · v
public struct SGDOptimizer: Sendable, Equatable {
    /// Step size, momentum and weight decay.
    public let learningRate: Float
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

    /// One update of `parameters` from the mean-loss `gradient` (same layout).
    /// - Precondition: both have ``velocity``'s count.
    public mutating func step(parameters: inout [Float], gradient: [Float]) {
        precondition(parameters.count == velocity.count && gradient.count == velocity.count,
                     "SGDOptimizer.step: parameter, gradient and velocity counts differ")
        parameters.withUnsafeMutableBufferPointer { parameters in
            gradient.withUnsafeBufferPointer { gradient in
                step(parameters: parameters.baseAddress!, gradient: gradient.baseAddress!)
            }
        }
    }

    /// The pointer form used by the training loop (no allocation).
    mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>) {
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
