extension ConvolutionLayout {
    /// Writes the im2col patches of one example: for each output position
    /// `p = y · width + x`, row `p` of `patches` (`K` values) holds the input
    /// values under the 3×3 kernel centred at `(y, x)` in order `(ky, kx, c)`,
    /// zero where the kernel reaches past the border (padding 1).
    func im2col(input: UnsafePointer<Float>, patches: UnsafeMutablePointer<Float>) {
        let (channels, k) = (inputChannels, patchWidth)
        for y in 0..<height {
            for x in 0..<width {
                let row = patches + (y * width + x) * k
                for ky in 0..<Self.kernel {
                    let sourceY = y + ky - 1
                    for kx in 0..<Self.kernel {
                        let sourceX = x + kx - 1
                        let target = row + (ky * Self.kernel + kx) * channels
                        if sourceY >= 0, sourceY < height, sourceX >= 0, sourceX < width {
                            target.update(from: input + (sourceY * width + sourceX) * channels, count: channels)
                        } else {
                            target.update(repeating: 0, count: channels)
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of ``im2col(input:patches:)`` for one example: sets
    /// `input` to the sum, over every patch entry, of that entry's value in
    /// `patches`, added at the input value it was copied from (padding
    /// entries are dropped).
    func col2im(patches: UnsafePointer<Float>, input: UnsafeMutablePointer<Float>) {
        let (channels, k) = (inputChannels, patchWidth)
        input.update(repeating: 0, count: inputSize)
        for y in 0..<height {
            for x in 0..<width {
                let row = patches + (y * width + x) * k
                for ky in 0..<Self.kernel {
                    let sourceY = y + ky - 1
                    guard sourceY >= 0, sourceY < height else { continue }
                    for kx in 0..<Self.kernel {
                        let sourceX = x + kx - 1
                        guard sourceX >= 0, sourceX < width else { continue }
                        let from = row + (ky * Self.kernel + kx) * channels
                        let to = input + (sourceY * width + sourceX) * channels
                        for c in 0..<channels { to[c] += from[c] }
                    }
                }
            }
        }
    }

    /// 2×2 max-pool with stride 2 of one example's convolution output
    /// (`height × width × outputChannels`) into `pooled`
    /// (`⌊height/2⌋ × ⌊width/2⌋ × outputChannels`; an odd last row or column
    /// is dropped). `sources` receives, per pooled value, the index in
    /// `output` of the window's maximum, the first in the order (0,0), (0,1),
    /// (1,0), (1,1) on ties.
    func maxPool(output: UnsafePointer<Float>, pooled: UnsafeMutablePointer<Float>, sources: UnsafeMutablePointer<Int32>) {
        let channels = outputChannels
        let corners = [0, channels, width * channels, (width + 1) * channels]
        for py in 0..<pooledHeight {
            for px in 0..<pooledWidth {
                let target = (py * pooledWidth + px) * channels
                let topLeft = ((2 * py) * width + 2 * px) * channels
                for c in 0..<channels {
                    var best = topLeft + c
                    for corner in 1..<4 where output[topLeft + corners[corner] + c] > output[best] {
                        best = topLeft + corners[corner] + c
                    }
                    pooled[target + c] = output[best]
                    sources[target + c] = Int32(best)
                }
            }
        }
    }

    /// The adjoint of ``maxPool(output:pooled:sources:)`` for one example:
    /// `outputDelta` is zero except at each window's maximum, which receives
    /// that window's `pooledDelta` (windows do not overlap).
    func unpool(pooledDelta: UnsafePointer<Float>, sources: UnsafePointer<Int32>, outputDelta: UnsafeMutablePointer<Float>) {
        outputDelta.update(repeating: 0, count: outputSize)
        for index in 0..<pooledSize {
            outputDelta[Int(sources[index])] = pooledDelta[index]
        }
    }
}
