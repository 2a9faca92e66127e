import Datasets
import DietAuditCore
import DietAuditTestSupport
import Foundation
import Scoring
import Testing

@testable import AuditPipeline

/// Scores computed from imported training records: against numpy on small
/// hand-written records, in slices under a memory limit, from CSV and from
/// probabilities, through a spec.
@Suite struct TrainingRecordTests {
    static let allScores: [ScoreSpec] = [
        .init(kind: .el2n(epoch: 0)), .init(kind: .el2n(epoch: 2)), .init(kind: .loss(epoch: 1)),
        .init(kind: .margin(epoch: 3)), .init(kind: .forgetting), .init(kind: .aum), .init(kind: .confidence),
        .init(kind: .variability),
    ]

    /// A fresh folder with the hand records as float64 logits (`records.npy`).
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try NPYWriter.float64(HandRecords.flatLogits, shape: HandRecords.shape)
            .write(to: folder.appendingPathComponent("records.npy"))
        return folder
    }

    static func score(
        _ source: TrainingRecordSource, kind: ClassOutputKind = .logits, memoryLimit: Int = 1 << 20
    ) throws -> [ScoreResult] {
        try scoreTrainingRecords(
            allScores, records: JoinedTrainingRecord(source: source, kind: kind, exampleOfRow: Array(0..<5)),
            labels: HandRecords.labels, memoryLimit: memoryLimit)
    }

    /// Every score of every seed equals numpy's within `tolerance`.
    static func expectReference(_ results: [ScoreResult], tolerance: Double) {
        for result in results {
            let expected = HandRecords.expected[result.name]!
            #expect(result.perSeed.count == 2)
            for (seed, row) in result.perSeed.enumerated() {
                for (example, value) in row.enumerated() {
                    let reference = expected[seed][example]
                    #expect(
                        abs(value - reference) <= tolerance,
                        "\(result.name) seed \(seed) example \(example): \(value) vs numpy \(reference)")
                }
            }
        }
    }

    @Test func logitRecordsGiveNumpysScores() throws {
        let folder = try Self.folder()
        let source = try MappedNPYTrainingRecords(
            path: folder.appendingPathComponent("records.npy").path, displayPath: "records.npy", firstEpoch: 0,
            ids: nil)
        #expect(source.epochs == [0, 1, 2, 3])
        #expect((source.seedCount, source.rowCount, source.classCount) == (2, 5, 3))
        let results = try Self.score(source)
        #expect(results.map(\.name) == Self.allScores.map(\.name))
        Self.expectReference(results, tolerance: 1e-12)
        #expect(results.first { $0.name == "forgetting" }!.perSeed[1][3] == 3)  // never learned: the last epoch
    }

    @Test func probabilityRecordsGiveTheSameScores() throws {
        let folder = try Self.folder()
        let path = folder.appendingPathComponent("probabilities.npy")
        try NPYWriter.float64(HandRecords.flatProbabilities, shape: HandRecords.shape).write(to: path)
        let source = try MappedNPYTrainingRecords(
            path: path.path, displayPath: "probabilities.npy", firstEpoch: 0, ids: nil)
        Self.expectReference(try Self.score(source, kind: .probabilities), tolerance: 1e-12)
    }

    /// A budget of 48 bytes holds two rows of three float64 values: every
    /// (seed, epoch) slab of 5 rows is read as 3 slices; one byte gives one
    /// row per slice. The scores do not change.
    @Test func memoryLimitBoundsTheSlices() throws {
        let path = try Self.folder().appendingPathComponent("records.npy").path
        func run(limit: Int) throws -> (slices: Int, scores: [ScoreResult]) {
            let source = try MappedNPYTrainingRecords(path: path, displayPath: "r.npy", firstEpoch: 0, ids: nil)
            let scores = try Self.score(source, memoryLimit: limit)
            return (source.slicesRead, scores)
        }
        let whole = try run(limit: 1 << 20), pairs = try run(limit: 48), single = try run(limit: 1)
        #expect(whole.slices == 2 * 4)
        #expect(pairs.slices == 2 * 4 * 3)
        #expect(single.slices == 2 * 4 * 5)
        #expect(pairs.scores == whole.scores)
        #expect(single.scores == whole.scores)
    }

    @Test func memoryLimitIsReadFromTheEnvironment() throws {
        #expect(try MemoryLimit.fromEnvironment([:]) == MemoryLimit.defaultBytes)
        #expect(try MemoryLimit.fromEnvironment(["DIETAUDIT_MEMORY_LIMIT": "512M"]) == 512 << 20)
        #expect(MemoryLimit.parse("4096") == 4096)
        #expect(MemoryLimit.parse("2GiB") == 2 << 30)
        #expect(MemoryLimit.parse("64kb") == 64 << 10)
        #expect(MemoryLimit.parse("0") == nil)
        #expect(MemoryLimit.parse("lots") == nil)
        #expect(throws: InputError.self) { try MemoryLimit.fromEnvironment(["DIETAUDIT_MEMORY_LIMIT": "-1"]) }
    }

    /// Only the epochs some score needs are read: `el2n@2` alone reads one
    /// slab per seed.
    @Test func onlyNeededEpochsAreRead() throws {
        let path = try Self.folder().appendingPathComponent("records.npy").path
        let source = try MappedNPYTrainingRecords(path: path, displayPath: "r.npy", firstEpoch: 0, ids: nil)
        let results = try scoreTrainingRecords(
            [ScoreSpec(kind: .el2n(epoch: 2))],
            records: JoinedTrainingRecord(source: source, kind: .logits, exampleOfRow: Array(0..<5)),
            labels: HandRecords.labels, memoryLimit: 1 << 20)
        #expect(source.slicesRead == 2)
        Self.expectReference(results, tolerance: 1e-12)
    }
}

