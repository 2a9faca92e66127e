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

    /// The captured logits as an NPY record, read back through the memory-mapped reader.
    static func reimport(_ own: OwnTrainingRecords, rows: Int) throws -> MappedNPYTrainingRecords {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("own-\(UUID().uuidString).npy")
        let shape = [own.logits.count, own.logits[0].count, rows, own.classCount]
        try NPYWriter.float32(own.flattened, shape: shape).write(to: path)
        return try MappedNPYTrainingRecords(path: path.path, displayPath: "own.npy", firstEpoch: 0, ids: nil)
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
        let source = try Self.reimport(own, rows: 60)
        let imported = try scoreTrainingRecords(
            Self.epochScores, source: source, kind: .logits, exampleOfRow: Array(0..<60), labels: labels,
            memoryLimit: 7 * 3 * 4)
        #expect(source.slicesRead > 2 * 5)  // 7 rows per slice
        for (mine, theirs) in zip(computed, imported) {
            #expect(mine.name == theirs.name)
            #expect(mine.perSeed == theirs.perSeed, "\(mine.name) differs")
        }
    }

    /// Forgetting and AUM from the epoch-end records: each record epoch
    /// 1…E is one presentation. Checked against a plain recount from the
    /// captured logits (first arg-max for correctness, z_y − max other for the
    /// margin). DietAudit's own forgetting and AUM read the training forward
    /// pass of each mini-batch instead, so they are not expected to be equal.
    @Test func forgettingAndAUMCountRecordedEpochs() throws {
        let (features, labels) = Self.data()
        let own = try captureTrainingRecords(
            features: features, labels: labels, classCount: 3, model: Self.model, training: Self.training)
        let imported = try scoreTrainingRecords(
            [.init(kind: .forgetting), .init(kind: .aum)], source: try Self.reimport(own, rows: 60), kind: .logits,
            exampleOfRow: Array(0..<60), labels: labels, memoryLimit: 1 << 20)
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
                    sum += Double(row[labels[example]]) - Double(other)
                }
                #expect(imported[0].perSeed[seed][example] == (learned ? Double(flips) : 4))
                #expect(abs(imported[1].perSeed[seed][example] - sum / 4) < 1e-12)
            }
        }
    }
}
