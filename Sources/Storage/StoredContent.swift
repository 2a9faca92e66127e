import Auditing
import Foundation
import GRDB
import Rules
import Scoring

extension CompositionRow: RunScopedContent {
    public static var tableName: String { "composition" }
}

extension AttributeRow: RunScopedContent {
    public static var tableName: String { "attribute_metric" }
}

extension Finding: RunScopedContent {
    public static var tableName: String { "finding" }
}

/// One training example of a run (table `example`), in training order: the
/// id and label needed to export scores.
public struct ExampleRow: RunScopedContent, Equatable {
    public static var tableName: String { "example" }
    /// Position in the training split (0-based), the index of every score vector.
    public var position: Int
    public var exampleId: String
    public var label: String

    enum CodingKeys: String, CodingKey {
        case position
        case exampleId = "example_id"
        case label
    }

    public init(position: Int, exampleId: String, label: String) {
        self.position = position
        self.exampleId = exampleId
        self.label = label
    }
}

/// One score of a run (table `score`) with its seed-averaged and per-seed
/// values (little-endian Float64 blobs, one value per training example).
public struct ScoreRow: RunScopedContent, Equatable {
    public static var tableName: String { "score" }
    /// Position in the spec's score list.
    public var position: Int
    public var name: String
    public var kind: String
    public var epoch: Int?
    public var seeds: Int
    /// Which end is hard, column `higher_is` (migration "v3: score direction").
    /// Rows written before it hold `NULL`; ``direction`` then falls back to the
    /// kind's built-in direction (`harder` for `imported`).
    public var higherIs: ScoreDirection?
    /// Seed-averaged values.
    public var mean: Data
    /// `seeds` vectors of values, concatenated; empty (from v10) when there is
    /// one seed, whose values are then ``mean``.
    public var perSeed: Data

    enum CodingKeys: String, CodingKey {
        case position, name, kind, epoch, seeds
        case higherIs = "higher_is"
        case mean
        case perSeed = "per_seed"
    }

    /// Inserts the row of `result`, its vectors written straight from their
    /// arrays (``AuditDatabase/writeBlob(_:table:column:rowid:parts:)``): the
    /// same bytes as ``init(position:result:)`` encodes, without copies.
    static func insert(runId: Int64, position: Int, result: ScoreResult, _ db: Database) throws {
        let empty = ScoreResult(
            name: result.name, kind: result.kind, epoch: result.epoch, direction: result.direction, perSeed: [[]])
        var row = ScoreRow(position: position, result: empty)
        row.seeds = result.perSeed.count
        try RunScopedRecord(runId: runId, content: row).insert(db)
        let rowid = db.lastInsertedRowID
        try AuditDatabase.writeBlob(
            db, table: tableName, column: "mean", rowid: rowid, parts: [result.mean],
            bigEndianFallback: { encode(result.mean) })
        if result.perSeed.count > 1 {
            try AuditDatabase.writeBlob(
                db, table: tableName, column: "per_seed", rowid: rowid, parts: result.perSeed,
                bigEndianFallback: { encode(result.perSeed.flatMap { $0 }) })
        }
    }

    /// The stored direction, or for an old row the kind's built-in one.
    public var direction: ScoreDirection { higherIs ?? ScoreDirection.builtIn(forKind: kind) }

    public init(position: Int, result: ScoreResult) {
        self.position = position
        name = result.name
        kind = result.kind
        epoch = result.epoch
        seeds = result.perSeed.count
        higherIs = result.direction
        mean = Self.encode(result.mean)
        perSeed = result.perSeed.count == 1 ? Data() : Self.encode(result.perSeed.flatMap { $0 })
    }

    /// The values back as a ``ScoreResult``.
    public var result: ScoreResult {
        let flat = seeds == 1 && perSeed.isEmpty ? Self.decode(mean) : Self.decode(perSeed)
        let count = seeds > 0 ? flat.count / seeds : 0
        let rows = (0..<seeds).map { Array(flat[($0 * count)..<(($0 + 1) * count)]) }
        return ScoreResult(name: name, kind: kind, epoch: epoch, direction: direction, perSeed: rows)
    }

    static func encode(_ values: [Double]) -> Data { LittleEndianBlob.encode(values) }

    static func decode(_ data: Data) -> [Double] { LittleEndianBlob.decodeDoubles(data) }
}

/// One pruning plan of a run (table `plan`): which training examples it removes.
public struct PlanRow: RunScopedContent, Equatable {
    public static var tableName: String { "plan" }
    public var score: String?
    public var policy: String
    public var fraction: Double
    public var removedCount: Int
    /// Runs stored before migration "v10: per-example blobs": one byte per
    /// training example, 1 removed, 0 kept. Empty in later runs.
    public var removed: Data
    /// From v10: one bit per training example, 1 removed (``LittleEndianBlob/encodeBits(_:)``);
    /// `nil` in earlier runs.
    public var removedBits: Data?

    enum CodingKeys: String, CodingKey {
        case score, policy, fraction
        case removedCount = "removed_count"
        case removed
        case removedBits = "removed_bits"
    }

    public init(plan: PruningPlan) {
        score = plan.score
        policy = plan.policy.rawValue
        fraction = plan.fraction
        removedCount = plan.removedCount
        removed = Data()
        removedBits = Data(plan.removed.littleEndianBytes)
    }

    /// Whether each of `count` training examples is removed, from either layout.
    public func removedFlags(count: Int) -> [Bool] {
        if let removedBits { return LittleEndianBlob.decodeBits(removedBits, count: count) }
        return removed.map { $0 != 0 }
    }

    /// A plan counted in a SQL engine: its removed count, and no per-example
    /// bytes (the examples never left the engine).
    public init(counted plan: CountedPlan) {
        score = plan.score
        policy = plan.policy.rawValue
        fraction = plan.fraction
        removedCount = plan.removedCount
        removed = Data()
    }
}

/// Validity of one score (table `validity`); see DESIGN.md "Score validity".
public struct ValidityRow: RunScopedContent, Equatable {
    public static var tableName: String { "validity" }
    public var score: String
    public var seedStability: Double?
    public var inputNormSpearman: Double?
    public var classDependence: Double?

    enum CodingKeys: String, CodingKey {
        case score
        case seedStability = "seed_stability"
        case inputNormSpearman = "input_norm_spearman"
        case classDependence = "class_dependence"
    }

    public init(_ validity: ScoreValidity) {
        score = validity.score
        seedStability = validity.seedStability
        inputNormSpearman = validity.inputNormSpearman
        classDependence = validity.classDependence
    }
}
