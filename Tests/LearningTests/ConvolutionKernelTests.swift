import DietAuditCore
import Testing

@testable import Learning

@Suite struct ConvolutionKernelTests {
    /// Random parameters (biases included, so they are not all zero) for `network`.
    static func randomParameters(_ network: Network, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed, stream: "test-parameters")
        return network.parameters.map { $0 + Float(0.2 * generator.normal()) }
    }

    /// The batched im2col + sgemm convolution (after ReLU) equals a direct
    /// convolution with loops in Double, on a 5×6×2 input with 3 output
    /// channels, 4 examples at once.
    @Test func convolutionMatchesDirectLoops() {
        let shape = InputShape(height: 5, width: 6, channels: 2)
        var network = Network(inputShape: shape, convolutionChannels: [3], classCount: 2, seed: 3)
        network.setParameters(Self.randomParameters(network, seed: 1))
        var generator = SeededGenerator(seed: 2, stream: "images")
        let rows = 4
        let values = (0..<(rows * shape.valueCount)).map { _ in Float(generator.normal()) }
        let workspace = BatchWorkspace(layout: network.layout, capacity: rows)
        values.withUnsafeBufferPointer {
            workspace.load(
                consecutiveRows: 0, count: rows, features: $0.baseAddress!,
                columns: shape.valueCount, labels: nil)
        }
        network.parameters.withUnsafeBufferPointer {
            network.layout.forwardConvolution(0, count: rows, parameters: $0.baseAddress!, workspace: workspace)
        }
        let block = network.layout.convolutions[0]
        for row in 0..<rows {
            let image = values[(row * shape.valueCount)..<((row + 1) * shape.valueCount)].map(Double.init)
            let direct = TestData.directConvolution(
                image, height: 5, width: 6, inputChannels: 2,
                weights: network.weights(layer: 0).map(Double.init),
                bias: network.bias(layer: 0).map(Double.init))
            for index in 0..<block.outputSize {
                let value = workspace.convolutions[0].output[row * block.outputSize + index]
                #expect(abs(Double(value) - max(direct[index], 0)) < 1e-5, "row \(row) index \(index)")
            }
        }
    }

    /// im2col against its definition on thin images (a single row or column,
    /// a single pixel), where every position touches the zero padding: patch
    /// entry `(ky, kx, c)` of position `(y, x)` is input `(y+ky−1, x+kx−1, c)`
    /// or 0 outside the image.
    @Test(arguments: [
        InputShape(height: 1, width: 4, channels: 2), InputShape(height: 3, width: 1, channels: 1),
        InputShape(height: 1, width: 1, channels: 3), InputShape(height: 2, width: 2, channels: 1),
    ])
    func im2colMatchesItsDefinitionOnThinImages(shape: InputShape) {
        let block = ConvolutionLayout(
            height: shape.height, width: shape.width, inputChannels: shape.channels,
            outputChannels: 1, weightOffset: 0)
        let input = (0..<block.inputSize).map { Float($0 + 1) }
        var patches = [Float](repeating: .nan, count: block.positions * block.patchWidth)
        input.withUnsafeBufferPointer { i in
            patches.withUnsafeMutableBufferPointer { block.im2col(input: i.baseAddress!, patches: $0.baseAddress!) }
        }
        let c = shape.channels
        for y in 0..<shape.height {
            for x in 0..<shape.width {
                for ky in 0..<3 {
                    for kx in 0..<3 {
                        for channel in 0..<c {
                            let (sy, sx) = (y + ky - 1, x + kx - 1)
                            let inside = sy >= 0 && sy < shape.height && sx >= 0 && sx < shape.width
                            let expected = inside ? input[(sy * shape.width + sx) * c + channel] : 0
                            let found = patches[(y * shape.width + x) * block.patchWidth + (ky * 3 + kx) * c + channel]
                            #expect(found == expected, "position (\(y), \(x)) tap (\(ky), \(kx)) channel \(channel)")
                        }
                    }
                }
            }
        }
    }

    /// im2col and col2im are adjoint: ⟨im2col(x), P⟩ = ⟨x, col2im(P)⟩ for
    /// random x and P (so the backward pass routes patch deltas correctly).
    @Test func col2imIsTheAdjointOfIm2col() {
        let block = ConvolutionLayout(height: 4, width: 3, inputChannels: 2, outputChannels: 1, weightOffset: 0)
        var generator = SeededGenerator(seed: 4, stream: "adjoint")
        let x = (0..<block.inputSize).map { _ in Float(generator.normal()) }
        let p = (0..<(block.positions * block.patchWidth)).map { _ in Float(generator.normal()) }
        var patches = [Float](repeating: 0, count: p.count)
        var folded = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { x in
            patches.withUnsafeMutableBufferPointer { block.im2col(input: x.baseAddress!, patches: $0.baseAddress!) }
        }
        p.withUnsafeBufferPointer { p in
            folded.withUnsafeMutableBufferPointer { block.col2im(patches: p.baseAddress!, input: $0.baseAddress!) }
        }
        let left = zip(patches, p).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let right = zip(x, folded).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(left - right) < 1e-4)
        // The centre tap of every patch is the pixel itself.
        for position in 0..<block.positions {
            for c in 0..<2 { #expect(patches[position * block.patchWidth + 4 * 2 + c] == x[position * 2 + c]) }
        }
    }

    /// Max-pool of a 3×5×1 map worked by hand: windows rows 0–1 × columns
    /// 0–1 and 2–3; row 2 and column 4 are dropped (floor). The second window
    /// has a tie (7 at (0,3) and (1,2)): the first in (0,0),(0,1),(1,0),(1,1)
    /// order wins, i.e. (0,3) = index 3. The backward pass puts each pooled
    /// delta at its window's maximum and zero elsewhere.
    @Test func maxPoolByHand() {
        let block = ConvolutionLayout(height: 3, width: 5, inputChannels: 1, outputChannels: 1, weightOffset: 0)
        let output: [Float] = [
            1, 4, 2, 7, 99,
            3, 2, 7, 5, 99,
            99, 99, 99, 99, 99,
        ]
        var pooled = [Float](repeating: 0, count: 2)
        var sources = [Int32](repeating: 0, count: 2)
        output.withUnsafeBufferPointer { output in
            pooled.withUnsafeMutableBufferPointer { pooled in
                sources.withUnsafeMutableBufferPointer {
                    block.maxPool(output: output.baseAddress!, pooled: pooled.baseAddress!, sources: $0.baseAddress!)
                }
            }
        }
        #expect(pooled == [4, 7])
        #expect(sources == [1, 3])
        var delta = [Float](repeating: -1, count: 15)
        [Float(0.5), -2].withUnsafeBufferPointer { pooledDelta in
            sources.withUnsafeBufferPointer { sources in
                delta.withUnsafeMutableBufferPointer {
                    block.unpool(
                        pooledDelta: pooledDelta.baseAddress!, sources: sources.baseAddress!,
                        outputDelta: $0.baseAddress!)
                }
            }
        }
        #expect(delta == [0, 0.5, 0, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// Channels pool separately: a 2×2×2 map (channel-last) pools to one
    /// value per channel, taken from different positions.
    @Test func maxPoolKeepsChannelsApart() {
        let block = ConvolutionLayout(height: 2, width: 2, inputChannels: 1, outputChannels: 2, weightOffset: 0)
        let output: [Float] = [1, 8, 5, 2, 3, 4, 0, 6]  // (y,x,c): c0 = 1,5,3,0; c1 = 8,2,4,6
        var pooled = [Float](repeating: 0, count: 2)
        var sources = [Int32](repeating: 0, count: 2)
        output.withUnsafeBufferPointer { output in
            pooled.withUnsafeMutableBufferPointer { pooled in
                sources.withUnsafeMutableBufferPointer {
                    block.maxPool(output: output.baseAddress!, pooled: pooled.baseAddress!, sources: $0.baseAddress!)
                }
            }
        }
        #expect(pooled == [5, 8])
        #expect(sources == [2, 1])
    }

    /// Whole CNN forward against numpy (float64): 4×5×2 input, channels [3],
    /// 2 classes, parameters `p[i] = 0.1·((7i mod 11) − 5)`, inputs
    /// `x[i] = ((5i mod 13) − 6)/4` (two examples, C order). Source:
    /// Tests/References/forward_networks.py — `Wc = p[0:54].reshape(3,3,2,3)`, padded
    /// `np.einsum('abc,abco->o', xp[y:y+3, x:x+3], Wc) + p[54:57]`, ReLU,
    /// `a[:4, :4].reshape(2,2,2,2,3).max(axis=(1,3))` flattened, `@ p[57:81].reshape(12,2) + p[81:83]`.
    @Test func forwardMatchesNumpy() {
        var network = Network(
            inputShape: InputShape(height: 4, width: 5, channels: 2), convolutionChannels: [3],
            classCount: 2, seed: 0)
        #expect(network.parameterCount == 83)
        network.setParameters((0..<83).map { Float(0.1 * Double(($0 * 7) % 11 - 5)) })
        let features = FeatureMatrix(
            values: (0..<80).map { Float(Double(($0 * 5) % 13 - 6) / 4) }, rows: 2, columns: 40)
        let expectedLogits = [0.7175000000000004, -0.12250000000000011, 0.5449999999999998, 0.010000000000000009]
        for (value, expected) in zip(network.logits(for: features), expectedLogits) {
            #expect(abs(Double(value) - expected) < 1e-5)
        }
        let expectedProbabilities = [0.6984652160025389, 0.3015347839974611, 0.6306485256510744, 0.3693514743489256]
        for (value, expected) in zip(network.probabilities(for: features), expectedProbabilities) {
            #expect(abs(Double(value) - expected) < 1e-6)
        }
    }
}
