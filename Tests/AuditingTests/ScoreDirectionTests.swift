import DietAuditCore
import Learning
import Testing

@testable import Auditing
@testable import Scoring

/// Every built-in score's direction, pinned on planted data with a known hard subset.
@Suite struct ScoreDirectionTests {
    /// DESIGN.md "Direction", kind by kind.
    @Test func builtInDirections() {
        let kinds: [(ScoreKind, ScoreDirection)] = [
            (.el2n(epoch: 2), .harder), (.grand(epoch: 0), .harder), (.loss(epoch: 1), .harder), (.forgetting, .harder),
            (.variability, .harder), (.inputNorm, .harder), (.random, .harder),
            (.margin(epoch: 1), .easier), (.aum, .easier), (.confidence, .easier),
        ]
        for (kind, direction) in kinds {
            #expect(kind.direction == direction, "\(kind)")
            #expect(ScoreDirection.builtIn(forKind: ScoreSpec(kind: kind).kindName) == direction)
        }
        #expect(ScoreDirection.builtIn(forKind: "imported") == .harder)
        #expect(ScoreResult.imported(column: "c", values: [1]).direction == .harder)
        #expect(ScoreResult.imported(column: "c", values: [1], higherIs: .easier).direction == .easier)
    }

    /// 300 clean examples in three Gaussian blobs (centres 4·e_c, σ 0.5) and 75
    /// planted hard ones: overlapping clusters at 4·(e_0 + e_1), exactly between
    /// classes 0 and 1, labelled 0 or 1 alternately. They sit on the decision
    /// boundary (low margin, confidence near ½, high loss and EL2N, frequent
    /// forgetting, high variability). Their norm (≈ 5.7) is also larger than a
    /// clean example's (≈ 4), planted so that `input_norm`, higher-is-harder,
    /// points the same way.
    static func planted() -> (features: FeatureMatrix, labels: [Int], hard: Set<Int>) {
        var generator = SeededGenerator(seed: 5, stream: "direction-blobs")
        var values = [Float](), labels = [Int](), hard = Set<Int>()
        for row in 0..<375 {
            let isHard = row % 5 == 4
            let label = isHard ? (row / 5) % 2 : row % 3
            for d in 0..<5 {
                let centre: Float = isHard ? (d < 2 ? 4 : 0) : (d == label ? 4 : 0)
                values.append(centre + Float(0.5 * generator.normal()))
            }
            labels.append(label)
            if isHard { hard.insert(row) }
        }
        return (FeatureMatrix(values: values, rows: 375, columns: 5), labels, hard)
    }

    /// Oriented to hardness by its direction, every built-in score agrees with
    /// EL2N (Spearman clearly positive), and every policy treats the planted
    /// subset as hard: keep_easy at 20% (R = 75) removes most of it, keep_hard
    /// and class_balanced remove almost none of it.
    @Test func everyScorePointsTheWayOfEL2N() throws {
        let data = Self.planted()
        let kinds: [ScoreKind] = [
            .el2n(epoch: 5), .grand(epoch: 5), .loss(epoch: 5), .margin(epoch: 5), .forgetting, .aum, .confidence,
            .variability, .inputNorm,
        ]
        let results = try computeScores(
            kinds.map { ScoreSpec(kind: $0) }, features: data.features, labels: data.labels, classCount: 3,
            model: ModelSpec(kind: .mlp(hidden: [16])),
            training: TrainingSpec(epochs: 10, batchSize: 32, seeds: 2, seed: 3),
            progress: SilentProgress())
        let el2n = results[0].mean
        for (kind, result) in zip(kinds, results) {
            #expect(result.direction == kind.direction)
            let hardness = result.mean.map(result.direction.hardness)
            let rho = spearmanCorrelation(hardness, el2n) ?? .nan
            // n = 375: ρ > 0.2 has p < 1e-4. input_norm agrees with EL2N only
            // through the planted subset (clean norms are unrelated to hardness), ≈ 0.26.
            #expect(rho > 0.2, "\(result.name): Spearman with el2n \(rho)")
            func removedHard(_ policy: PruningPolicy) -> Int {
                let plan = PruningPlanner.plan(
                    scores: result.mean, scoreName: result.name, direction: result.direction, labels: data.labels,
                    classCount: 3, policy: policy, fraction: 0.2, seed: 0)
                return plan.removedIndices.filter(data.hard.contains).count
            }
            // By chance 20% of the 75 (15) would go.
            #expect(
                removedHard(.keepEasy) >= 60, "\(result.name) keep_easy removes \(removedHard(.keepEasy)) of 75 hard")
            #expect(
                removedHard(.keepHard) <= 2, "\(result.name) keep_hard removes \(removedHard(.keepHard)) of 75 hard")
            #expect(
                removedHard(.classBalanced) <= 2, "\(result.name) class_balanced removes \(removedHard(.classBalanced))"
            )
        }
    }
}
