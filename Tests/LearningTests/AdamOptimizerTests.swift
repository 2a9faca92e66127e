import Testing

@testable import Learning

/// Adam against a numpy float32 transcription of `torch.optim.Adam`'s update
/// (`_single_tensor_adam`, amsgrad off). Source (Tests/References/sgd_adam.py):
/// ```python
/// f = np.float32
/// def adam(w, grads, lr, b1, b2, eps, wd):
///     w = np.array(w, dtype=f); m = np.zeros_like(w); v = np.zeros_like(w)
///     lr, b1, b2, eps, wd = f(lr), f(b1), f(b2), f(eps), f(wd)
///     for t, g in enumerate(grads, start=1):
///         g = np.array(g, dtype=f) + wd * w
///         m = b1 * m + (f(1) - b1) * g
///         v = b2 * v + (f(1) - b2) * g * g
///         bc1 = 1 - float(b1) ** t; bc2 = 1 - float(b2) ** t   # Python doubles
///         step_size = f(float(lr) / bc1)
///         denom = np.sqrt(v) / f(math.sqrt(bc2)) + eps
///         w = w - step_size * (m / denom)
/// adam([1, -2, 0.5, 0], grads, 0.1, 0.9, 0.999, 1e-8, wd)   # wd = 0 and wd = 0.01
/// ```
/// Tolerance 1e-6: PyTorch forms `m` with `lerp`, which can differ from the
/// multiply-add form in the last bit.
@Suite struct AdamOptimizerTests {
    static let gradients: [[Float]] = [[0.5, 0.25, -1, 0], [-0.2, 0.4, 0.3, 2], [0.1, -0.3, 0.05, -1.5]]
    static let start: [Float] = [1, -2, 0.5, 0]

    /// Expected (w, m, v) after each step.
    typealias Expected = [(w: [Double], m: [Double], v: [Double])]

    static let withoutDecay: Expected = [
        (
            [0.8999999761581421, -2.0999999046325684, 0.6000000238418579, 0.0],
            [0.050000011920928955, 0.025000005960464478, -0.10000002384185791, 0.0],
            [0.00024999678134918213, 6.249919533729553e-05, 0.0009999871253967285, 0.0]
        ),
        (
            [0.8654394149780273, -2.1986117362976074, 0.6427848935127258, -0.07441368699073792],
            [0.02500000409781933, 0.0625000149011612, -0.06000000983476639, 0.20000004768371582],
            [0.0002897462691180408, 0.00022243463899940252, 0.0010889859404414892, 0.003999948501586914]
        ),
        (
            [0.8275002241134644, -2.2286224365234375, 0.6727609634399414, -0.08208190649747849],
            [0.0325000062584877, 0.026250004768371582, -0.049000006169080734, 0.030000001192092896],
            [0.0002994564129039645, 0.00031221105018630624, 0.0010903970105573535, 0.00624591950327158]
        ),
    ]

    static let withDecay: Expected = [
        (
            [0.8999999761581421, -2.0999999046325684, 0.6000000238418579, 0.0],
            [0.05100001022219658, 0.02300000563263893, -0.09950002282857895, 0.0],
            [0.0002600966254249215, 5.289931868901476e-05, 0.0009900123113766313, 0.0]
        ),
        (
            [0.8633641004562378, -2.1983742713928223, 0.6421588063240051, -0.07441368699073792],
            [0.02680000476539135, 0.058600012212991714, -0.05895000696182251, 0.20000004768371582],
            [0.00029631704092025757, 0.00019648556190077215, 0.0010826571378856897, 0.003999948501586914]
        ),
        (
            [0.8230846524238586, -2.2223334312438965, 0.6712392568588257, -0.0820615142583847],
            [0.03498337045311928, 0.02054162696003914, -0.04741284251213074, 0.02992558479309082],
            [0.0003078218433074653, 0.0002999612770508975, 0.0010847578523680568, 0.00624815234914422]
        ),
    ]

    static func check(weightDecay: Float, expected: Expected) {
        let spec = OptimizerSpec(kind: "adam", learningRate: 0.1, weightDecay: weightDecay)
        var optimizer = AdamOptimizer(spec: spec, parameterCount: 4)
        var parameters = start
        for (t, gradient) in gradients.enumerated() {
            optimizer.step(parameters: &parameters, gradient: gradient)
            #expect(optimizer.stepCount == t + 1)
            for i in 0..<4 {
                #expect(abs(Double(parameters[i]) - expected[t].w[i]) < 1e-6, "w[\(i)] after step \(t + 1)")
                #expect(abs(Double(optimizer.firstMoment[i]) - expected[t].m[i]) < 1e-6, "m[\(i)] after step \(t + 1)")
                #expect(abs(Double(optimizer.secondMoment[i]) - expected[t].v[i]) < 1e-8, "v[\(i)] after step \(t + 1)")
            }
        }
    }

    @Test func threeStepsMatchTorchRuleWithoutWeightDecay() {
        Self.check(weightDecay: 0, expected: Self.withoutDecay)
    }

    @Test func threeStepsMatchTorchRuleWithWeightDecay() {
        Self.check(weightDecay: 0.01, expected: Self.withDecay)
    }

    @Test func defaultsArePyTorchs() {
        let spec = OptimizerSpec(kind: "adam")
        #expect(spec.beta1 == 0.9 && spec.beta2 == 0.999 && spec.epsilon == 1e-8)
        #expect(OptimizerSpec.supportedKinds.contains("adam"))
    }
}
