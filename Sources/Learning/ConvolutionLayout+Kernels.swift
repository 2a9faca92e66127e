extension ConvolutionLayout {
    /// Writes the im2col patches of one example: for each output position
    /// `p = y · width + x`, row `p` of `patches` (`K` values) holds the input
    /// values under the 3×3 kernel centred at `(y, x)` in order `(ky, kx, c)`,
    /// zero where the kernel reaches past the border (padding 1).
    func im2col(input: UnsafePointer<Float>, patches: UnsafeMutablePointer<Float>) {
        let (channels, k) = (inputChannels, patchWidth)
        let run = Self.kernel * channels
        for y in 0..<height {
            for ky in 0..<Self.kernel {
                let sourceY = y + ky - 1
                // The taps (ky, 0…2) of position (y, x) are one run of 3·C values in the patch row,
                // read from input columns x − 1 … x + 1 of row sourceY (zero outside the image).
                let segment = patches + y * width * k + ky * run
                guard sourceY >= 0, sourceY < height else {
                    for x in 0..<width { Self.fill(segment + x * k, count: run) }
                    continue
                }
                let source = input + sourceY * width * channels
                for x in 0..<width {
                    let target = segment + x * k
                    let left = x > 0 ? 0 : 1
                    let right = x < width - 1 ? Self.kernel : Self.kernel - 1
                    if left == 1 { Self.fill(target, count: channels) }
                    Self.copy(
                        source + (x - 1 + left) * channels, to: target + left * channels,
                        count: (right - left) * channels)
                    if right < Self.kernel { Self.fill(target + right * channels, count: channels) }
                }
            }
        }
    }

    /// `count` zeros at `target` (a plain loop: runs here are a few values long).
    @inline(__always)
    static func fill(_ target: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { target[index] = 0 }
    }

    /// Copies `count` values (a plain loop: runs here are a few values long).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { target[index] = source[index] }
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
    func maxPool(
        output: UnsafePointer<Float>, pooled: UnsafeMutablePointer<Float>, sources: UnsafeMutablePointer<Int32>
    ) {
        let channels = outputChannels
        let (right, down) = (channels, width * channels)
        for py in 0..<pooledHeight {
            for px in 0..<pooledWidth {
                let target = (py * pooledWidth + px) * channels
                let topLeft = ((2 * py) * width + 2 * px) * channels
                for c in 0..<channels {
                    // Corners in the order (0,0), (0,1), (1,0), (1,1); a later one wins only if larger.
                    let first = topLeft + c
                    var best = first
                    var value = output[first]
                    if output[first + right] > value { best = first + right; value = output[best] }
                    if output[first + down] > value { best = first + down; value = output[best] }
                    if output[first + down + right] > value { best = first + down + right; value = output[best] }
                    pooled[target + c] = value
                    sources[target + c] = Int32(best)
                }
            }
        }
    }

    /// The adjoint of ``maxPool(output:pooled:sources:)`` for one example:
    /// `outputDelta` is zero except at each window's maximum, which receives
    /// that window's `pooledDelta` (windows do not overlap).
    func unpool(
        pooledDelta: UnsafePointer<Float>, sources: UnsafePointer<Int32>, outputDelta: UnsafeMutablePointer<Float>
    ) {
        outputDelta.update(repeating: 0, count: outputSize)
        for index in 0..<pooledSize {
            outputDelta[Int(sources[index])] = pooledDelta[index]
        }
    }
}
