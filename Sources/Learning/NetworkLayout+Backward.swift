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
    ///   - batchCount: the `B` of the mean (default `count`): a half of a
    ///     batch passes the whole batch's count, so that the two halves'
    ///     gradients add up to the batch's (see ``BatchHalves``).
    ///
    /// Below the dense layers the deltas pass through the convolution blocks
    /// in reverse (``backwardConvolution(_:count:parameters:workspace:gradient:averaging:squaredNorms:method:)``).
    func backward(
        count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace,
        gradient: UnsafeMutablePointer<Float>?, squaredNorms: UnsafeMutablePointer<Double>?,
        convolutionNorms: ConvolutionNormMethod = .automatic, batchCount: Int? = nil
    ) {
        let classes = classCount
        let first = convolutions.count
        let top = workspace.delta(stageCount)
        top.update(from: workspace.activation(stageCount), count: count * classes)
        for row in 0..<count { top[row * classes + workspace.labels[row]] -= 1 }
        if let squaredNorms { squaredNorms.update(repeating: 0, count: count) }
        let averaging = 1 / Float(batchCount ?? count)

        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layout = layers[index]
            let input = workspace.activation(first + index)
            let delta = workspace.delta(first + index + 1)
            if let squaredNorms {
                ElementSplit.run(count: count, costPerItem: layout.inputs + layout.outputs) { rows in
                    for row in rows {
                        let deltaNorm = Self.squaredNorm(delta + row * layout.outputs, count: layout.outputs)
                        let inputNorm = Self.squaredNorm(input + row * layout.inputs, count: layout.inputs)
                        squaredNorms[row] += deltaNorm * (inputNorm + 1)
                    }
                }
            }
            if let gradient {
                MatrixProduct.multiply(
                    a: input, lda: layout.inputs, transposeA: true,
                    b: delta, ldb: layout.outputs,
                    c: gradient + layout.weightOffset, ldc: layout.outputs,
                    m: layout.inputs, n: layout.outputs, k: count, alpha: averaging, beta: 0)
                Self.biasGradient(
                    of: delta, rows: count, columns: layout.outputs, scale: averaging,
                    into: gradient + layout.biasOffset)
            }
            guard first + index > 0 else { break }
            let below = workspace.delta(first + index)
            MatrixProduct.multiply(
                a: delta, lda: layout.outputs,
                b: parameters + layout.weightOffset, ldb: layout.outputs, transposeB: true,
                c: below, ldc: layout.inputs,
                m: count, n: layout.inputs, k: layout.outputs)
            Self.maskWherePositive(below, activations: input, count: count * layout.inputs)
        }
        for index in convolutions.indices.reversed() {
            backwardConvolution(
                index, count: count, parameters: parameters, workspace: workspace,
                gradient: gradient, averaging: averaging, squaredNorms: squaredNorms,
                method: convolutionNorms)
        }
    }

    /// `Σ x_i²` of `count` floats (see ``VectorKernels/squaredNorm(_:count:)``
    /// for the summation order).
    static func squaredNorm(_ values: UnsafePointer<Float>, count: Int) -> Double {
        VectorKernels.squaredNorm(values, count: count)
    }

    /// `result = scale · Σ_rows values` of a row-major `rows × columns` batch
    /// of deltas (the bias gradient), columns split over two cores when large.
    static func biasGradient(
        of values: UnsafePointer<Float>, rows: Int, columns: Int, scale: Float,
        into result: UnsafeMutablePointer<Float>
    ) {
        ElementSplit.run(count: columns, costPerItem: rows, align: VectorKernels.lanes) { part in
            // Each column's sum runs over the rows in order whichever part holds it.
            VectorKernels.columnSums(
                values + part.lowerBound, rows: rows, columns: part.count,
                stride: columns, scale: scale, into: result + part.lowerBound)
        }
    }

    /// `δ_i ← 0` wherever `a_i ≤ 0` over `count` values, split over two cores when large.
    static func maskWherePositive(_ deltas: UnsafeMutablePointer<Float>, activations: UnsafePointer<Float>, count: Int)
    {
        ElementSplit.run(count: count, costPerItem: 1, align: VectorKernels.lanes) { part in
            VectorKernels.maskWherePositive(
                deltas + part.lowerBound, activations: activations + part.lowerBound,
                count: part.count)
        }
    }
}
