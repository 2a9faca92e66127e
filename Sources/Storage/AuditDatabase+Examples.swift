import DietAuditCore
import Foundation
import GRDB
import GRDBSQLite

/// A run's training examples, a slice at a time: what `export scores`
/// streams (docs/STORAGE.md).
public struct ExampleChunk: Sendable {
    /// Position of the first example of the chunk in the training split.
    public var start: Int
    public var ids: [String]
    public var labels: [String]
    /// Per score (in the run's score order): the seed-averaged values of the chunk's examples.
    public var means: [[Double]]
    /// Per score, per seed: the chunk's values (empty for a score with one seed).
    public var perSeed: [[[Double]]]
}

extension AuditDatabase {
    /// The number of training examples of run `id`, from either layout.
    static func exampleCount(runId: Int64, _ db: Database) throws -> Int {
        if let count = try Int.fetchOne(db, sql: "SELECT count FROM example_data WHERE run_id = ?", arguments: [runId])
        {
            return count
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM example WHERE run_id = ?", arguments: [runId]) ?? 0
    }

    /// The training examples of run `id` (ids, labels, attribute groups), from
    /// the v10 blobs or, for an older run, its `example` rows. Holds them all
    /// in memory; ``forEachExampleChunk(runId:chunkSize:_:)`` does not.
    public func exampleColumns(runId: Int64) throws -> ExampleColumns {
        try writer.read { db in
            if let record = try ExampleDataRecord.fetchOne(
                db, sql: "SELECT * FROM example_data WHERE run_id = ?", arguments: [runId])
            {
                let attributes = try ExampleGroupingRecord.fetchAll(
                    db, sql: "SELECT * FROM example_grouping WHERE run_id = ? ORDER BY position", arguments: [runId])
                return ExampleColumns(
                    ids: record.decodedIds, labels: record.decodedLabels, classNames: record.decodedClassNames,
                    attributes: attributes.map(\.grouping))
            }
            let rows = try RunScopedRecord<ExampleRow>.filter(Column("run_id") == runId).order(Column("position"))
                .fetchAll(db).map(\.content)
            return ExampleColumns(rows: rows)
        }
    }

    /// The number of training examples of run `id`.
    public func exampleCount(runId: Int64) throws -> Int {
        try writer.read { db in try Self.exampleCount(runId: runId, db) }
    }

    /// The scores of run `id` without their values (`mean` and `per_seed`
    /// empty): names, kinds, seeds and directions, for streaming exports.
    public func scoreHeaders(runId: Int64) throws -> [ScoreRow] {
        try writer.read { db in
            try RunScopedRecord<ScoreRow>.fetchAll(
                db,
                sql: """
                    SELECT run_id, position, name, kind, epoch, seeds, higher_is, x'' AS mean, x'' AS per_seed
                    FROM score WHERE run_id = ? ORDER BY position
                    """,
                arguments: [runId]
            ).map(\.content)
        }
    }

    /// The training examples of run `id` as rows (position, id, label).
    public func examples(runId: Int64) throws -> [ExampleRow] {
        try exampleColumns(runId: runId).rows
    }

    /// Hands the training examples of run `id` with their score values to
    /// `body`, `chunkSize` examples at a time, in training order. Memory is
    /// one chunk: blobs are read piecewise (SQLite incremental blob I/O), and
    /// an older run's `example` rows through a cursor.
    public func forEachExampleChunk(
        runId: Int64, chunkSize: Int = 65_536, _ body: (ExampleChunk) throws -> Void
    ) throws {
        precondition(chunkSize > 0, "chunks hold at least one example")
        try writer.read { db in
            let scores = try ScoreBlobs(runId: runId, db)
            if let layout = try ExampleBlobs(runId: runId, db) {
                var start = 0
                while start < layout.count {
                    let count = min(chunkSize, layout.count - start)
                    let (ids, labels) = try layout.read(start: start, count: count)
                    try body(try scores.chunk(start: start, ids: ids, labels: labels))
                    start += count
                }
                return
            }
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT example_id, label FROM example WHERE run_id = ? ORDER BY position",
                arguments: [runId])
            var ids: [String] = [], labels: [String] = [], start = 0
            while let row = try cursor.next() {
                ids.append(row[0])
                labels.append(row[1])
                if ids.count == chunkSize {
                    try body(try scores.chunk(start: start, ids: ids, labels: labels))
                    start += ids.count
                    ids.removeAll(keepingCapacity: true)
                    labels.removeAll(keepingCapacity: true)
                }
            }
            if !ids.isEmpty { try body(try scores.chunk(start: start, ids: ids, labels: labels)) }
        }
    }
}

