extension NetworkLayout {
    /// Forward pass of convolution block `index` over the first `count` rows:
    /// from boundary `index` of `workspace` to boundary `index + 1`.
    ///
    /// The batch's im2col patches (`count · P` rows of `K`) are formed,
    /// `patches · W` by one `sgemm` (`m = count · P`, `k = K`,
    /// `n = outputChannels`), the bias added and ReLU applied in one pass,
    /// then each example max-pooled into the next boundary.
    func forwardConvolution(_ index: Int, count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace) {
        let block = convolutions[index]
        let buffers = workspace.convolutions[index]
        let input = workspace.activation(index)
        let pooled = workspace.activation(index + 1)
        let (k, outputs, positions) = (block.patchWidth, block.outputChannels, block.positions)
        ElementSplit.run(count: count, costPerItem: positions * k) { part in
            for row in part {
                block.im2col(input: input + row * block.inputSize, patches: buffers.patches + row * positions * k)
            }
        }
        let rows = count * positions
        let bias = parameters + block.biasOffset
        MatrixProduct.multiply(
            a: buffers.patches, lda: k, b: parameters + block.weightOffset, ldb: outputs,
            c: buffers.output, ldc: outputs, m: rows, n: outputs, k: k, alpha: 1, beta: 0)
        ElementSplit.run(count: rows, costPerItem: outputs) { part in
            VectorKernels.addBias(
                buffers.output + part.lowerBound * outputs, rows: part.count, width: outputs,
                bias: bias, relu: true)
        }
        ElementSplit.run(count: count, costPerItem: block.outputSize) { part in
            for row in part {
                block.maxPool(
                    output: buffers.output + row * block.outputSize, pooled: pooled + row * block.pooledSize,
                    sources: buffers.poolSource + row * block.pooledSize)
            }
        }
    }

    /// Backward pass of convolution block `index`, given `workspace.delta(index + 1)`
    /// (the deltas of the pooled values, already zero where the value is 0).
    ///
    /// The deltas are routed to each window's maximum, giving `D = ∂ℓ/∂z` of
    /// the convolution (`count · P` rows of `outputChannels`; zero where ReLU
    /// was off, since a pooled 0 has a zero delta). Then, in this order:
    /// per-example squared norms (``addSquaredNorms(_:count:workspace:squaredNorms:method:)``);
    /// the mean-loss gradient `∇W = (1/B) patchesᵀ D` (one `sgemm`) and
    /// `∇b = (1/B) Σ_rows D`, with `averaging` = 1/B; and, unless this is
    /// the first stage, the input deltas: `D Wᵀ` (one `sgemm`, written over
    /// the patches) folded back by col2im and zeroed where the input (a ReLU
    /// output) is 0.
    func backwardConvolution(
        _ index: Int, count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace,
        gradient: UnsafeMutablePointer<Float>?, averaging: Float, squaredNorms: UnsafeMutablePointer<Double>?,
        method: ConvolutionNormMethod
    ) {
        let block = convolutions[index]
        let buffers = workspace.convolutions[index]
        let pooledDelta = workspace.delta(index + 1)
        let (k, outputs, positions) = (block.patchWidth, block.outputChannels, block.positions)
        ElementSplit.run(count: count, costPerItem: block.outputSize) { part in
            for row in part {
                block.unpool(
                    pooledDelta: pooledDelta + row * block.pooledSize,
                    sources: buffers.poolSource + row * block.pooledSize,
                    outputDelta: buffers.delta + row * block.outputSize)
            }
        }
        if let squaredNorms {
            addSquaredNorms(index, count: count, workspace: workspace, squaredNorms: squaredNorms, method: method)
        }
        let rows = count * positions
        if let gradient {
            MatrixProduct.multiply(
                a: buffers.patches, lda: k, transposeA: true, b: buffers.delta, ldb: outputs,
                c: gradient + block.weightOffset, ldc: outputs, m: k, n: outputs, k: rows, alpha: averaging, beta: 0)
            Self.biasGradient(
                of: buffers.delta, rows: rows, columns: outputs, scale: averaging,
                into: gradient + block.biasOffset)
        }
        guard index > 0 else { return }
        MatrixProduct.multiply(
            a: buffers.delta, lda: outputs, b: parameters + block.weightOffset, ldb: outputs, transposeB: true,
            c: buffers.patches, ldc: k, m: rows, n: k, k: outputs)
        let below = workspace.delta(index)
        let input = workspace.activation(index)
        ElementSplit.run(count: count, costPerItem: positions * k) { part in
            for row in part {
                block.col2im(patches: buffers.patches + row * positions * k, input: below + row * block.inputSize)
            }
        }
        Self.maskWherePositive(below, activations: input, count: count * block.inputSize)
    }
}
