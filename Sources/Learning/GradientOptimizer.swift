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
    /// Runs `body` with a function that applies this optimiser's step to one
    /// piece `offset ..< offset + count` of `parameters` from the same piece
    /// of `gradient`, or with `nil` when the optimiser cannot step in pieces.
    ///
    /// The pieces of one call to `body`, together covering every parameter
    /// once, make one step: each element gets exactly the operations of
    /// ``step(parameters:gradient:)``. Disjoint pieces may be stepped on
    /// different threads at the same time. The function must not be used
    /// after `body` returns.
    mutating func withStepInPieces<Result>(
        parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        _ body: (StepPiece?) throws -> Result
    ) rethrows -> Result
    /// Whether ``withStepInPieces(parameters:gradient:_:)`` passes a function
    /// (true) or `nil` (false).
    static var stepsInPieces: Bool { get }
}

/// Applies an optimiser's step to `count` parameters starting at `offset`
/// (see ``GradientOptimizer/withStepInPieces(parameters:gradient:_:)``).
public typealias StepPiece = (_ offset: Int, _ count: Int) -> Void

extension GradientOptimizer {
    /// No stepping in pieces unless the optimiser provides it.
    public static var stepsInPieces: Bool { false }

    /// No stepping in pieces unless the optimiser provides it: `body(nil)`.
    public mutating func withStepInPieces<Result>(
        parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        _ body: (StepPiece?) throws -> Result
    ) rethrows -> Result {
        try body(nil)
    }

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
