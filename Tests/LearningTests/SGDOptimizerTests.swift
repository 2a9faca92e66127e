import Testing

@testable import Learning

@Suite struct SGDOptimizerTests {
    /// Two steps from w = [1, -2, 0.5] with lr 0.1, μ 0.9, wd 0.01 and gradients
    /// g1 = [0.5, 0.25, -1], g2 = [-0.2, 0.4, 0.3]. Source (numpy float32,
    /// PyTorch's SGD rule), from Tests/References/sgd_adam.py:
    /// ```python
    /// w = np.array([1.0,-2.0,0.5], dtype=np.float32); v = np.zeros(3, dtype=np.float32)
    /// lr, mu, wd = np.float32(0.1), np.float32(0.9), np.float32(0.01)
    /// for g in [g1, g2]:
    ///     d = g + wd*w; v = mu*v + d; w = w - lr*v
    /// ```
    @Test func twoStepsMatchNumpy() {
        var optimizer = SGDOptimizer(
            spec: OptimizerSpec(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01), parameterCount: 3)
        var parameters: [Float] = [1, -2, 0.5]
        optimizer.step(parameters: &parameters, gradient: [0.5, 0.25, -1])
        let afterOne = [0.9490000009536743, -2.0230000019073486, 0.5995000004768372]
        let velocityOne = [0.5099999904632568, 0.23000000417232513, -0.9950000047683716]
        for i in 0..<3 {
            #expect(abs(Double(parameters[i]) - afterOne[i]) < 1e-6)
            #expect(abs(Double(optimizer.velocity[i]) - velocityOne[i]) < 1e-6)
        }
        optimizer.step(parameters: &parameters, gradient: [-0.2, 0.4, 0.3])
        let afterTwo = [0.9221510291099548, -2.081676959991455, 0.6584504842758179]
        let velocityTwo = [0.2684899866580963, 0.5867699980735779, -0.5895049571990967]
        for i in 0..<3 {
            #expect(abs(Double(parameters[i]) - afterTwo[i]) < 1e-6)
            #expect(abs(Double(optimizer.velocity[i]) - velocityTwo[i]) < 1e-6)
        }
    }
}
