extension NetworkLayout {
    /// Adds to `squaredNorms[r]` the squared norm of example `r`'s own loss
    /// gradient with respect to convolution block `index`'s weights and bias:
    /// `‖G_r‖² + ‖Σ_p δ_p‖²`, with `‖G_r‖²` by `method` resolved for the block
    /// (see ``ConvolutionNormMethod``). Needs the block's patches and output
    /// deltas of the backward pass. Sums are accumulated in `Double`.
    func addSquaredNorms(
        _ index: Int, count: Int, workspace: BatchWorkspace, squaredNorms: UnsafeMutablePointer<Double>,
        method: ConvolutionNormMethod
    ) {
        let block = convolutions[index]
        let buffers = workspace.convolutions[index]
        let (k, outputs, positions) = (block.patchWidth, block.outputChannels, block.positions)
        let resolved = method.resolved(for: block)
        let scratchCount = resolved == .ghost ? 2 * positions * positions : k * outputs
        // Room for two halves of the batch running at once (``ElementSplit``), each with its own scratch.
        if workspace.normScratch.count < 2 * scratchCount {
            workspace.normScratch = [Float](repeating: 0, count: 2 * scratchCount)
        }
        let work = positions * (resolved == .ghost ? positions * (k + outputs) : k * outputs)
        workspace.normScratch.withUnsafeMutableBufferPointer { scratchBuffer in
            ElementSplit.run(count: count, costPerItem: work) { part in
                let scratch = scratchBuffer.baseAddress! + (part.lowerBound == 0 ? 0 : scratchCount)
                for row in part {
                    let patches = buffers.patches + row * positions * k
                    let delta = buffers.delta + row * positions * outputs
                    var sum = Self.squaredColumnSumNorm(delta, rows: positions, columns: outputs)
                    if resolved == .ghost {
                        sum += Self.ghostNorm(
                            patches: patches, delta: delta, positions: positions, k: k,
                            outputs: outputs, scratch: scratch)
                    } else {
                        MatrixProduct.multiply(
                            a: patches, lda: k, transposeA: true, b: delta, ldb: outputs,
                            c: scratch, ldc: outputs, m: k, n: outputs, k: positions)
                        sum += Self.squaredNorm(scratch, count: k * outputs)
                    }
                    squaredNorms[row] += sum
                }
            }
        }
    }

    /// `Σ_{p,q} (A Aᵀ)_{pq} (D Dᵀ)_{pq}` for one example's `P × K` patches `A`
    /// and `P × C_out` deltas `D`, with the two Gram matrices in `scratch`
    /// (`2 P²` floats).
    static func ghostNorm(
        patches: UnsafePointer<Float>, delta: UnsafePointer<Float>, positions: Int, k: Int,
        outputs: Int, scratch: UnsafeMutablePointer<Float>
    ) -> Double {
        let patchGram = scratch, deltaGram = scratch + positions * positions
        MatrixProduct.multiply(
            a: patches, lda: k, b: patches, ldb: k, transposeB: true,
            c: patchGram, ldc: positions, m: positions, n: positions, k: k)
        MatrixProduct.multiply(
            a: delta, lda: outputs, b: delta, ldb: outputs, transposeB: true,
            c: deltaGram, ldc: positions, m: positions, n: positions, k: outputs)
        var sum = 0.0
        for index in 0..<(positions * positions) {
            sum += Double(patchGram[index]) * Double(deltaGram[index])
        }
        return sum
    }

    /// `‖Σ_rows x_row‖²` of a row-major `rows × columns` matrix, in `Double`.
    static func squaredColumnSumNorm(_ values: UnsafePointer<Float>, rows: Int, columns: Int) -> Double {
        var total = 0.0
        for column in 0..<columns {
            var sum = 0.0
            for row in 0..<rows { sum += Double(values[row * columns + column]) }
            total += sum * sum
        }
        return total
    }
}
