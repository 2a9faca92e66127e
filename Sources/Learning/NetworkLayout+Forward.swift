import Foundation

extension NetworkLayout {
    /// The forward pass over the first `count` rows loaded in `workspace`.
    ///
    /// Convolution blocks run first (``forwardConvolution(_:count:parameters:workspace:)``);
    /// their last pooled output, flat per example, is the first dense layer's
    /// input. For each dense layer the output rows are first filled with the bias, then
    /// `a_{l−1} · W_l` is added by one `sgemm`; hidden layers apply ReLU in
    /// place. Afterwards `workspace.predicted` holds each row's arg-max logit
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
            for row in 0..<count {
                (output + row * layout.outputs).update(from: bias, count: layout.outputs)
            }
            MatrixProduct.multiply(
                a: input, lda: layout.inputs,
                b: parameters + layout.weightOffset, ldb: layout.outputs,
                c: output, ldc: layout.outputs,
                m: count, n: layout.outputs, k: layout.inputs, alpha: 1, beta: 1)
            if index < layers.count - 1 {
                for position in 0..<(count * layout.outputs) where output[position] < 0 {
                    output[position] = 0
                }
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
