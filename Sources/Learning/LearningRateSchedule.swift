import DietAuditCore
import Foundation

/// How the learning rate changes from epoch to epoch (`training.schedule`).
///
/// The rate of epoch `e` (0-based: the first epoch is `e = 0`) is used for
/// every mini-batch of that epoch; with base rate `lr` and `E` epochs:
///
/// - ``constant``: `lr` every epoch.
/// - ``step(everyEpochs:factor:)``: `lr · factor^⌊e / everyEpochs⌋` (PyTorch's
///   `StepLR` with `step_size = everyEpochs`, `gamma = factor`, stepped per epoch).
/// - ``cosine(minimum:)``: `minimum + (lr − minimum) · (1 + cos(π · e / E)) / 2`,
///   which starts at `lr` and approaches `minimum` at `e = E` (PyTorch's
///   `CosineAnnealingLR` closed form with `T_max = E`, `eta_min = minimum`).
///
/// Rates are computed in `Double` and rounded once to `Float`, so the
/// constant schedule and the first step period reproduce `lr` exactly.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The base rate for every epoch.
    case constant
    /// Multiply the rate by `factor` (> 0) every `everyEpochs` (> 0) epochs.
    case step(everyEpochs: Int, factor: Float)
    /// Cosine annealing from the base rate down towards `minimum` (0 ≤ minimum ≤ lr).
    case cosine(minimum: Float)

    /// The rate for epoch `epoch` (0-based) of a run of `epochs` epochs with
    /// base rate `base`; see the type's formulas. For ``cosine(minimum:)`` with
    /// `epochs == 0` (nothing is trained) it returns `base`.
    public func rate(epoch: Int, of epochs: Int, base: Float) -> Float {
        switch self {
        case .constant:
            return base
        case let .step(everyEpochs, factor):
            let periods = Double(epoch / everyEpochs)
            return Float(Double(base) * Foundation.pow(Double(factor), periods))
        case let .cosine(minimum):
            guard epochs > 0 else { return base }
            let low = Double(minimum)
            let phase = Double.pi * Double(epoch) / Double(epochs)
            return Float(low + (Double(base) - low) * (1 + Foundation.cos(phase)) / 2)
        }
    }

    /// Checks the schedule's own values against the base rate `base`.
    /// - Throws: ``InputError`` when `everyEpochs ≤ 0`, `factor ≤ 0` (or not
    ///   finite), or `minimum < 0`, `minimum > base` (or not finite).
    func validate(base: Float) throws {
        switch self {
        case .constant:
            return
        case let .step(everyEpochs, factor):
            guard everyEpochs > 0 else {
                throw InputError("training.schedule.every is \(everyEpochs); expected a positive number of epochs")
            }
            guard factor > 0, factor.isFinite else {
                throw InputError("training.schedule.factor is \(factor); expected a positive finite number (e.g. 0.1)")
            }
        case let .cosine(minimum):
            guard minimum >= 0, minimum <= base else {
                throw InputError(
                    "training.schedule.minimum is \(minimum); expected a rate from 0 up to the learning rate \(base)")
            }
        }
    }
}
