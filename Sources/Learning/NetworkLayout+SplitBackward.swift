extension NetworkLayout {
    /// The output layer's deltas `δ_L = softmax(z) − onehot(y)` of the first
    /// `count` rows of `workspace` (after a softmax forward pass, labels
    /// loaded): the first step of
    /// ``backward(count:parameters:workspace:gradient:squaredNorms:convolutionNorms:batchCount:)``.
    func outputDeltas(count: Int, workspace: BatchWorkspace) {
        let classes = classCount
        let top = workspace.delta(stageCount)
        top.update(from: workspace.activation(stageCount), count: count * classes)
        for row in 0..<count { top[row * classes + workspace.labels[row]] -= 1 }
    }

    /// The deltas below dense layer `index` (≥ 1, no convolution blocks) for
    /// the first `count` rows of `workspace`:
    /// `δ_{l−1} = (δ_l · W_lᵀ) ⊙ [a_{l−1} > 0]`, one `sgemm` and one mask
    /// pass, exactly as in the full backward pass. Reads `W_l`, so it must
    /// run before `W_l` is stepped.
    func inputDeltas(ofLayer index: Int, count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace) {
        precondition(convolutions.isEmpty && index >= 1, "input deltas of a dense layer above another")
        let layout = layers[index]
        let below = workspace.delta(index)
        MatrixProduct.multiply(
            a: workspace.delta(index + 1), lda: layout.outputs,
            b: parameters + layout.weightOffset, ldb: layout.outputs, transposeB: true,
            c: below, ldc: layout.inputs,
            m: count, n: layout.inputs, k: layout.outputs)
        VectorKernels.maskWherePositive(
            below, activations: workspace.activation(index), count: count * layout.inputs)
    }

    /// Output columns `columns` of dense layer `index`'s mean-loss gradient
    /// over the first `count` rows of `workspace` (no convolution blocks),
    /// then the optimiser's step of exactly those parameters:
    ///
    ///     ∇W_l[:, columns] = scale · a_{l−1}ᵀ · δ_l[:, columns]   (one sgemm, k = count)
    ///     ∇b_l[columns]    = scale · Σ_rows δ_l[:, columns]
    ///
    /// Every gradient element is computed by the same sum over the batch's
    /// rows whichever column block holds it; disjoint column blocks touch
    /// disjoint gradient, parameter and optimiser memory, so they can run on
    /// different cores. The block is stepped row by row right after its
    /// product, while it is still in cache.
    func weightGradientStep(
        ofLayer index: Int, columns: Range<Int>, count: Int, scale: Float, workspace: BatchWorkspace,
        gradient: UnsafeMutablePointer<Float>, step: StepPiece
    ) {
        guard !columns.isEmpty else { return }
        let layout = layers[index]
        let delta = workspace.delta(index + 1) + columns.lowerBound
        let weights = layout.weightOffset + columns.lowerBound
        MatrixProduct.multiply(
            a: workspace.activation(index), lda: layout.inputs, transposeA: true,
            b: delta, ldb: layout.outputs,
            c: gradient + weights, ldc: layout.outputs,
            m: layout.inputs, n: columns.count, k: count, alpha: scale, beta: 0)
        let bias = layout.biasOffset + columns.lowerBound
        VectorKernels.columnSums(
            delta, rows: count, columns: columns.count, stride: layout.outputs, scale: scale,
            into: gradient + bias)
        for row in 0..<layout.inputs { step(weights + row * layout.outputs, columns.count) }
        step(bias, columns.count)
    }
}

extension NetworkLayout {
    /// Output columns `columns` of dense layer `index`'s forward pass over the
    /// first `count` rows of `workspace` (no convolution blocks):
    /// `a_l[:, columns] = a_{l−1} · W_l[:, columns]` by one `sgemm`, then the
    /// bias and, for a hidden layer, ReLU, exactly as in the full forward pass.
    /// Disjoint column blocks write disjoint memory and each packs only its
    /// own block of `W_l`.
    func forwardColumns(
        ofLayer index: Int, columns: Range<Int>, count: Int, parameters: UnsafePointer<Float>,
        workspace: BatchWorkspace
    ) {
        guard !columns.isEmpty else { return }
        let layout = layers[index]
        let output = workspace.activation(index + 1) + columns.lowerBound
        MatrixProduct.multiply(
            a: workspace.activation(index), lda: layout.inputs,
            b: parameters + layout.weightOffset + columns.lowerBound, ldb: layout.outputs,
            c: output, ldc: layout.outputs,
            m: count, n: columns.count, k: layout.inputs, alpha: 1, beta: 0)
        let bias = parameters + layout.biasOffset + columns.lowerBound
        let hidden = index < layers.count - 1
        for row in 0..<count {
            VectorKernels.addBias(
                output + row * layout.outputs, rows: 1, width: columns.count, bias: bias, relu: hidden)
        }
    }

    /// Columns `columns` of the deltas below dense layer `index` (≥ 1, no
    /// convolution blocks) for the first `count` rows:
    /// `δ_{l−1}[:, columns] = (δ_l · W_l[columns, :]ᵀ) ⊙ [a_{l−1}[:, columns] > 0]`.
    /// Reads rows `columns` of `W_l` only, so it must run before they are stepped.
    func inputDeltaColumns(
        ofLayer index: Int, columns: Range<Int>, count: Int, parameters: UnsafePointer<Float>,
        workspace: BatchWorkspace
    ) {
        precondition(convolutions.isEmpty && index >= 1, "input deltas of a dense layer above another")
        guard !columns.isEmpty else { return }
        let layout = layers[index]
        let below = workspace.delta(index) + columns.lowerBound
        let activations = workspace.activation(index) + columns.lowerBound
        MatrixProduct.multiply(
            a: workspace.delta(index + 1), lda: layout.outputs,
            b: parameters + layout.weightOffset + columns.lowerBound * layout.outputs, ldb: layout.outputs,
            transposeB: true,
            c: below, ldc: layout.inputs,
            m: count, n: columns.count, k: layout.outputs)
        for row in 0..<count {
            VectorKernels.maskWherePositive(
                below + row * layout.inputs, activations: activations + row * layout.inputs, count: columns.count)
        }
    }
}
