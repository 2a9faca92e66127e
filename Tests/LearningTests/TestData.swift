import DietAuditCore
import Foundation

@testable import Learning

/// Small generated data sets with a planted answer.
enum TestData {
    /// `perClass` examples of each of `classes` Gaussian blobs in `dimensions`
    /// dimensions: class c is centred at `separation · e_(c mod dimensions)`
    /// with unit-σ·`spread` noise, so the classes are (almost surely) linearly
    /// separable for a large separation. Rows are interleaved by class.
    static func blobs(
        classes: Int, perClass: Int, dimensions: Int, separation: Double = 4,
        spread: Double = 0.5, seed: UInt64 = 11
    ) -> (features: FeatureMatrix, labels: [Int]) {
        var generator = SeededGenerator(seed: seed, stream: "blobs")
        var values = [Float]()
        var labels = [Int]()
        for _ in 0..<perClass {
            for c in 0..<classes {
                for d in 0..<dimensions {
                    let centre = d == c % dimensions ? separation : 0
                    values.append(Float(centre + spread * generator.normal()))
                }
                labels.append(c)
            }
        }
        return (FeatureMatrix(values: values, rows: labels.count, columns: dimensions), labels)
    }

    /// Mean softmax cross-entropy of a dense ReLU network, computed naively in
    /// `Double` from the network's parameters with `overrides` applied: an
    /// independent reference for finite differences.
    static func referenceLoss(network: Network, parameters: [Double], features: FeatureMatrix, labels: [Int]) -> Double
    {
        let sizes = network.layerSizes
        var total = 0.0
        for row in 0..<features.rows {
            var activation = features.row(row).map(Double.init)
            var offset = 0
            for layer in 1..<sizes.count {
                let (inputs, outputs) = (sizes[layer - 1], sizes[layer])
                var next = [Double](repeating: 0, count: outputs)
                for j in 0..<outputs {
                    var sum = parameters[offset + inputs * outputs + j]
                    for i in 0..<inputs { sum += activation[i] * parameters[offset + i * outputs + j] }
                    next[j] = layer < sizes.count - 1 ? max(sum, 0) : sum
                }
                offset += inputs * outputs + outputs
                activation = next
            }
            let top = activation.max()!
            let logSum = activation.map { Foundation.exp($0 - top) }.reduce(0, +)
            total += Foundation.log(logSum) + top - activation[labels[row]]
        }
        return total / Double(features.rows)
    }
}
