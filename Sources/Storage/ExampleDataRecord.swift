import DietAuditCore
import Foundation
import GRDB

/// Element types of the per-example blobs, as the `*_type` columns name them.
enum BlobElementType: String, Codable {
    case uint8, uint32, int32, int64, utf8
}

/// The row of table `example_data` (migration "v10: per-example blobs"):
/// one per run, every column of ``ExampleColumns`` but the attributes as one
/// blob (layout in docs/STORAGE.md).
struct ExampleDataRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "example_data"
    var runId: Int64
    var count: Int
    /// `int64` (ids: count × Int64 LE) or `utf8` (ids: the UTF-8 bytes of
    /// every id concatenated; idOffsets: count + 1 UInt64 LE offsets into them).
    var idType: BlobElementType
    var ids: Data
    var idOffsets: Data?
    /// `uint8` or `uint32`: each example's class index, little-endian.
    var labelType: BlobElementType
    var labels: Data
    /// JSON array of the class names, in class-index order.
    var classNames: String

    enum CodingKeys: String, CodingKey {
        case runId = "run_id"
        case count
        case idType = "id_type"
        case ids
        case idOffsets = "id_offsets"
        case labelType = "label_type"
        case labels
        case classNames = "class_names"
    }

    /// The record of `columns`; integer ids are left out (`ids` empty) when
    /// `integerIdsLater`, for ``insert(runId:columns:_:)`` to write them in place.
    init(runId: Int64, columns: ExampleColumns, integerIdsLater: Bool = false) {
        self.runId = runId
        count = columns.labels.count
        switch columns.ids {
        case .integers(let values):
            idType = .int64
            ids = integerIdsLater ? Data() : LittleEndianBlob.encode(values)
            idOffsets = nil
        case .texts(let values):
            idType = .utf8
            var bytes: [UInt8] = []
            var offsets: [UInt64] = [0]
            offsets.reserveCapacity(values.count + 1)
            for id in values {
                bytes.append(contentsOf: id.utf8)
                offsets.append(UInt64(bytes.count))
            }
            ids = Data(bytes)
            idOffsets = LittleEndianBlob.encode(offsets)
        }
        if columns.classNames.count <= 256 {
            labelType = .uint8
            labels = LittleEndianBlob.encode(columns.labels.map { UInt8(truncatingIfNeeded: $0) })
        } else {
            labelType = .uint32
            labels = LittleEndianBlob.encode(columns.labels.map { UInt32(truncatingIfNeeded: $0) })
        }
        classNames = String(decoding: (try? JSONEncoder().encode(columns.classNames)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Inserts the row of `columns`, writing integer ids straight from their
    /// array (``AuditDatabase/writeBlob(_:table:column:rowid:parts:)``).
    static func insert(runId: Int64, columns: ExampleColumns, _ db: Database) throws {
        try ExampleDataRecord(runId: runId, columns: columns, integerIdsLater: true).insert(db)
        if case .integers(let values) = columns.ids {
            try AuditDatabase.writeBlob(
                db, table: databaseTableName, column: "ids", rowid: runId, parts: [values],
                bigEndianFallback: { LittleEndianBlob.encode(values) })
        }
    }

    /// The class names back from their JSON.
    var decodedClassNames: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(classNames.utf8))) ?? []
    }

    /// The labels back as class indices.
    var decodedLabels: [Int] {
        labelType == .uint8
            ? LittleEndianBlob.decode(labels, as: UInt8.self).map(Int.init)
            : LittleEndianBlob.decode(labels, as: UInt32.self).map(Int.init)
    }

    /// The ids back.
    var decodedIds: ExampleColumns.Ids {
        if idType == .int64 { return .integers(LittleEndianBlob.decode(ids, as: Int64.self)) }
        let offsets = LittleEndianBlob.decode(idOffsets ?? Data(), as: UInt64.self).map(Int.init)
        let bytes = [UInt8](ids)
        return .texts(
            (0..<max(offsets.count - 1, 0)).map {
                String(decoding: bytes[offsets[$0]..<offsets[$0 + 1]], as: UTF8.self)
            })
    }
}

/// One row of table `example_grouping` (migration "v10: per-example blobs"):
/// an audited attribute's groups and each example's group code.
struct ExampleGroupingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "example_grouping"
    var runId: Int64
    var position: Int
    var name: String
    /// JSON array of the group labels, in code order.
    var groups: String
    /// `uint8` (one byte per example) or `int32` (four, little-endian).
    var codeType: BlobElementType
    var codes: Data

    enum CodingKeys: String, CodingKey {
        case runId = "run_id"
        case position, name, groups
        case codeType = "code_type"
        case codes
    }

    init(runId: Int64, position: Int, grouping: Grouping) {
        self.runId = runId
        self.position = position
        name = grouping.name
        groups = String(decoding: (try? JSONEncoder().encode(grouping.groups)) ?? Data("[]".utf8), as: UTF8.self)
        if let bytes = grouping.train.narrowBytes {
            codeType = .uint8
            codes = Data(bytes)
        } else {
            codeType = .int32
            codes = LittleEndianBlob.encode(grouping.train.wideCodes ?? grouping.train.map { Int32($0) })
        }
    }

    /// The grouping back (training codes only; kind `attribute`).
    var grouping: Grouping {
        let names = (try? JSONDecoder().decode([String].self, from: Data(groups.utf8))) ?? []
        let trainCodes =
            codeType == .uint8
            ? GroupCodes(bytes: [UInt8](codes)) : GroupCodes(wide: LittleEndianBlob.decode(codes, as: Int32.self))
        return Grouping(name: name, kind: .attribute, groups: names, trainCodes: trainCodes, test: [])
    }
}
