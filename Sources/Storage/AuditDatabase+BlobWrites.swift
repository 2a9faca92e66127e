import Foundation
import GRDB
import GRDBSQLite

extension AuditDatabase {
    /// Stores `parts` (concatenated) as the blob `column` of row `rowid` of
    /// `table`, straight from the arrays' memory: the column is first set to
    /// a zero-filled blob of the right size, then written with SQLite's
    /// incremental blob I/O (`sqlite3_blob_write`), so a vector of ten
    /// million values is never copied into a `Data` nor bound as a parameter
    /// (each of which would hold another 80 MB).
    ///
    /// Values are written in the host's byte order, which is little-endian on
    /// every platform DietAudit builds for (checked: elsewhere the values are
    /// encoded by `bigEndianFallback` and bound as usual).
    static func writeBlob<Value: BitwiseCopyable>(
        _ db: Database, table: String, column: String, rowid: Int64, parts: [[Value]],
        bigEndianFallback: () -> Data
    ) throws {
        let width = MemoryLayout<Value>.stride
        let byteCount = parts.reduce(0) { $0 + $1.count * width }
        guard 1.littleEndian == 1 else {
            try db.execute(
                sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [bigEndianFallback(), rowid])
            return
        }
        try db.execute(
            sql: "UPDATE \(table) SET \(column) = zeroblob(?) WHERE rowid = ?", arguments: [byteCount, rowid])
        guard byteCount > 0 else { return }
        precondition(byteCount <= Int(Int32.max), "a blob holds at most 2 GiB")
        var handle: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowid, 1, &handle)
        guard opened == SQLITE_OK, let handle else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: opened), message: "cannot open blob \(table).\(column) for writing")
        }
        defer { sqlite3_blob_close(handle) }
        var offset = 0
        for part in parts {
            let code = part.withUnsafeBytes { bytes -> Int32 in
                guard let base = bytes.baseAddress, bytes.count > 0 else { return SQLITE_OK }
                return sqlite3_blob_write(handle, base, Int32(bytes.count), Int32(offset))
            }
            guard code == SQLITE_OK else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: "cannot write blob \(table).\(column)")
            }
            offset += part.count * width
        }
    }
}