/// Piecewise reads of one blob (sqlite3_blob_open / sqlite3_blob_read).
final class BlobReader {
    private var handle: OpaquePointer?
    let length: Int

    init(_ db: Database, table: String, column: String, rowid: Int64) throws {
        let code = sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowid, 0, &handle)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: "cannot open blob \(table).\(column) of row \(rowid)")
        }
        length = Int(sqlite3_blob_bytes(handle))
    }

    deinit { sqlite3_blob_close(handle) }

    /// `count` bytes from `offset`.
    func read(offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let code = bytes.withUnsafeMutableBytes { buffer in
            sqlite3_blob_read(handle, buffer.baseAddress, Int32(count), Int32(offset))
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot read blob at \(offset)")
        }
        return bytes
    }

    /// `count` little-endian values of `Value` from element `index`.
    func values<Value: FixedWidthInteger>(from index: Int, count: Int, as type: Value.Type) throws -> [Value] {
        let width = MemoryLayout<Value>.size
        return LittleEndianBlob.decode(Data(try read(offset: index * width, count: count * width)), as: type)
    }
}

/// The v10 example blobs of one run, opened for piecewise reading.
private struct ExampleBlobs {
    let count: Int
    let integerIds: Bool
    let ids: BlobReader
    let offsets: BlobReader?
    let labels: BlobReader
    let wideLabels: Bool
    let classNames: [String]

    init?(runId: Int64, _ db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT rowid, count, id_type, label_type, class_names FROM example_data WHERE run_id = ?",
                arguments: [runId])
        else { return nil }
        let rowid: Int64 = row[0]
        count = row[1]
        integerIds = (row[2] as String) == BlobElementType.int64.rawValue
        wideLabels = (row[3] as String) == BlobElementType.uint32.rawValue
        classNames = (try? JSONDecoder().decode([String].self, from: Data((row[4] as String).utf8))) ?? []
        ids = try BlobReader(db, table: "example_data", column: "ids", rowid: rowid)
        offsets = integerIds ? nil : try BlobReader(db, table: "example_data", column: "id_offsets", rowid: rowid)
        labels = try BlobReader(db, table: "example_data", column: "labels", rowid: rowid)
    }

    func read(start: Int, count: Int) throws -> (ids: [String], labels: [String]) {
        let idTexts: [String]
        if integerIds {
            idTexts = try ids.values(from: start, count: count, as: Int64.self).map { String($0) }
        } else {
            let bounds = try offsets!.values(from: start, count: count + 1, as: UInt64.self).map { Int($0) }
            let bytes = try ids.read(offset: bounds[0], count: bounds[count] - bounds[0])
            idTexts = (0..<count).map {
                String(decoding: bytes[(bounds[$0] - bounds[0])..<(bounds[$0 + 1] - bounds[0])], as: UTF8.self)
            }
        }
        let classes =
            wideLabels
            ? try labels.values(from: start, count: count, as: UInt32.self).map { Int($0) }
            : try labels.read(offset: start, count: count).map { Int($0) }
        return (idTexts, classes.map { classNames[$0] })
    }
}

/// The score blobs of one run, opened for piecewise reading.
private struct ScoreBlobs {
    let means: [BlobReader]
    /// Per score: its per-seed blob and seed count, when it has several seeds.
    let perSeed: [(reader: BlobReader, seeds: Int)?]

    init(runId: Int64, _ db: Database) throws {
        let rows = try Row.fetchAll(
            db, sql: "SELECT rowid, seeds, length(per_seed) FROM score WHERE run_id = ? ORDER BY position",
            arguments: [runId])
        means = try rows.map { try BlobReader(db, table: "score", column: "mean", rowid: $0[0]) }
        perSeed = try rows.map { row in
            let seeds: Int = row[1], length: Int = row[2]
            guard length > 0 else { return nil }  // v10: one seed, stored once as the mean
            return (try BlobReader(db, table: "score", column: "per_seed", rowid: row[0]), seeds)
        }
    }

    func chunk(start: Int, ids: [String], labels: [String]) throws -> ExampleChunk {
        let count = ids.count
        let meanValues = try means.map { reader in
            try reader.values(from: start, count: count, as: UInt64.self).map(Double.init(bitPattern:))
        }
        let seedValues = try zip(means, perSeed).map { mean, entry -> [[Double]] in
            guard let entry else { return [] }
            let total = mean.length / 8
            return try (0..<entry.seeds).map { seed in
                try entry.reader.values(from: seed * total + start, count: count, as: UInt64.self).map(
                    Double.init(bitPattern:))
            }
        }
        return ExampleChunk(start: start, ids: ids, labels: labels, means: meanValues, perSeed: seedValues)
    }
}
