import DietAuditCore
import Learning
import Testing

@testable import Scoring

/// The new score kinds' building blocks, each against hand-built inputs and
/// numpy references (all from Tests/References/score_building_blocks.py, quoted per test).
@Suite struct DynamicsScoreTests {
    @Test func namesFollowTheContract() {
        let expected: [(ScoreKind, String, String, Int?)] = [
            (.loss(epoch: 3), "loss@3", "loss", 3), (.margin(epoch: 0), "margin@0", "margin", 0),
            (.aum, "aum", "aum", nil), (.confidence, "confidence", "confidence", nil),
            (.variability, "variability", "variability", nil), (.random, "random", "random", nil),
            (.el2n(epoch: 2), "el2n@2", "el2n", 2), (.inputNorm, "input_norm", "input_norm", nil),
        ]
        for (kind, name, kindName, epoch) in expected {
            let spec = ScoreSpec(kind: kind)
            #expect(spec.name == name && spec.kindName == kindName && spec.epoch == epoch)
        }
    }

    /// A 2-2-3 ReLU network with hand-set weights. numpy (float32 weights and inputs):
    /// `h = np.maximum(X @ W1 + b1, 0); z = (h @ W2 + b2).astype(np.float64)`;
    /// loss `= logsumexp(z) − z[y]` = [0.06476363267789287, 0.25905315859694067, 1.2800989518605634];
    /// margin `= z[y] − max_{c≠y} z` = [2.799999952316284, 1.525000125169754, -0.4000000134110451].
    @Test func lossAndMarginOfAHandSetNetwork() {
        var network = Network(layerSizes: [2, 2, 3], seed: 0)
        network.setParameters([
            0.5, -1.0, 1.5, 0.25, 0.1, -0.2,
            1.0, -0.5, 0.25, -1.0, 2.0, 0.5, 0.0, 0.3, -0.1,
        ])
        let features = FeatureMatrix(values: [1, 2, -1, 0.5, 0, -2], rows: 3, columns: 2)
        let labels = [0, 1, 2]
        let losses = network.losses(for: features, labels: labels)
        for (value, reference) in zip(losses, [0.06476363267789287, 0.25905315859694067, 1.2800989518605634]) {
            #expect(abs(value - reference) < 1e-6)
        }
        let margins = marginScores(logits: network.logits(for: features), labels: labels, classCount: 3)
        for (value, reference) in zip(margins, [2.799999952316284, 1.525000125169754, -0.4000000134110451]) {
            #expect(abs(value - reference) < 1e-6)
        }
    }

    /// Margins straight from logits: a tie gives 0, the largest *other* logit counts.
    @Test func marginFromLogits() {
        let margins = marginScores(logits: [2, 5, 1, 3, 3, 0, -1, -4, -2], labels: [1, 0, 2], classCount: 3)
        #expect(margins == [3, 0, -1])
        #expect(
            trueClassProbabilities(probabilities: [0.25, 0.75, 0.5, 0.5], labels: [1, 0], classCount: 2) == [0.75, 0.5])
    }

    /// Presentations (example, margin): (0, 1.5) (1, −0.5) (0, 0.5) (2, 2.0) (1, −1.25) (0, −0.75) (1, 0.25);
    /// example 3 never presented. numpy `np.mean` per example: 0.4166666666666667, −0.5, 2.0;
    /// example 3 → 0 (documented).
    @Test func areaUnderMarginAveragesPresentations() {
        var aum = AreaUnderMargin(exampleCount: 4)
        aum.record(examples: [0, 1][...], margins: [1.5, -0.5])
        aum.record(examples: [0, 2, 1][...], margins: [0.5, 2.0, -1.25])
        aum.record(example: 0, margin: -0.75)
        aum.record(example: 1, margin: 0.25)
        let scores = aum.scores()
        #expect(abs(scores[0] - 0.4166666666666667) < 1e-15)
        #expect(scores[1] == -0.5 && scores[2] == 2.0 && scores[3] == 0)
        #expect(aum.presentations == [3, 3, 1, 0])
    }

    /// Four epochs × three examples, P = [[0.2,0.9,0.5],[0.4,0.95,0.1],[0.7,0.85,0.6],[0.9,0.99,0.3]]:
    /// numpy `P.mean(0)` = [0.55, 0.9225000000000001, 0.375],
    /// `P.std(0)` (ddof 0) = [0.2692582403567252, 0.05261891294962297, 0.1920286436967152].
    @Test func cartographyMeanAndPopulationStd() throws {
        var cartography = Cartography(exampleCount: 3)
        #expect(cartography.confidence() == nil && cartography.variability() == nil)
        for epoch in [[0.2, 0.9, 0.5], [0.4, 0.95, 0.1], [0.7, 0.85, 0.6], [0.9, 0.99, 0.3]] {
            cartography.record(trueClassProbabilities: epoch)
        }
        let confidence = try #require(cartography.confidence())
        let variability = try #require(cartography.variability())
        for (value, reference) in zip(confidence, [0.55, 0.9225000000000001, 0.375]) {
            #expect(abs(value - reference) < 1e-12)
        }
        for (value, reference) in zip(variability, [0.2692582403567252, 0.05261891294962297, 0.1920286436967152]) {
            #expect(abs(value - reference) < 1e-12)
        }
        var single = Cartography(exampleCount: 2)
        single.record(trueClassProbabilities: [0.3, 1])
        #expect(single.confidence() == [0.3, 1] && single.variability() == [0, 0])
    }

    /// Same seed → same vector; different seeds differ; values in [0, 1) with a
    /// flat histogram: for 10,000 draws each decile expects 1,000 (sd ≈ 30), the
    /// mean 0.5 (sd ≈ 0.0029); the bounds are ~5 sd wide.
    @Test func randomScoresAreSeededAndUniform() {
        let first = randomScores(count: 10_000, seed: 7)
        #expect(first == randomScores(count: 10_000, seed: 7))
        let other = randomScores(count: 10_000, seed: 8)
        #expect(first != other)
        #expect(zip(first, other).filter { $0 == $1 }.count == 0)
        #expect(first.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(first.reduce(0, +) / 10_000 - 0.5) < 0.015)
        var deciles = [Int](repeating: 0, count: 10)
        for value in first { deciles[Int(value * 10)] += 1 }
        #expect(deciles.allSatisfy { abs($0 - 1000) < 150 })
        var generator = SeededGenerator(seed: 7, stream: "random-score")
        #expect(first[0] == generator.unitDouble() && first[1] == generator.unitDouble())
    }
}
