import DietAuditCore
import Learning
import Testing

@testable import Auditing

/// The error-risk audit end to end on generated data with a planted answer.
///
/// Two groups: A (80%) carries feature x₁ and its label is [x₁ > 0]; B (20%)
/// carries feature z, its label is [z > 0], and its x₁ = −z/2 + noise points
/// the wrong way. A model that has seen B learns z's weight and classifies B
/// well; a model trained (almost) without B applies A's rule and gets B
/// mostly wrong. A plan removing 98% of B must therefore cost B accuracy and
/// leave A alone; a random plan of the same size must cost nobody.
@Suite struct ErrorRiskAuditTests {
    struct Split {
        var features: FeatureMatrix
        var labels: [Int]
        var groups: [Int]
    }

    /// `count` examples, every fifth in group B; features [x₁, x₂, z].
    static func split(count: Int, stream: String) -> Split {
        var generator = SeededGenerator(seed: 23, stream: stream)
        var values: [Float] = [], labels: [Int] = [], groups: [Int] = []
        for index in 0..<count {
            let isB = index % 5 == 0
            let noise = generator.normal()
            if isB {
                let z = generator.normal()
                values += [Float(-0.5 * z + 0.1 * noise), Float(generator.normal()), Float(z)]
                labels.append(z > 0 ? 1 : 0)
            } else {
                let x = generator.normal()
                values += [Float(x), Float(generator.normal()), 0]
                labels.append(x > 0 ? 1 : 0)
            }
            groups.append(isB ? 1 : 0)
        }
        return Split(features: FeatureMatrix(values: values, rows: count, columns: 3), labels: labels, groups: groups)
    }

    static let train = split(count: 1000, stream: "train")
    static let test = split(count: 500, stream: "test")

    static func inputs(seeds: Int = 3, positiveClass: Int? = 1) -> ErrorRiskInputs {
        let grouping = Grouping(
            name: "group", kind: .attribute, groups: ["A", "B"], train: train.groups, test: test.groups)
        let classes = Grouping(
            name: "class", kind: .class, groups: ["no", "yes"], train: train.labels, test: test.labels)
        return ErrorRiskInputs(
            trainFeatures: train.features, trainLabels: train.labels, testFeatures: test.features,
            testLabels: test.labels,
            classCount: 2, positiveClass: positiveClass, groupings: [grouping, classes],
            model: ModelSpec(kind: .softmax), training: TrainingSpec(epochs: 15, batchSize: 32, seed: 5),
            retrainSeeds: seeds)
    }

    /// Removes all of B but every 50th B example (4 of 200 kept), as a
    /// `keep_hard` plan of a score named `planted`.
    static func plantedPlan() -> PruningPlan {
        let removed = train.groups.enumerated().map { index, group in group == 1 && index % 250 != 0 }
        return PruningPlan(score: "planted", policy: .keepHard, fraction: 0.2, removed: removed)
    }

    /// A seeded uniform plan removing as many examples as the planted one.
    static func randomPlan() -> PruningPlan {
        let count = plantedPlan().removedCount
        var generator = SeededGenerator(seed: 3, stream: "random-plan")
        let chosen = Set(generator.permutation(count: train.labels.count).prefix(count))
        return PruningPlan(
            score: nil, policy: .random, fraction: 0.2,
            removed: train.labels.indices.map { chosen.contains($0) })
    }

    static func row(_ audit: ErrorRiskAudit, policy: String, group: String) throws -> ErrorRiskRow {
        try #require(audit.rows.first { $0.policy == policy && $0.attribute == "group" && $0.group == group })
    }

