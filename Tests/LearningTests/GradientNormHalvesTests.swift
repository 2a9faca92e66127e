import Testing

@testable import Learning

/// GraNd over at least two inference chunks runs as two halves of the rows
/// (possibly on two cores): the result must be exactly the two halves' own
/// GraNd, and each norm the norm of that example's brute-force gradient.
@Suite struct GradientNormHalvesTests {
    @Test func normsOfTwoHalvesAreTheHalvesNorms() {
        let data = TestData.blobs(classes: 3, perClass: 200, dimensions: 5)
        #expect(data.features.rows >= 2 * Network.inferenceChunk, "the split path needs two chunks")
        let network = Network(layerSizes: [5, 16, 3], seed: 9)
        let all = network.gradientNorms(for: data.features, labels: data.labels)
        let half = data.features.rows / 2
        let first = network.gradientNorms(
            for: data.features.selecting(rows: Array(0..<half)),
            labels: Array(data.labels[0..<half]))
        let second = network.gradientNorms(
            for: data.features.selecting(rows: Array(half..<data.features.rows)),
            labels: Array(data.labels[half...]))
        #expect(all.map(\.bitPattern) == (first + second).map(\.bitPattern))

        // Brute force: the full gradient of one example's loss (a batch of one).
        for row in [0, half - 1, half, data.features.rows - 1] {
            let single = network.lossAndGradient(for: data.features.selecting(rows: [row]), labels: [data.labels[row]])
            let norm = single.gradient.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(all[row] - norm) <= 1e-5 * max(norm, 1), "row \(row)")
        }
    }
}
