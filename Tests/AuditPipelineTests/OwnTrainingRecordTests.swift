import Datasets
import DietAuditCore
import DietAuditTestSupport
import Foundation
import Learning
import Scoring
import Testing

@testable import AuditPipeline

/// DietAudit's own training records (the logits at every epoch end, captured
/// through the trainer's observer), written as a float32 NPY record and
/// imported again, give the scores DietAudit computes from that same training.
@Suite struct OwnTrainingRecordTests {
    static let model = ModelSpec(kind: .mlp(hidden: [8]))
    static let training = TrainingSpec(epochs: 4, batchSize: 16, seeds: 2, seed: 11)
    static let epochScores: [ScoreSpec] = [
        .init(kind: .el2n(epoch: 0)), .init(kind: .el2n(epoch: 4)), .init(kind: .loss(epoch: 0)),
        .init(kind: .loss(epoch: 2)), .init(kind: .margin(epoch: 1)), .init(kind: .margin(epoch: 4)),
        .init(kind: .confidence), .init(kind: .variability),
    ]

    /// Three noisy classes in four dimensions, 20 examples each, two labels flipped.
    static func data() -> (features: FeatureMatrix, labels: [Int]) {
        var generator = SeededGenerator(seed: 5, stream: "own-records")
        var values = [Float](), labels = [Int]()
        for row in 0..<60 {
            let label = row % 3
            for column in 0..<4 { values.append(Float((column == label ? 2 : 0) + generator.normal())) }
            labels.append(row == 7 || row == 31 ? (label + 1) % 3 : label)
        }
        return (FeatureMatrix(values: values, rows: 60, columns: 4), labels)
    }

    /// The captured epoch-end logits (or, with `presentations`, the
    /// presentations' logits, epochs 1…E) as an NPY record, read back through
    /// the memory-mapped reader, rows aligned with the examples.
    static func reimport(_ own: OwnTrainingRecords, rows: Int, presentations: Bool = false) throws
        -> JoinedTrainingRecord
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("own-\(UUID().uuidString).npy")
        let epochs = presentations ? own.presentations[0].count : own.logits[0].count
        let values = presentations ? own.flattenedPresentations : own.flattened
        try NPYWriter.float32(values, shape: [own.logits.count, epochs, rows, own.classCount]).write(to: path)
        let source = try MappedNPYTrainingRecords(
            path: path.path, displayPath: "own.npy", firstEpoch: presentations ? 1 : 0, ids: nil)
        return JoinedTrainingRecord(source: source, kind: .logits, exampleOfRow: Array(0..<rows))
    }

    /// el2n@t, loss@t, margin@t, confidence and variability: bit for bit.
    @Test func reimportedOwnRecordsGiveTheSameScores() throws {
        let (features, labels) = Self.data()
        let own = try captureTrainingRecords(
            features: features, labels: labels, classCount: 3, model: Self.model, training: Self.training)
        #expect(own.logits.count == 2 && own.logits.allSatisfy { $0.count == 5 })
        let computed = try computeScores(
            Self.epochScores, features: features, labels: labels, classCount: 3, model: Self.model,
            training: Self.training, progress: SilentProgress(), parallel: false)
        let record = try Self.reimport(own, rows: 60)
        let imported = try scoreTrainingRecords(
            Self.epochScores, records: record, labels: labels, memoryLimit: 7 * 3 * 4)
        #expect(record.source.slicesRead == 2 * 5 * 9)  // 7 rows per slice: 9 slices of each of 5 epochs
        for (mine, theirs) in zip(computed, imported) {
            #expect(mine.name == theirs.name)
            #expect(mine.perSeed == theirs.perSeed, "\(mine.name) differs")
        }
    }

    /// With the presentations (each example's mini-batch forward pass,
    /// captured before the batch's update) as a second record, forgetting and
    /// AUM equal DietAudit's own: the forward pass is run again on the batch's
    /// rows, so AUM is allowed 1e-6 in case BLAS sums a smaller matrix in
    /// another order; forgetting must be equal.
    @Test func presentationRecordsGiveOwnForgettingAndAUM() throws {
        let (features, labels) = Self.data()
        let own = try captureTrainingRecords(
            features: features, labels: labels, classCount: 3, model: Self.model, training: Self.training)
        #expect(own.presentations.count == 2 && own.presentations.allSatisfy { $0.count == 4 })
        #expect(own.flattenedPresentations.allSatisfy { $0.isFinite })  // every example presented every epoch
        let specs: [ScoreSpec] = [.init(kind: .forgetting), .init(kind: .aum), .init(kind: .el2n(epoch: 3))]
        let computed = try computeScores(
            specs, features: features, labels: labels, classCount: 3, model: Self.model,
            training: Self.training, progress: SilentProgress(), parallel: false)
        let imported = try scoreTrainingRecords(
            specs, records: try Self.reimport(own, rows: 60),
            presentations: try Self.reimport(own, rows: 60, presentations: true), labels: labels,
            memoryLimit: 1 << 20)
        #expect(imported[0].perSeed == computed[0].perSeed)
        for seed in 0..<2 {
            for example in 0..<60 {
                #expect(abs(imported[1].perSeed[seed][example] - computed[1].perSeed[seed][example]) < 1e-6)
            }
        }
        #expect(imported[2].perSeed == computed[2].perSeed)
        #expect(computed[0].perSeed.joined().contains { $0 > 0 })  // some example is forgotten
    }

    /// Forgetting and AUM from the epoch-end records alone: each record epoch
    /// 1…E is one presentation. Checked against a plain recount from the
    /// captured logits (first arg-max for correctness, z_y − max other for the
    /// margin, subtracted in Float like the trainer's). DietAudit's own forgetting and AUM read the training forward
    /// pass of each mini-batch instead (see the test above).
    @Test func forgettingAndAUMCountRecordedEpochs() throws {
        let (features, labels) = Self.data()
        let own = try captureTrainingRecords(
            features: features, labels: labels, classCount: 3, model: Self.model, training: Self.training)
        let imported = try scoreTrainingRecords(
            [.init(kind: .forgetting), .init(kind: .aum)], records: try Self.reimport(own, rows: 60), labels: labels,
            memoryLimit: 1 << 20)
        for (seed, epochs) in own.logits.enumerated() {
            for example in 0..<60 {
                var flips = 0, learned = false, previous: Bool?, sum = 0.0
                for logits in epochs.dropFirst() {
                    let row = Array(logits[(example * 3)..<(example * 3 + 3)])
                    let best = row.firstIndex(of: row.max()!)!
                    let correct = best == labels[example]
                    if previous == true && !correct { flips += 1 }
                    learned = learned || correct
                    previous = correct
                    let other = row.enumerated().filter { $0.offset != labels[example] }.map(\.element).max()!
                    sum += Double(row[labels[example]] - other)  // subtracted in Float, as the trainer does
                }
                #expect(imported[0].perSeed[seed][example] == (learned ? Double(flips) : 4))
                #expect(abs(imported[1].perSeed[seed][example] - sum / 4) < 1e-12)
            }
        }
    }
}