    @Test func prunedGroupPaysAndRandomDoesNot() throws {
        let audit = try auditErrorRisk(
            plans: [Self.plantedPlan(), Self.randomPlan()], inputs: Self.inputs(),
            progress: SilentProgress(), parallel: false)
        // The baseline classifies both groups well.
        let fullB = try Self.row(audit, policy: "full", group: "B")
        #expect(try #require(fullB.value(of: "accuracy")) > 0.85)
        #expect(try #require(Self.row(audit, policy: "full", group: "A").value(of: "accuracy")) > 0.9)
        // The planted plan costs B a lot, A (almost) nothing.
        let prunedB = try Self.row(audit, policy: "keep_hard", group: "B")
        let prunedA = try Self.row(audit, policy: "keep_hard", group: "A")
        #expect(try #require(prunedB.value(of: "accuracy_delta_vs_full")) < -0.3)
        #expect(try #require(prunedB.value(of: "accuracy_delta_vs_full_ci_high")) < -0.1)
        #expect(try #require(prunedB.value(of: "accuracy_delta_vs_random")) < -0.3)
        #expect(abs(try #require(prunedA.value(of: "accuracy_delta_vs_full"))) < 0.03)
        // The random plan of the same size costs nobody.
        for group in ["A", "B"] {
            let random = try Self.row(audit, policy: "random", group: group)
            #expect(abs(try #require(random.value(of: "accuracy_delta_vs_full"))) < 0.03, "\(group)")
            #expect(random.metrics[.accuracyDeltaVsRandom] == nil)
        }
        // The attribute view agrees: the pruned plan opens an accuracy gap.
        let gap = { (policy: String) throws -> Double in
            try #require(
                audit.attributes.first { $0.policy == policy && $0.attribute == "group" }?.value(of: "accuracy_gap"))
        }
        #expect(try gap("keep_hard") > 0.3)
        #expect(try gap("full") < 0.1 && gap("random") < 0.1)
        let worst = try #require(audit.attributes.first { $0.policy == "keep_hard" && $0.attribute == "group" })
        let worstAccuracy = try #require(worst.value(of: "worst_group_accuracy"))
        #expect(worstAccuracy == prunedB.value(of: "accuracy"))
    }

    @Test func rowsFollowTheContract() throws {
        let audit = try auditErrorRisk(
            plans: [Self.plantedPlan(), Self.randomPlan()], inputs: Self.inputs(seeds: 2),
            progress: SilentProgress(), parallel: false)
        // (full, planted, random) × (group: A, B; class: no, yes).
        #expect(audit.rows.count == 12 && audit.attributes.count == 6)
        #expect(
            audit.rows.map(\.policy) == [String](repeating: "full", count: 4)
                + [String](repeating: "keep_hard", count: 4) + [String](repeating: "random", count: 4))
        let full = audit.rows[0]
        #expect(full.score == nil && full.fraction == nil && full.n == Self.test.groups.filter { $0 == 0 }.count)
        #expect(
            Set(full.metrics.keys.map(\.rawValue)) == [
                "accuracy", "selection_rate", "true_positive_rate", "false_positive_rate",
                "expected_calibration_error",
            ])
        let planted = audit.rows[4]
        #expect(planted.score == "planted" && planted.fraction == 0.2)
        #expect(Set(planted.metrics.keys.map(\.rawValue)) == Set(ErrorRiskRow.metricNames))
        // Class groups: "no" has no positives, so its TPR is Fairlearn's 0, flagged undefined; "yes" has no
        // negatives, so the same for its FPR. Groups A and B have both.
        let classNo = try #require(audit.rows.first { $0.policy == "full" && $0.group == "no" })
        let classYes = try #require(audit.rows.first { $0.policy == "full" && $0.group == "yes" })
        #expect(classNo.metrics[.truePositiveRate]?.mean == 0 && classNo.undefinedRates == [.truePositiveRate])
        #expect(classYes.metrics[.falsePositiveRate]?.mean == 0 && classYes.undefinedRates == [.falsePositiveRate])
        #expect(audit.rows.filter { $0.attribute == "group" }.allSatisfy { $0.undefinedRates.isEmpty })
        #expect(audit.rows.filter { $0.attribute == "class" }.allSatisfy { !$0.undefinedRates.isEmpty })
        for row in audit.rows { #expect(row.metrics.values.allSatisfy { $0.std != nil && $0.ciLow != nil }) }
        let attribute = try #require(audit.attributes.first { $0.policy == "keep_hard" && $0.attribute == "group" })
        #expect(Set(attribute.metrics.keys.map(\.rawValue)) == Set(ErrorRiskAttributeRow.metricNames))
        // The class grouping defines TPR and FPR in one group each; counting the others as 0 (Fairlearn), the
        // equalized-odds gap is max(TPR of yes, FPR of no) at each seed, so its mean is at least each one's mean.
        let classes = try #require(audit.attributes.first { $0.policy == "full" && $0.attribute == "class" })
        let odds = try #require(classes.metrics[.equalizedOddsDifference]?.mean)
        let yesRate = try #require(classYes.metrics[.truePositiveRate]?.mean)
        let noRate = try #require(classNo.metrics[.falsePositiveRate]?.mean)
        #expect(odds >= max(yesRate, noRate) - 1e-12 && odds <= 1)
    }

    @Test func withoutPositiveClassOnlyAccuracyAndCalibration() throws {
        let audit = try auditErrorRisk(
            plans: [Self.plantedPlan()], inputs: Self.inputs(seeds: 1, positiveClass: nil),
            progress: SilentProgress(), parallel: false)
        let row = try Self.row(audit, policy: "keep_hard", group: "B")
        #expect(
            Set(row.metrics.keys.map(\.rawValue)) == [
                "accuracy", "accuracy_delta_vs_full", "expected_calibration_error",
            ])
        // One seed: means only.
        #expect(row.value(of: "accuracy_std") == nil && row.value(of: "accuracy_ci_low") == nil)
        let attribute = try #require(audit.attributes.first { $0.policy == "keep_hard" && $0.attribute == "group" })
        #expect(Set(attribute.metrics.keys.map(\.rawValue)) == ["worst_group_accuracy", "accuracy_gap"])
    }

    /// Running the trainings on both cores gives exactly the sequential result,
    /// and a second run gives it again.
    @Test func parallelEqualsSequentialAndRepeats() throws {
        let plans = [Self.plantedPlan(), Self.randomPlan()]
        let sequential = try auditErrorRisk(
            plans: plans, inputs: Self.inputs(), progress: SilentProgress(), parallel: false)
        let parallel = try auditErrorRisk(
            plans: plans, inputs: Self.inputs(), progress: SilentProgress(), parallel: true)
        let again = try auditErrorRisk(plans: plans, inputs: Self.inputs(), progress: SilentProgress(), parallel: true)
        #expect(parallel.rows == sequential.rows && parallel.attributes == sequential.attributes)
        #expect(again.rows == parallel.rows && again.attributes == parallel.attributes)
        // Seeds matter: a different base seed changes the numbers.
        var other = Self.inputs()
        other.training.seed = 6
        let shifted = try auditErrorRisk(plans: plans, inputs: other, progress: SilentProgress(), parallel: false)
        #expect(shifted.rows != sequential.rows)
    }

    /// A plan that keeps everything shares the baseline's models: its deltas
    /// vs full are exactly 0 at every seed.
    @Test func unprunedPlanMatchesBaselineExactly() throws {
        let keepAll = PruningPlan(
            score: "el2n@0", policy: .keepHard, fraction: 0,
            removed: [Bool](repeating: false, count: Self.train.labels.count))
        let audit = try auditErrorRisk(
            plans: [keepAll], inputs: Self.inputs(seeds: 2), progress: SilentProgress(),
            parallel: false)
        for row in audit.rows where row.policy == "keep_hard" {
            #expect(row.metrics[.accuracyDeltaVsFull] == SeedSummary(values: [0, 0]))
        }
    }

    /// Progress: one begin, then one advance per training, ending at the total.
    @Test func reportsEveryTraining() throws {
        final class Recorder: ProgressReporter {
            var begins: [String] = []
            var advances: [(Int, Int)] = []
            func begin(_ step: String) { begins.append(step) }
            func advance(_ done: Int, of total: Int) { advances.append((done, total)) }
            func note(_ message: String) {}
        }
        let recorder = Recorder()
        _ = try auditErrorRisk(
            plans: [Self.plantedPlan()], inputs: Self.inputs(seeds: 2), progress: recorder,
            parallel: false)
        #expect(recorder.begins.count == 1)
        #expect(recorder.advances.map(\.0) == [1, 2, 3, 4] && recorder.advances.allSatisfy { $0.1 == 4 })
    }

    @Test func rejectsBadInputs() {
        var noSeeds = Self.inputs()
        noSeeds.retrainSeeds = 0
        #expect(throws: InputError.self) {
            try auditErrorRisk(plans: [], inputs: noSeeds, progress: SilentProgress(), parallel: false)
        }
        var badPositive = Self.inputs()
        badPositive.positiveClass = 2
        #expect(throws: InputError.self) {
            try auditErrorRisk(plans: [], inputs: badPositive, progress: SilentProgress(), parallel: false)
        }
        let removesAll = PruningPlan(
            score: "x", policy: .keepHard, fraction: 0.99,
            removed: [Bool](repeating: true, count: Self.train.labels.count))
        #expect(throws: InputError.self) {
            try auditErrorRisk(plans: [removesAll], inputs: Self.inputs(), progress: SilentProgress(), parallel: false)
        }
        let short = PruningPlan(score: "x", policy: .keepHard, fraction: 0.1, removed: [false, true])
        #expect(throws: InputError.self) {
            try auditErrorRisk(plans: [short], inputs: Self.inputs(), progress: SilentProgress(), parallel: false)
        }
    }
}
