import Foundation

/// What a row of class outputs holds: the model's raw logits `z`, or the
/// class probabilities `softmax(z)` it already computed.
public enum ClassOutputKind: String, Sendable, Equatable, CaseIterable {
    /// Pre-softmax outputs; any finite real numbers.
    case logits
    /// Softmax outputs: each in [0, 1], a row summing to 1.
    case probabilities
}

/// The floating-point types class outputs come in (`Float` from DietAudit's
/// own networks and float32 files, `Double` from float64 files and CSV), with
/// the C library's `exp` and `log` of that precision, so a `Float` row is
/// summarised with exactly the operations of the network's own forward pass.
public protocol ClassOutputScalar: BinaryFloatingPoint {
    /// `e^x` in this precision.
    static func exponential(_ value: Self) -> Self
    /// The natural logarithm in this precision.
    static func logarithm(_ value: Self) -> Self
}

extension Float: ClassOutputScalar {
    public static func exponential(_ value: Float) -> Float { exp(value) }
    public static func logarithm(_ value: Float) -> Float { log(value) }
}

extension Double: ClassOutputScalar {
    public static func exponential(_ value: Double) -> Double { exp(value) }
    public static func logarithm(_ value: Double) -> Double { log(value) }
}

/// Everything the epoch-indexed scores read from one example's class outputs
/// at one moment of training.
///
/// From logits `z` (C classes, label y, `best` the first arg-max):
/// - probabilities `p_c = exp(z_c − z_best) / Σ_k exp(z_k − z_best)`, in the
///   row's own precision, summed in class order and scaled by `1 / Σ` — the
///   same operations as the network's softmax, so `Float` rows give the
///   network's probabilities bit for bit;
/// - `loss = log Σ_k exp(z_k − z_best) − (z_y − z_best)` (= −log p_y, finite even
///   when p_y underflows);
/// - `margin = z_y − max_{c≠y} z_c`, each widened to `Double` first.
///
/// From probabilities `p` (taken as given): `loss = −log max(p_y, m)` and
/// `margin = log max(p_y, m) − log max(max_{c≠y} p_c, m)` (the logit margin,
/// since softmax preserves logit differences), with `m` the smallest normal
/// value of the row's type, so a zero probability gives a large finite value.
///
/// `correct` is `best == y` in both cases (the trainer's rule: first maximum on ties).
/// `presentationMargin` is the margin as the trainer takes it for AUM: from
/// logits, `z_y − max_{c≠y} z_c` subtracted in the row's precision, then
/// widened; from probabilities, `margin`.
struct ExampleOutputs: Equatable {
    /// ‖p − onehot(y)‖₂ (EL2N), range 0…√2.
    var el2n: Double
    /// −log p_y (cross-entropy), ≥ 0.
    var loss: Double
    /// z_y − max_{c≠y} z_c; `0` with a single class (never read then).
    var margin: Double
    /// The margin as the trainer's forward pass reports it (AUM).
    var presentationMargin: Double
    /// p_y, range 0…1.
    var trueClassProbability: Double
    /// Whether the first arg-max is the label.
    var correct: Bool

    /// Summarises one row `values[0..<classCount]` whose label is `label`.
    init<Scalar: ClassOutputScalar>(
        row values: UnsafePointer<Scalar>, classCount: Int, label: Int, kind: ClassOutputKind
    ) {
        var best = 0
        for c in 1..<max(classCount, 1) where values[c] > values[best] { best = c }
        correct = best == label
        var largestOther = -Scalar.infinity
        for c in 0..<classCount where c != label && values[c] > largestOther { largestOther = values[c] }
        switch kind {
        case .logits:
            let top = values[best]
            let (squares, probability, sum) = withUnsafeTemporaryAllocation(of: Scalar.self, capacity: classCount) {
                exponentials in
                var sum: Scalar = 0
                for c in 0..<classCount {
                    exponentials[c] = Scalar.exponential(values[c] - top)
                    sum += exponentials[c]
                }
                let scale = 1 / sum
                var squares = 0.0
                for c in 0..<classCount {
                    let difference = Double(exponentials[c] * scale) - (c == label ? 1 : 0)
                    squares += difference * difference
                }
                return (squares, Double(exponentials[label] * scale), sum)
            }
            trueClassProbability = probability
            el2n = squares.squareRoot()
            loss = Double(Scalar.logarithm(sum)) - Double(values[label] - top)
            margin = classCount >= 2 ? Double(values[label]) - Double(largestOther) : 0
            presentationMargin = classCount >= 2 ? Double(values[label] - largestOther) : 0
        case .probabilities:
            var squares = 0.0
            for c in 0..<classCount {
                let difference = Double(values[c]) - (c == label ? 1 : 0)
                squares += difference * difference
            }
            el2n = squares.squareRoot()
            trueClassProbability = Double(values[label])
            let floor = Scalar.leastNormalMagnitude
            let logTrue = Double(Scalar.logarithm(max(values[label], floor)))
            loss = -logTrue
            margin = classCount >= 2 ? logTrue - Double(Scalar.logarithm(max(largestOther, floor))) : 0
            presentationMargin = margin
        }
    }
}
