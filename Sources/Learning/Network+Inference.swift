import Foundation

extension Network {
    /// Rows per chunk when a whole feature matrix is pushed through the network.
    static let inferenceChunk = 256

    /// Runs `body(first, count, workspace)` after a forward pass over each
    /// consecutive chunk of `features` (of `rows` only when given; labels
    /// loaded when given), with OpenBLAS at one thread for small networks
    /// (``BLASThreads``).
    private func forEachChunk(
        of features: FeatureMatrix, rows: Range<Int>? = nil, labels: [Int]?, softmax: Bool,
        _ body: (Int, Int, BatchWorkspace, UnsafePointer<Float>) -> Void
    ) {
        let rows = rows ?? 0..<features.rows
        precondition(
            features.columns == inputCount,
            "the network expects \(inputCount) features, the matrix has \(features.columns)")
        if let labels {
            precondition(labels.count == features.rows, "one label per row is needed")
            precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "labels must lie in 0..<classCount")
        }
        guard !rows.isEmpty else { return }
        let workspace = BatchWorkspace(layout: layout, capacity: min(Self.inferenceChunk, rows.count))
        BLASThreads.shared.run(oneThread: layout.prefersOneBLASThread(rows: workspace.capacity)) {
            parameters.withUnsafeBufferPointer { parameterBuffer in
                features.values.withUnsafeBufferPointer { featureBuffer in
                    let labelsCopy = labels ?? []
                    labelsCopy.withUnsafeBufferPointer { labelBuffer in
                        var first = rows.lowerBound
                        while first < rows.upperBound {
                            let count = min(workspace.capacity, rows.upperBound - first)
                            workspace.load(
                                consecutiveRows: first, count: count, features: featureBuffer.baseAddress!,
                                columns: features.columns, labels: labels == nil ? nil : labelBuffer.baseAddress)
                            layout.forward(
                                count: count, parameters: parameterBuffer.baseAddress!, workspace: workspace,
                                softmax: softmax, withLoss: labels != nil && softmax)
                            body(first, count, workspace, parameterBuffer.baseAddress!)
                            first += count
                        }
                    }
                }
            }
        }
    }

    /// The logits `z_L(x)` of every row, row-major `rows × classCount`.
    public func logits(for features: FeatureMatrix) -> [Float] {
        outputs(for: features, softmax: false)
    }

    /// The softmax class probabilities of every row, row-major `rows × classCount`.
    public func probabilities(for features: FeatureMatrix) -> [Float] {
        outputs(for: features, softmax: true)
    }

    private func outputs(for features: FeatureMatrix, softmax: Bool) -> [Float] {
        var result = [Float](repeating: 0, count: features.rows * classCount)
        let classes = classCount
        let last = layout.stageCount
        result.withUnsafeMutableBufferPointer { result in
            forEachChunk(of: features, labels: nil, softmax: softmax) { first, count, workspace, _ in
                (result.baseAddress! + first * classes).update(from: workspace.activation(last), count: count * classes)
            }
        }
        return result
    }

    /// The predicted class (arg-max logit, first maximum on ties) of every row.
    public func predictedClasses(for features: FeatureMatrix) -> [Int] {
        var result = [Int](repeating: 0, count: features.rows)
        forEachChunk(of: features, labels: nil, softmax: false) { first, count, workspace, _ in
            for row in 0..<count { result[first + row] = workspace.predicted[row] }
        }
        return result
    }

    /// Fraction of rows whose predicted class equals the label: range 0…1,
    /// ideal 1; `nil` for an empty matrix.
    public func accuracy(on features: FeatureMatrix, labels: [Int]) -> Double? {
        guard features.rows > 0 else { return nil }
        let predicted = predictedClasses(for: features)
        let correct = zip(predicted, labels).filter { $0 == $1 }.count
        return Double(correct) / Double(features.rows)
    }

    /// Each example's own cross-entropy `−log softmax(z)_y`, ≥ 0.
    public func losses(for features: FeatureMatrix, labels: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: features.rows)
        forEachChunk(of: features, labels: labels, softmax: true) { first, count, workspace, _ in
            for row in 0..<count { result[first + row] = workspace.losses[row] }
        }
        return result
    }

    /// The exact norm `‖∇_θ ℓ(x, y)‖₂` over **all** weights and biases of each
    /// example's own cross-entropy (not divided by any batch size): GraNd.
    ///
    /// Computed batch-wise from the backward deltas. A dense layer contributes
    /// `‖δ_l‖²(‖a_{l−1}‖² + 1)`, never forming a per-example weight gradient; a
    /// convolution block contributes `‖Σ_p a_p δ_pᵀ‖² + ‖Σ_p δ_p‖²` over its
    /// output positions `p`, by the cheaper exact method per block (see
    /// ``ConvolutionNormMethod``). Range ≥ 0; 0 only when the model puts
    /// probability 1 on the label.
    /// - Precondition: labels in `0..<classCount`, one per row.
    public func gradientNorms(for features: FeatureMatrix, labels: [Int]) -> [Double] {
        gradientNorms(for: features, labels: labels, convolutionNorms: .automatic)
    }

    /// ``gradientNorms(for:labels:)`` with the convolution method forced (for tests).
    ///
    /// With at least two chunks of rows the matrix is processed as two
    /// halves (rows `0 ..< n/2` and `n/2 ..< n`, each in chunks from its own
    /// start), on two cores with OpenBLAS at one thread each when a second
    /// core is free, else one after the other: the chunks are the same either
    /// way, so the norms do not depend on the cores.
    func gradientNorms(for features: FeatureMatrix, labels: [Int], convolutionNorms: ConvolutionNormMethod) -> [Double]
    {
        var result = [Double](repeating: 0, count: features.rows)
        let half = features.rows / 2
        result.withUnsafeMutableBufferPointer { buffer in
            let output = buffer
            let norms = { (rows: Range<Int>) in
                forEachChunk(of: features, rows: rows, labels: labels, softmax: true) {
                    first, count, workspace, parameters in
                    layout.backward(
                        count: count, parameters: parameters, workspace: workspace,
                        gradient: nil, squaredNorms: workspace.squaredNorms, convolutionNorms: convolutionNorms)
                    for row in 0..<count { output[first + row] = workspace.squaredNorms[row].squareRoot() }
                }
            }
            if features.rows < 2 * Self.inferenceChunk {
                norms(0..<features.rows)
            } else if ElementSplit.mayUseSecondCore {
                BLASThreads.shared.run(oneThread: true) {
                    performConcurrently(iterations: 2) { part in
                        norms(part == 0 ? 0..<half : half..<features.rows)
                    }
                }
            } else {
                norms(0..<half)
                norms(half..<features.rows)
            }
        }
        return result
    }

    /// The mean cross-entropy over all rows and its gradient with respect to
    /// ``parameters`` (same layout), computed in one batch. Meant for checks
    /// and small sets; training uses preallocated mini-batches instead.
    public func lossAndGradient(for features: FeatureMatrix, labels: [Int]) -> (loss: Double, gradient: [Float]) {
        precondition(
            features.columns == inputCount && labels.count == features.rows && features.rows > 0,
            "lossAndGradient needs a non-empty matrix with one label per row")
        let workspace = BatchWorkspace(layout: layout, capacity: features.rows)
        var gradient = [Float](repeating: 0, count: parameterCount)
        var loss = 0.0
        parameters.withUnsafeBufferPointer { parameterBuffer in
            features.values.withUnsafeBufferPointer { featureBuffer in
                labels.withUnsafeBufferPointer { labelBuffer in
                    workspace.load(
                        consecutiveRows: 0, count: features.rows, features: featureBuffer.baseAddress!,
                        columns: features.columns, labels: labelBuffer.baseAddress!)
                }
                layout.forward(
                    count: features.rows, parameters: parameterBuffer.baseAddress!, workspace: workspace,
                    softmax: true, withLoss: true)
                layout.backward(
                    count: features.rows, parameters: parameterBuffer.baseAddress!, workspace: workspace,
                    gradient: workspace.gradient, squaredNorms: nil)
            }
        }
        for row in 0..<features.rows { loss += workspace.losses[row] }
        gradient.withUnsafeMutableBufferPointer {
            $0.baseAddress!.update(from: workspace.gradient, count: parameterCount)
        }
        return (loss / Double(features.rows), gradient)
    }
}
