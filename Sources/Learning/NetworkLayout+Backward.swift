extension NetworkLayout {
    /// The backward pass of softmax cross-entropy over the first `count` rows
    /// of `workspace`, after ``forward(count:parameters:workspace:softmax:withLoss:)``
    /// with `softmax: true` and labels loaded.
    ///
    /// Per example, the last layer's delta is `δ_L = softmax(z) − onehot(y)`
    /// (the gradient of that example's own cross-entropy), and for a hidden
    /// layer `δ_{l−1} = (δ_l · W_lᵀ) ⊙ [a_{l−1} > 0]`, one `sgemm` per layer.
    ///
    /// - Parameters:
    ///   - gradient: when given, receives the gradient of the **mean** batch
    ///     loss: `∇W_l = (1/B) a_{l−1}ᵀ δ_l` (one `sgemm`) and
    ///     `∇b_l = (1/B) Σ_rows δ_l`.
    ///   - squaredNorms: when given, receives for each row the squared norm of
    ///     that example's own (not batch-averaged) loss gradient over all
    ///     parameters, `Σ_l ‖δ_l‖² (‖a_{l−1}‖² + 1)`: the weight part
    ///     `‖a δᵀ‖² = ‖a‖²‖δ‖²` plus the bias part `‖δ‖²`, without ever forming
    ///     a per-example weight gradient. Convolution blocks add their own
    ///     exact terms by `convolutionNorms` (see ``ConvolutionNormMethod``).
    ///
    /// Below the dense layers the deltas pass through the convolution blocks
    /// in reverse (``backwardConvolution(_:count:parameters:workspace:gradient:squaredNorms:method:)``).
    func backward(count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace,
                  gradient: UnsafeMutablePointer<Float>?, squaredNorms: UnsafeMutablePointer<Double>?,
                  convolutionNorms: ConvolutionNormMethod = .automatic) {
        let classes = classCount
        let first = convolutions.count
        let top = workspace.delta(stageCount)
        top.update(from: workspace.activation(stageCount), count: count * classes)
        for row in 0..<count { top[row * classes + workspace.labels[row]] -= 1 }
        if let squaredNorms { squaredNorms.update(repeating: 0, count: count) }
        let averaging = 1 / Float(count)

        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layout = layers[index]
            let input = workspace.activation(first + index)
            let delta = workspace.delta(first + index + 1)
            if let squaredNorms {
                for row in 0..<count {
                    let deltaNorm = Self.squaredNorm(delta + row * layout.outputs, count: layout.outputs)
                    let inputNorm = Self.squaredNorm(input + row * layout.inputs, count: layout.inputs)
                    squaredNorms[row] += deltaNorm * (inputNorm + 1)
                }
            }
            if let gradient {
                MatrixProduct.multiply(
                    a: input, lda: layout.inputs, transposeA: true,
                    b: delta, ldb: layout.outputs,
                    c: gradient + layout.weightOffset, ldc: layout.outputs,
                    m: layout.inputs, n: layout.outputs, k: count, alpha: averaging, beta: 0)
                let biasGradient = gradient + layout.biasOffset
                biasGradient.update(repeating: 0, count: layout.outputs)
                for row in 0..<count {
                    let line = delta + row * layout.outputs
                    for column in 0..<layout.outputs { biasGradient[column] += line[column] }
                }
                for column in 0..<layout.outputs { biasGradient[column] *= averaging }
            }
            guard first + index > 0 else { break }
            let below = workspace.delta(first + index)
            MatrixProduct.multiply(
                a: delta, lda: layout.outputs,
                b: parameters + layout.weightOffset, ldb: layout.outputs, transposeB: true,
                c: below, ldc: layout.inputs,
                m: count, n: layout.inputs, k: layout.outputs)
            for position in 0..<(count * layout.inputs) where input[position] <= 0 {
                below[position] = 0
            }
        }
        for index in convolutions.indices.reversed() {
            backwardConvolution(index, count: count, parameters: parameters, workspace: workspace,
                                gradient: gradient, squaredNorms: squaredNorms, method: convolutionNorms)
        }
    }

    /// `Σ x_i²` of `count` floats, accumulated in `Double`.
    static func squaredNorm(_ values: UnsafePointer<Float>, count: Int) -> Double {
        var sum = 0.0
        for index in 0..<count {
            let value = Double(values[index])
            sum += value * value
        }
        return sum
    }
}
