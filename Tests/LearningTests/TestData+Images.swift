import DietAuditCore
import DietAuditTestSupport
import Foundation

@testable import Learning

extension TestData {
    /// `perClass` noisy images of each of `classes` classes, rows interleaved
    /// by class: class `c` lights up image row `c · height / classes` (+2 in
    /// every channel) over Gaussian noise of σ 0.5, so a convolution can tell
    /// the classes apart.
    static func barImages(
        classes: Int, perClass: Int, shape: InputShape,
        seed: UInt64 = 17
    ) -> (features: FeatureMatrix, labels: [Int]) {
        var generator = SeededGenerator(seed: seed, stream: "bars")
        var values = [Float](), labels = [Int]()
        for _ in 0..<perClass {
            for c in 0..<classes {
                let bar = c * shape.height / classes
                for y in 0..<shape.height {
                    for _ in 0..<(shape.width * shape.channels) {
                        values.append(Float((y == bar ? 2 : 0) + 0.5 * generator.normal()))
                    }
                }
                labels.append(c)
            }
        }
        return (FeatureMatrix(values: values, rows: labels.count, columns: shape.valueCount), labels)
    }

    /// Direct 3×3 "same" convolution (stride 1, zero padding 1) of one
    /// `height × width × C_in` image, in `Double` with plain loops, as the
    /// definition reads: `z[y, x, o] = b[o] + Σ_{ky,kx,c} in[y+ky−1, x+kx−1, c] ·
    /// W[(ky·3 + kx)·C_in + c, o]`, out-of-image terms omitted. No ReLU.
    static func directConvolution(
        _ image: [Double], height: Int, width: Int, inputChannels: Int,
        weights: [Double], bias: [Double]
    ) -> [Double] {
        let outputs = bias.count
        var result = [Double](repeating: 0, count: height * width * outputs)
        for y in 0..<height {
            for x in 0..<width {
                for o in 0..<outputs {
                    var sum = bias[o]
                    for ky in 0..<3 {
                        for kx in 0..<3 {
                            let (sy, sx) = (y + ky - 1, x + kx - 1)
                            guard sy >= 0, sy < height, sx >= 0, sx < width else { continue }
                            for c in 0..<inputChannels {
                                sum +=
                                    image[(sy * width + sx) * inputChannels + c]
                                    * weights[((ky * 3 + kx) * inputChannels + c) * outputs + o]
                            }
                        }
                    }
                    result[(y * width + x) * outputs + o] = sum
                }
            }
        }
        return result
    }

    /// Mean softmax cross-entropy of a convolutional ``Network`` computed
    /// naively in `Double` from `parameters` (same layout as the network's):
    /// direct convolution, ReLU, 2×2 max-pool (floor), then the dense layer.
    /// An independent reference for finite differences.
    static func referenceConvolutionLoss(
        network: Network, parameters: [Double],
        features: FeatureMatrix, labels: [Int]
    ) -> Double {
        let shape = network.inputShape!
        var total = 0.0
        for row in 0..<features.rows {
            var image = features.row(row).map(Double.init)
            var (height, width, channels) = (shape.height, shape.width, shape.channels)
            var offset = 0
            for outputs in network.convolutionChannels {
                let weightCount = 9 * channels * outputs
                let z = directConvolution(
                    image, height: height, width: width, inputChannels: channels,
                    weights: Array(parameters[offset..<(offset + weightCount)]),
                    bias: Array(parameters[(offset + weightCount)..<(offset + weightCount + outputs)]))
                offset += weightCount + outputs
                let (ph, pw) = (height / 2, width / 2)
                var pooled = [Double](repeating: 0, count: ph * pw * outputs)
                for py in 0..<ph {
                    for px in 0..<pw {
                        for o in 0..<outputs {
                            var best = -Double.infinity
                            for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                                best = max(best, max(z[((2 * py + dy) * width + 2 * px + dx) * outputs + o], 0))
                            }
                            pooled[(py * pw + px) * outputs + o] = best
                        }
                    }
                }
                (image, height, width, channels) = (pooled, ph, pw, outputs)
            }
            let classes = network.classCount
            var logits = [Double](repeating: 0, count: classes)
            for k in 0..<classes {
                var sum = parameters[offset + image.count * classes + k]
                for i in 0..<image.count { sum += image[i] * parameters[offset + i * classes + k] }
                logits[k] = sum
            }
            let top = logits.max()!
            total += Foundation.log(logits.map { Foundation.exp($0 - top) }.reduce(0, +)) + top - logits[labels[row]]
        }
        return total / Double(features.rows)
    }

    /// The real digits data, from the shared test fixtures.
    static var digitsPath: String? { Fixtures.digitsPath }

    static func digits() throws -> (features: FeatureMatrix, labels: [Int]) { try Fixtures.digits() }
}
