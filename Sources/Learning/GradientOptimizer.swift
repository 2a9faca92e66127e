/// A first-order optimiser: updates a flat parameter vector in place from the
/// gradient of the mean batch loss, keeping whatever per-parameter state it
/// needs (momentum buffer, moment estimates).
///
/// The training loop builds one per run with ``init(spec:parameterCount:)``,
/// sets ``learningRate`` at the start of each epoch from the
/// ``LearningRateSchedule``, and calls the pointer form of `step` per batch.
public protocol GradientOptimizer: Sendable {
    /// A fresh optimiser (zero state) for `parameterCount` parameters.
    init(spec: OptimizerSpec, parameterCount: Int)
    /// Number of parameters the state is sized for.
    var parameterCount: Int { get }
    /// The step size used by the next ``step(parameters:gradient:)``.
    var learningRate: Float { get set }
    /// One update of `parameterCount` floats at `parameters` from the
    /// mean-loss gradient at `gradient` (same layout). Allocates nothing.
    mutating func step(parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>)
}

extension GradientOptimizer {
    /// One update of `parameters` from the mean-loss `gradient` (same layout).
    /// - Precondition: both have ``parameterCount`` entries.
    public mutating func step(parameters: inout [Float], gradient: [Float]) {
        precondition(
            parameters.count == parameterCount && gradient.count == parameterCount,
            "GradientOptimizer.step: parameter, gradient and state counts differ")
        parameters.withUnsafeMutableBufferPointer { parameters in
            gradient.withUnsafeBufferPointer { gradient in
                step(parameters: parameters.baseAddress!, gradient: gradient.baseAddress!)
            }
        }
    }
}
