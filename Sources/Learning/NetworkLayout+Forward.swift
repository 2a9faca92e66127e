import Foundation

extension NetworkLayout {
    /// The forward pass over the first `count` rows loaded in `workspace`.
    ///
    /// Convolution blocks run first (``forwardConvolution(_:count:parameters:workspace:)``);
    /// their last pooled output, flat per example, is the first dense layer's
    /// input. For each dense layer `a_{l−1} · W_l` is formed by one `sgemm`,
    /// then one vectorised pass adds the bias and, for hidden layers, applies
    /// ReLU in place (split over the batch rows on two cores for large
    /// layers, see ``ElementSplit``). Afterwards `workspace.predicted` holds each row's arg-max logit
    /// (the first maximum on ties). With `softmax`, the last layer's rows are
    /// turned into probabilities and `workspace.losses` receives each row's
    /// cross-entropy `logsumexp(z) − z_y` against `workspace.labels`
    /// (`withLoss` must then have labels loaded). With `withMargins` (labels
    /// loaded), `workspace.margins` receives each row's logit margin
    /// z_y − max_{k≠y} z_k, taken before the softmax.
    func forward(
        count: Int, parameters: UnsafePointer<Float>, workspace: BatchWorkspace, softmax: Bool, withLoss: Bool,
        withMargins: Bool = false
    ) {
        for index in convolutions.indices {
            forwardConvolution(index, count: count, parameters: parameters, workspace: workspace)
        }
        let first = convolutions.count
        for (index, layout) in layers.enumerated() {
            let input = workspace.activation(first + index)
            let output = workspace.activation(first + index + 1)
            let bias = parameters + layout.biasOffset
            MatrixProduct.multiply(
                a: input, lda: layout.inputs,
                b: parameters + layout.weightOffset, ldb: layout.outputs,
                c: output, ldc: layout.outputs,
                m: count, n: layout.outputs, k: layout.inputs, alpha: 1, beta: 0)
            let hidden = index < layers.count - 1
            ElementSplit.run(count: count, costPerItem: layout.outputs) { rows in
                VectorKernels.addBias(
                    output + rows.lowerBound * layout.outputs, rows: rows.count,
                    width: layout.outputs, bias: bias, relu: hidden)
            }
        }
        let classes = classCount
        let logits = workspace.activation(stageCount)
        for row in 0..<count {
            let line = logits + row * classes
            var best = 0
            for c in 1..<max(classes, 1) where line[c] > line[best] { best = c }
            workspace.predicted[row] = best
            if withMargins {
                let label = workspace.labels[row]
                var other = -Float.infinity
                for c in 0..<classes where c != label && line[c] > other { other = line[c] }
                workspace.margins[row] = line[label] - other
            }
            guard softmax else { continue }
            let top = line[best]
            let shiftedTarget = withLoss ? line[workspace.labels[row]] - top : 0
            var sum: Float = 0
            for c in 0..<classes {
                line[c] = exp(line[c] - top)
                sum += line[c]
            }
            if withLoss {
                // −log p_y = log Σ exp(z − max) − (z_y − max), finite even when p_y underflows.
                workspace.losses[row] = Double(log(sum)) - Double(shiftedTarget)
            }
            let scale = 1 / sum
            for c in 0..<classes { line[c] *= scale }
        }
    }
}
