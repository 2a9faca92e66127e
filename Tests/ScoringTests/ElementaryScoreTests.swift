import Testing

@testable import Scoring

@Suite struct ElementaryScoreTests {
    @Test func namesFollowTheContract() {
        #expect(ScoreSpec(kind: .el2n(epoch: 2)).name == "el2n@2")
        #expect(ScoreSpec(kind: .grand(epoch: 0)).name == "grand@0")
        #expect(ScoreSpec(kind: .forgetting).name == "forgetting")
        #expect(ScoreSpec(kind: .inputNorm).name == "input_norm")
        #expect(ScoreSpec(kind: .inputNorm).kindName == "input_norm")
        #expect(ScoreSpec(kind: .grand(epoch: 3)).epoch == 3)
        let imported = ScoreResult.imported(column: "risk", values: [1, 2])
        #expect(imported.name == "imported:risk" && imported.kind == "imported" && imported.mean == [1, 2])
    }

    /// Hand-computed: p = [0.7, 0.2, 0.1], y = 0 → sqrt(0.3² + 0.2² + 0.1²) = sqrt(0.14);
    /// p = [0.1, 0.3, 0.6], y = 1 → sqrt(0.01 + 0.49 + 0.36) = sqrt(0.86). numpy:
    /// `np.linalg.norm(p - np.eye(3)[[0,1]], axis=1)` = [0.37416573867739417, 0.9273618495495703]
    /// (Tests/References/score_building_blocks.py).
    @Test func el2nOnHandComputedExample() {
        let scores = el2nScores(probabilities: [0.7, 0.2, 0.1, 0.1, 0.3, 0.6], labels: [0, 1], classCount: 3)
        #expect(abs(scores[0] - 0.37416573867739417) < 1e-7)
        #expect(abs(scores[1] - 0.9273618495495703) < 1e-7)
        #expect(el2nScores(probabilities: [1, 0, 0, 1], labels: [0, 0], classCount: 2) == [0, 2.0.squareRoot()])
    }

    /// Presentations, epoch by epoch (T = correct):
    /// example 0: T F T F → 2 events; 1: F F F → never learned → 3 epochs;
    /// 2: F T T → 0; 3: T T F F T F (twice per epoch) → 2; 4: never presented → 3.
    @Test func forgettingCountsFlipsAndNeverLearned() {
        var counter = ForgettingCounter(exampleCount: 5)
        let sequences: [Int: [Bool]] = [
            0: [true, false, true, false], 1: [false, false, false], 2: [false, true, true],
            3: [true, true, false, false, true, false],
        ]
        for step in 0..<6 {
            for example in 0..<4 where step < sequences[example]!.count {
                counter.record(example: example, correct: sequences[example]![step])
            }
        }
        #expect(counter.scores(epochs: 3) == [2, 3, 0, 2, 3])
        #expect(counter.events == [2, 0, 0, 2, 0])
        #expect(counter.learned == [true, false, true, true, false])
    }

    @Test func forgettingFromBatches() {
        var counter = ForgettingCounter(exampleCount: 3)
        counter.record(examples: [2, 0, 1][...], correct: [true, true, false][...])
        counter.record(examples: [0, 1, 2][...], correct: [false, true, false][...])
        #expect(counter.scores(epochs: 2) == [1, 0, 1])
    }
}
