import DietAuditCore
import Testing

@testable import Datasets

/// The DEFLATE inflater and gzip reader, on streams made by Python's zlib and gzip modules.
@Suite struct InflateTests {
    static let text = Array(String(repeating: "DietAudit prunes data and audits who gets removed. ", count: 3).utf8)

    private func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var reader = BitReader(bytes: bytes)
        var output: [UInt8] = []
        try Inflater.inflate(&reader, into: &output)
        #expect(reader.bytePosition() == bytes.count, "the whole stream is consumed")
        return output
    }

    @Test func crc32CheckValue() {
        // The CRC-32 check value of RFC 1952 / zlib: zlib.crc32(b"123456789") == 0xCBF43926.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func storedFixedAndDynamicBlocks() throws {
        #expect(PythonFixtures.stored[0] & 0b110 == 0, "fixture is a stored block")
        #expect(try inflate(PythonFixtures.stored) == Self.text)
        #expect(PythonFixtures.fixed[0] & 0b110 == 0b010, "fixture is a fixed-Huffman block")
        #expect(try inflate(PythonFixtures.fixed) == Self.text)
        #expect(PythonFixtures.dynamic[0] & 0b110 == 0b100, "fixture is a dynamic-Huffman block")
        let dynamic = try inflate(PythonFixtures.dynamic)
        #expect(dynamic.count == PythonFixtures.dynamicLength)
        #expect(CRC32.checksum(dynamic) == PythonFixtures.dynamicCRC)
        #expect(Array(dynamic.suffix(8)) == PythonFixtures.dynamicTail.map(UInt8.init))
    }

    /// A complete code with lengths 1, 2, …, 11, 11: symbol k < 11 is k ones then a
    /// zero, symbol 11 is eleven ones (RFC 1951 §3.2.2). Codes longer than the
    /// 9-bit lookup table take the bit-by-bit path.
    @Test func canonicalCodeShortAndLong() throws {
        let code = try HuffmanCode(lengths: Array(1...11) + [11], name: "test")
        let symbols = [11, 0, 10, 9, 3, 8, 1]
        var bits: [Int] = []
        for symbol in symbols {
            bits += symbol == 11 ? [Int](repeating: 1, count: 11) : [Int](repeating: 1, count: symbol) + [0]
        }
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit == 1 { bytes[index / 8] |= 1 << UInt8(index % 8) }
        var reader = BitReader(bytes: bytes)
        #expect(try symbols.map { _ in try code.decode(&reader) } == symbols)
        #expect(throws: InflateError("invalid test code lengths (over-subscribed)")) { try HuffmanCode(lengths: [1, 1, 1], name: "test") }
        #expect(throws: InflateError("invalid test code lengths (incomplete code)")) { try HuffmanCode(lengths: [1, 2], name: "test") }
    }

    @Test func gzipMembers() throws {
        #expect(try Gzip.decompress(PythonFixtures.gzipPlain) == Self.text)
        #expect(try Gzip.decompress(PythonFixtures.gzipFields) == Array("hello, hello, hello gzip".utf8))
        #expect(try Gzip.decompress(PythonFixtures.gzipTwoMembers) == Array("first member; second member".utf8))
    }

    @Test func corruptStreams() {
        func failure(_ bytes: [UInt8]) -> String? {
            do { _ = try Gzip.decompress(bytes); return nil } catch let error as InflateError { return error.reason } catch { return "\(error)" }
        }
        var badCRC = PythonFixtures.gzipPlain
        badCRC[badCRC.count - 8] ^= 0xFF
        #expect(failure(badCRC)?.hasPrefix("CRC-32 check failed: the gzip trailer says ") == true)
        var badLength = PythonFixtures.gzipPlain
        badLength[badLength.count - 4] &+= 1
        #expect(failure(badLength) == "the gzip trailer gives a length of \(Self.text.count + 1) bytes, but \(Self.text.count) were decompressed")
        #expect(failure(Array(PythonFixtures.gzipPlain.dropLast(12))) == "the compressed data ends unexpectedly (truncated file?)")
        #expect(failure(Array(PythonFixtures.gzipPlain.dropLast(3))) == "the gzip data ends inside the trailer (CRC-32 and length)")
        var badHeaderCRC = PythonFixtures.gzipFields
        badHeaderCRC[12] ^= 1  // inside the FEXTRA data, covered by FHCRC
        #expect(failure(badHeaderCRC)?.hasPrefix("gzip header CRC is ") == true)
        var method = PythonFixtures.gzipPlain
        method[2] = 7
        #expect(failure(method) == "unsupported gzip compression method 7; expected 8 (deflate)")
        // Header then a block with BFINAL=1, BTYPE=11.
        #expect(failure(Array(PythonFixtures.gzipPlain.prefix(10)) + [0x07]) == "invalid block type 3 in the compressed data")
        // Stored block: LEN = 5, NLEN = 0 (should be 0xFFFA).
        #expect(failure(Array(PythonFixtures.gzipPlain.prefix(10)) + [0x01, 5, 0, 0, 0]) == "stored block length 5 does not match its complement 0")
    }
}
