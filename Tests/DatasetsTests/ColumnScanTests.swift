import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// ``ColumnScan`` reads the same columns whatever its buffer size: lines
/// that straddle reads, a line longer than the buffer, a last line without
/// its line feed, and more rows than its first estimate reserved.
@Suite struct ColumnScanTests {
    static func file(rows: Int, trailingNewline: Bool) throws -> String {
        var lines = ["id,label,colour,score"]
        for row in 0..<rows {
            // Row 7's colour is 300 bytes long: longer than the smallest buffers below.
            let colour = row == 7 ? String(repeating: "c", count: 300) : ["red", "green", "blue"][row % 3]
            let score = row % 5 == 0 ? "-\(row).25" : "\(row).5e-1"
            lines.append("\((row * 37) % rows - 9),\(row % 2),\(colour),\(score)")
        }
        return try TestData.write(lines.joined(separator: "\n") + (trailingNewline ? "\n" : ""), name: "scan.csv")
    }

    static let columns: [(name: String, kind: ScannedColumnKind)] = [
        ("colour", .category), ("id", .identifier), ("score", .number),
    ]

    @Test(arguments: [false, true])
    func everyBufferSizeReadsTheSame(trailingNewline: Bool) throws {
        let rows = 2_000
        let path = try Self.file(rows: rows, trailingNewline: trailingNewline)
        let expectedIds = (0..<rows).map { Int64(($0 * 37) % rows - 9) }
        // Swift's own correctly rounded parse of each written score.
        let expectedScores: [Double] = (0..<rows).map { row in
            Double(row % 5 == 0 ? "-\(row).25" : "\(row).5e-1")!
        }
        for chunkSize in [1, 7, 64, 4_096, ColumnScan.chunkSize] {
            let scanned = try #require(
                try ColumnScan.scan(path: path, displayName: "scan.csv", columns: Self.columns, chunkSize: chunkSize))
            #expect(scanned.rowCount == rows, "chunk \(chunkSize)")
            #expect(scanned.header == ["id", "label", "colour", "score"])
            #expect(scanned.identifiers[0].integers == expectedIds, "chunk \(chunkSize)")
            #expect(scanned.numbers[0] == expectedScores, "chunk \(chunkSize)")
            #expect(scanned.distinct[0] == ["red", "green", "blue", String(repeating: "c", count: 300)])
            #expect(scanned.codes[0].prefix(9) == [0, 1, 2, 0, 1, 2, 0, 3, 2], "chunk \(chunkSize)")
            #expect(try scanned.sha256 == Fingerprint.sha256(fileAt: path), "chunk \(chunkSize)")
        }
    }
}

/// An id column stays `Int64` while every value is a canonical integer and
/// turns to text, values read so far included, at the first that is not.
@Suite struct IdentifierColumnScanTests {
    @Test(arguments: [1, 5, 4_096])
    func idsTurnToTextAtTheFirstNonInteger(chunkSize: Int) throws {
        let path = try TestData.write("id,v\n10,1\n-2,2\n0,3\nx-7,4\n010,5\n", name: "ids.csv")
        let scanned = try #require(
            try ColumnScan.scan(
                path: path, displayName: "ids.csv", columns: [("id", .identifier)], chunkSize: chunkSize))
        #expect(scanned.identifiers[0].integers == nil)
        #expect(Array(scanned.identifiers[0]) == ["10", "-2", "0", "x-7", "010"])
        let integral = try TestData.write("id,v\n10,1\n-2,2\n", name: "ids.csv")
        let integers = try #require(
            try ColumnScan.scan(path: integral, displayName: "ids.csv", columns: [("id", .identifier)]))
        #expect(integers.identifiers[0].integers == [10, -2])
    }
}
