/// How numeric feature columns are scaled, fitted on the training rows only
/// (`dataset.scaling` in the spec).
public enum NumericScaling: String, Sendable, Equatable, CaseIterable {
    /// z = (x − mean) / std (population std; a constant column divides by 1).
    /// The default: every feature on a comparable scale.
    case standard
    /// z = (x − min) / (max − min) over the training values (a constant column
    /// divides by 1), so training values lie in [0, 1]. Keeps sparse inputs
    /// such as pixel counts sparse.
    case minmax
    /// The raw values. A missing value still becomes the training mean.
    case none

    /// The offset and scale of `z = (x − offset) / scale` for training values
    /// with the given statistics.
    func transform(mean: Double, std: Double, minimum: Double, maximum: Double) -> (offset: Double, scale: Double) {
        switch self {
        case .standard: (mean, std > 0 ? std : 1)
        case .minmax: (minimum, maximum > minimum ? maximum - minimum : 1)
        case .none: (0, 1)
        }
    }
}
