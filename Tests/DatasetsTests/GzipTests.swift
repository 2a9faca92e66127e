import DietAuditCore
import Testing

@testable import Datasets

/// The gzip reader (zlib's inflate), on streams made by Python's zlib and gzip modules
/// and on members built here from stored blocks.
@Suite struct GzipTests {
    static let text = Array(String(repeating: "DietAudit prunes data and audits who gets removed. ", count: 3).utf8)

    /// The CRC-32 of RFC 1952 (reflected 0xEDB88320), bit by bit: the test's own, independent of zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var register: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            register ^= UInt32(byte)
            for _ in 0..<8 { register = register & 1 == 1 ? (register >> 1) ^ 0xEDB8_8320 : register >> 1 }
        }
        return register ^ 0xFFFF_FFFF
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// A gzip member around a raw DEFLATE stream: minimal header, then CRC-32 and length.
    static func member(deflate: [UInt8], of data: [UInt8]) -> [UInt8] {
        [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + deflate + littleEndian(crc32(data)) + littleEndian(UInt32(data.count))
    }

    /// `data` as stored (uncompressed) DEFLATE blocks of at most 65,535 bytes.
    static func storedMember(_ data: [UInt8]) -> [UInt8] {
        var deflate: [UInt8] = []
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count)
            let length = UInt16(end - start)
            let isFinal: UInt8 = end == data.count ? 1 : 0
            deflate += [isFinal, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            deflate += data[start..<end]
            start = end
        } while start < data.count
        return member(deflate: deflate, of: data)
    }

    @Test func testCRCMatchesTheCheckValue() {
        // zlib.crc32(b"123456789") == 0xCBF43926 (RFC 1952's check value); 0x6E990244 is zlib.crc32(text).
        #expect(Self.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Self.crc32(Self.text) == 0x6E99_0244)
    }

    @Test func storedFixedAndDynamicBlocks() throws {
        #expect(try Gzip.decompress(Self.member(deflate: PythonFixtures.stored, of: Self.text)) == Self.text)
        #expect(try Gzip.decompress(Self.member(deflate: PythonFixtures.fixed, of: Self.text)) == Self.text)
        let dynamicMember =
            [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + PythonFixtures.dynamic
            + Self.littleEndian(PythonFixtures.dynamicCRC) + Self.littleEndian(UInt32(PythonFixtures.dynamicLength))
        let dynamic = try Gzip.decompress(dynamicMember)
        #expect(dynamic.count == PythonFixtures.dynamicLength)
        #expect(Self.crc32(dynamic) == PythonFixtures.dynamicCRC)
        #expect(Array(dynamic.suffix(8)) == PythonFixtures.dynamicTail.map(UInt8.init))
    }

    @Test func gzipMembers() throws {
        #expect(try Gzip.decompress(PythonFixtures.gzipPlain) == Self.text)
        #expect(try Gzip.decompress(PythonFixtures.gzipFields) == Array("hello, hello, hello gzip".utf8))
        #expect(try Gzip.decompress(PythonFixtures.gzipTwoMembers) == Array("first member; second member".utf8))
    }

    /// A 300,000-byte first member and a 1-byte second one: the output outgrows the
    /// size the last trailer suggests, and members are joined in order.
    @Test func largeFirstMemberThenSmallOne() throws {
        let big = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        let bytes = Self.storedMember(big) + Self.storedMember([42])
        #expect(try Gzip.decompress(bytes) == big + [42])
    }

    @Test func corruptStreams() {
        func failure(_ bytes: [UInt8]) -> String? {
            do {
                _ = try Gzip.decompress(bytes)
                return nil
            } catch let error as InflateError {
                return error.reason
            } catch {
                return "\(error)"
            }
        }
        var badCRC = PythonFixtures.gzipPlain
        badCRC[badCRC.count - 8] ^= 0xFF
        #expect(failure(badCRC)?.hasPrefix("CRC-32 check failed: ") == true)
        var badLength = PythonFixtures.gzipPlain
        badLength[badLength.count - 4] &+= 1
        #expect(failure(badLength) == "the gzip trailer's length does not match the decompressed data (corrupt file?)")
        let truncated = "the compressed data ends unexpectedly (truncated file?)"
        #expect(failure(Array(PythonFixtures.gzipPlain.dropLast(12))) == truncated)
        #expect(failure(Array(PythonFixtures.gzipPlain.dropLast(3))) == truncated)
        #expect(failure(Array(PythonFixtures.gzipPlain.prefix(6))) == "the gzip data ends inside the header")
        var badHeaderCRC = PythonFixtures.gzipFields
        badHeaderCRC[12] ^= 1  // inside the FEXTRA data, covered by FHCRC
        #expect(failure(badHeaderCRC) == "gzip header CRC does not match the header's bytes")
        var method = PythonFixtures.gzipPlain
        method[2] = 7
        #expect(failure(method) == "unsupported gzip compression method 7; expected 8 (deflate)")
        // Header then a block with BFINAL=1, BTYPE=11.
        #expect(
            failure(Array(PythonFixtures.gzipPlain.prefix(10)) + [0x07])
                == "corrupt compressed data in the gzip member starting at byte 0: invalid block type")
        // Stored block: LEN = 5, NLEN = 0 (should be 0xFFFA).
        #expect(
            failure(Array(PythonFixtures.gzipPlain.prefix(10)) + [0x01, 5, 0, 0, 0])
                == "corrupt compressed data in the gzip member starting at byte 0: invalid stored block lengths")
        // Bytes after the last member that are not another member.
        let trailing = PythonFixtures.gzipPlain + [UInt8](repeating: 0, count: 10)
        let end = PythonFixtures.gzipPlain.count
        #expect(failure(trailing) == "bad gzip magic at byte \(end): found 00 00, expected 1F 8B")
    }

    /// Through the IDX reader, a gzip problem is an ``InputError`` naming the file.
    @Test func idxReaderNamesTheFile() {
        let truncated = Array(PythonFixtures.idxLabelsGz.dropLast(10))
        #expect(
            TestData.inputError { try IDXReader.parse(truncated, displayName: "data/labels.gz") }
                == InputError(
                    "cannot decompress this gzip file: the compressed data ends unexpectedly (truncated file?)",
                    at: SourceLocation(file: "data/labels.gz")))
    }
}