/// Byte order and the CSV reader's refusals.
@Suite struct TrainingRecordFileTests {
    /// A big-endian float64 record is swapped into place: the same scores.
    @Test func bigEndianRecordsGiveTheSameScores() throws {
        let folder = try TrainingRecordTests.folder()
        let path = folder.appendingPathComponent("big-endian.npy")
        let payload = HandRecords.flatLogits.flatMap { value in
            withUnsafeBytes(of: value.bitPattern.bigEndian) { Array($0) }
        }
        try NPYWriter.file(descr: ">f8", shape: HandRecords.shape, payload: payload).write(to: path)
        let source = try MappedNPYTrainingRecords(path: path.path, displayPath: "b.npy", firstEpoch: 0, ids: nil)
        TrainingRecordTests.expectReference(try TrainingRecordTests.score(source), tolerance: 1e-12)
    }

    func csv(_ text: String) throws -> String {
        let folder = try TrainingRecordTests.folder()
        let path = folder.appendingPathComponent("r.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func csvRecordsAreCheckedLineByLine() throws {
        let header = "seed,epoch,id,logit_0,logit_1\n"
        let good = "0,1,a,0.5,0.1\n0,1,b,0.2,0.3\n0,2,a,0.5,0.1\n0,2,b,0.2,0.3\n"
        let records = try CSVTrainingRecords(path: try csv(header + good), displayPath: "r.csv")
        #expect((records.seedCount, records.epochs, records.rowCount, records.classCount) == (1, [1, 2], 2, 2))
        #expect(records.ids == ["a", "b"] && records.holdsLogits)
        let twice = message {
            _ = try CSVTrainingRecords(path: try csv(header + good + "0,2,b,1,1\n"), displayPath: "r.csv")
        }
        #expect(twice.contains("r.csv:6: seed 0, epoch 2, id b appears twice (first on line 5)"))
        let missing = message {
            _ = try CSVTrainingRecords(path: try csv(header + good + "1,1,a,1,1\n"), displayPath: "r.csv")
        }
        #expect(missing.contains("3 (seed, epoch, id) combinations have no line (seed 1 epoch 1 id b; seed 1 epoch 2"))
        let mixed = message {
            _ = try CSVTrainingRecords(path: try csv("seed,epoch,id,logit_0,prob_1\n0,1,a,1,1\n"), displayPath: "r.csv")
        }
        #expect(mixed.contains("mixes logit_ and prob_ columns"))
        let numbering = message {
            _ = try CSVTrainingRecords(path: try csv("seed,epoch,id,prob_0,prob_2\n0,1,a,1,1\n"), displayPath: "r.csv")
        }
        #expect(numbering.contains("class columns must be prob_0…prob_1, one per class; found 'prob_0', 'prob_2'"))
        let epochs = message {
            _ = try CSVTrainingRecords(path: try csv(header + "0,2,a,1,1\n0,4,a,1,1\n"), displayPath: "r.csv")
        }
        #expect(epochs.contains("expected consecutive epochs from 0 (at initialisation) or 1"))
        let word = message {
            _ = try CSVTrainingRecords(path: try csv(header + "0,1,a,high,1\n"), displayPath: "r.csv")
        }
        #expect(word.contains("r.csv:2: column 'logit_0': 'high' is not a number"))
    }
}
