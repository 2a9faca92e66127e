import DietAuditCore

/// How a network's parameters are drawn before training (spec key
/// `model.init`). With n = fan-in (a dense layer's input width; a 3×3
/// convolution's 9·C_in):
///
/// - `he_normal` (default): weights N(0, 2/n), biases 0 (He et al. 2015).
/// - `torch`: PyTorch's default for `nn.Linear` and `nn.Conv2d`: weights and
///   biases U(−1/√n, 1/√n) (`kaiming_uniform_` with a = √5 gives the weights'
///   bound √(6/((1 + 5)·n)) = 1/√n; the bias bound is 1/√n by definition).
///   Mean 0, standard deviation 1/√(3n). Kirsch (2023) reproduces GraNd with
///   this default.
/// - `lecun_normal`: Flax's default for `nn.Dense` and `nn.Conv`, JAX's
///   `lecun_normal` = `variance_scaling(1.0, "fan_in", "truncated_normal")`:
///   a standard normal truncated to [−2, 2], times σ = √(1/n) / 0.87962566103423978
///   (the standard deviation of that truncated normal), so the weights have
///   standard deviation exactly √(1/n) and lie within ±2σ; biases 0. The
///   data-diet code of Paul et al. (2021) is written in Flax.
///
/// Every draw comes from `SeededGenerator(seed: seed, stream: "init")`, layer
/// by layer (convolution blocks first), weights in row-major order; `torch`
/// draws each layer's biases right after its weights. `he_normal` draws
/// exactly as before this option existed, so earlier runs reproduce.
public enum WeightInitialization: String, Sendable, Equatable, CaseIterable, Codable {
    case heNormal = "he_normal"
    case torch
    case lecunNormal = "lecun_normal"

    /// Standard deviation of a standard normal truncated to [−2, 2]
    /// (JAX's constant in `variance_scaling`).
    public static let truncatedNormalStandardDeviation = 0.87962566103423978

    /// One weight of a layer with fan-in `fanIn`.
    public func weight(fanIn: Int, generator: inout SeededGenerator) -> Float {
        let n = Double(fanIn)
        switch self {
        case .heNormal:
            return Float(generator.normal() * (2 / n).squareRoot())
        case .torch:
            return Float((2 * generator.unitDouble() - 1) / n.squareRoot())
        case .lecunNormal:
            var z = generator.normal()
            while abs(z) > 2 { z = generator.normal() }
            return Float(z * (1 / n).squareRoot() / Self.truncatedNormalStandardDeviation)
        }
    }

    /// Whether biases are drawn (else they are 0).
    public var drawsBiases: Bool { self == .torch }

    /// One bias of a layer with fan-in `fanIn` (0 unless ``drawsBiases``).
    public func bias(fanIn: Int, generator: inout SeededGenerator) -> Float {
        guard drawsBiases else { return 0 }
        return Float((2 * generator.unitDouble() - 1) / Double(fanIn).squareRoot())
    }
}
