import Foundation
import GRDB
import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Scoring
@testable import Storage

/// Migration "v10: per-example blobs" (docs/STORAGE.md): ids, labels, groups,
/// scores and plans stored as one blob per column, read back exactly; runs
/// stored before it still read; the score export streams chunk by chunk.
@Suite struct PerExampleBlobTests {
    static let groups = Grouping(
        name: "sex", kind: .attribute, groups: ["f", "m"], train: [0, 1, 1, 0, 1], test: [])

    /// Five examples with integer ids, two classes, one attribute, a one-seed
    /// score and a keep_hard plan.
    static func results(ids: ExampleColumns.Ids) -> RunResults {
        let labels = [0, 1, 0, 1, 1]
        let plan = PruningPlanner.plan(
            scores: [0.5, 0.1, 0.4, 0.2, 0.3], scoreName: "imported:s", direction: .harder, labels: labels,
            classCount: 2, policy: .keepHard, fraction: 0.4, seed: 0)
        var results = AuditDatabaseTests.results()
        results.examples = []
        results.exampleColumns = ExampleColumns(
            ids: ids, labels: labels, classNames: ["no", "yes"], attributes: [Self.groups])
        results.scores = [
            ScoreResult(name: "imported:s", kind: "imported", epoch: nil, perSeed: [[0.5, 0.1, 0.4, 0.2, 0.3]])
        ]
        results.plans = [plan]
        return results
    }

    @Test(arguments: [
        ExampleColumns.Ids.integers([10, -3, 7, 9_000_000_000, 0]),
        ExampleColumns.Ids.texts(["a", "b,c", "", "é", "line\nbreak"]),
    ])
    func blobsRoundTrip(ids: ExampleColumns.Ids) throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        let results = Self.results(ids: ids)
        try database.completeRun(id: id, results: results)
        #expect(try database.exampleColumns(runId: id) == results.exampleColumns)
        let stored = try database.loadRun(id: id)
        #expect(stored.exampleCount == 5)
        #expect(try database.exampleCount(runId: id) == 5)
        #expect(stored.scores.map(\.result.perSeed) == [[[0.5, 0.1, 0.4, 0.2, 0.3]]])
        let headers = try database.scoreHeaders(runId: id)
        #expect(headers.map(\.name) == ["imported:s"] && headers.map(\.seeds) == [1])
        #expect(headers.allSatisfy { $0.mean.isEmpty && $0.perSeed.isEmpty })
        #expect(stored.scores[0].perSeed.isEmpty)  // one seed: stored once, as the mean
        #expect(stored.plans[0].removed.isEmpty)
        #expect(stored.plans[0].removedBits == Data([0b0000_1010]))  // examples 1 and 3 (0.1, 0.2)
        #expect(stored.plans[0].removedFlags(count: 5) == Array(results.plans[0].removed))
    }

    @Test func bitSetsRoundTripAtEveryLength() {
        for count in 0..<20 {
            let flags = (0..<count).map { ($0 * 7) % 3 == 0 }
            let bits = LittleEndianBlob.encodeBits(flags)
            #expect(bits.count == (count + 7) / 8)
            #expect(LittleEndianBlob.decodeBits(bits, count: count) == flags)
        }
        #expect(
            LittleEndianBlob.encode([Int64(1), -2])
                == Data([1, 0, 0, 0, 0, 0, 0, 0] + [254] + Array(repeating: 255, count: 7)))
    }

    /// A database written before v10 (migrations v1–v9, example rows, a plan
    /// at one byte per example, a score with its per-seed blob) opens,
    /// migrates and reads as before: examples, plan flags, scores, export.
    @Test func olderRunStillReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-v9-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try AuditDatabase.migrator.migrate(queue, upTo: "v9: recommendations")
            try queue.write { db in
                try LegacyDatabase.insertRun(db)
                let runId: Int64 = 1
                let dataset = try JSONEncoder().encode(AuditDatabaseTests.record().dataset)
                try db.execute(
                    sql: "UPDATE run SET dataset = ? WHERE id = 1",
                    arguments: [String(decoding: dataset, as: UTF8.self)])
                for (position, label) in ["a", "b", "a"].enumerated() {
                    let row = ExampleRow(position: position, exampleId: "x\(position)", label: label)
                    try RunScopedRecord(runId: runId, content: row).insert(db)
                }
                let score = ScoreResult(name: "el2n@2", kind: "el2n", epoch: 2, perSeed: [[1, 2, 3], [3, 2, 1]])
                try RunScopedRecord(runId: runId, content: ScoreRow(position: 0, result: score)).insert(db)
                try db.execute(
                    sql: """
                        INSERT INTO plan (run_id, score, policy, fraction, removed_count, removed)
                        VALUES (?, 'el2n@2', 'keep_hard', 0.3, 1, ?)
                        """,
                    arguments: [runId, Data([0, 1, 0])])
            }
        }
        let database = try AuditDatabase(path: path)
        let stored = try database.loadRun(id: 1)
        #expect(stored.exampleCount == 3)
        #expect(try database.examples(runId: 1).map(\.exampleId) == ["x0", "x1", "x2"])
        #expect(stored.plans[0].removedBits == nil)
        #expect(stored.plans[0].removedFlags(count: 3) == [false, true, false])
        #expect(stored.scores[0].result.perSeed == [[1, 2, 3], [3, 2, 1]])
        var chunks: [ExampleChunk] = []
        try database.forEachExampleChunk(runId: 1, chunkSize: 2) { chunks.append($0) }
        #expect(chunks.map(\.start) == [0, 2])
        #expect(chunks.map(\.ids) == [["x0", "x1"], ["x2"]])
        #expect(chunks.map(\.labels) == [["a", "b"], ["a"]])
        #expect(chunks.map(\.means) == [[[2, 2]], [[2]]])
        #expect(chunks.map(\.perSeed) == [[[[1, 2], [3, 2]]], [[[3], [1]]]])
    }

    /// Streaming reads the v10 blobs piecewise: chunks of 2 give the
    /// examples and score values of the whole columns, in order.
    @Test func chunksCoverTheBlobs() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(AuditDatabaseTests.record())
        try database.completeRun(id: id, results: Self.results(ids: .texts(["a", "b,c", "", "é", "z"])))
        var chunks: [ExampleChunk] = []
        try database.forEachExampleChunk(runId: id, chunkSize: 2) { chunks.append($0) }
        #expect(chunks.map(\.start) == [0, 2, 4])
        #expect(chunks.flatMap(\.ids) == ["a", "b,c", "", "é", "z"])
        #expect(chunks.flatMap(\.labels) == ["no", "yes", "no", "yes", "yes"])
        #expect(chunks.flatMap { $0.means[0] } == [0.5, 0.1, 0.4, 0.2, 0.3])
        #expect(chunks.allSatisfy { $0.perSeed == [[]] })
    }
}
