import Foundation

/// Reads gzip files (RFC 1952), in process, with ``Inflater``.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number 1F 8B.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of every gzip member in `bytes`, concatenated
    /// (RFC 1952 §2.2 allows several members, as `cat a.gz b.gz` makes).
    ///
    /// Each member's header is checked (magic, method 8 = deflate, no reserved
    /// flags), its optional fields skipped (FEXTRA, FNAME, FCOMMENT; FHCRC is
    /// checked against the low 16 bits of the header's CRC-32), and its
    /// trailer's CRC-32 and length (mod 2³²) compared with the decoded data.
    /// - Throws: ``InflateError`` saying what was found and expected.
    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        repeat {
            position = try decompressMember(bytes, from: position, into: &output)
        } while position < bytes.count
        return output
    }

    /// One member starting at `start`; returns the index just after its trailer.
    private static func decompressMember(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) throws -> Int {
        func need(_ count: Int, at position: Int, for what: String) throws {
            guard position + count <= bytes.count else { throw InflateError("the gzip data ends inside the \(what)") }
        }
        try need(10, at: start, for: "header")
        guard bytes[start] == 0x1F, bytes[start + 1] == 0x8B else {
            throw InflateError(String(format: "bad gzip magic at byte %d: found %02X %02X, expected 1F 8B", start, bytes[start], bytes[start + 1]))
        }
        guard bytes[start + 2] == 8 else { throw InflateError("unsupported gzip compression method \(bytes[start + 2]); expected 8 (deflate)") }
        let flags = bytes[start + 3]
        guard flags & 0xE0 == 0 else { throw InflateError("gzip header has reserved flag bits set (flags \(flags))") }
        var position = start + 10
        if flags & 0x04 != 0 {
            try need(2, at: position, for: "header's extra field")
            let extraLength = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            try need(2 + extraLength, at: position, for: "header's extra field")
            position += 2 + extraLength
        }
        for (flag, what) in [(UInt8(0x08), "file name"), (0x10, "comment")] where flags & flag != 0 {
            guard let end = bytes[position...].firstIndex(of: 0) else { throw InflateError("the gzip data ends inside the header's \(what)") }
            position = end + 1
        }
        if flags & 0x02 != 0 {
            try need(2, at: position, for: "header CRC")
            let stored = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            let computed = Int(CRC32.checksum(bytes[start..<position]) & 0xFFFF)
            guard stored == computed else { throw InflateError("gzip header CRC is \(stored), but the header's bytes give \(computed)") }
            position += 2
        }
        let memberStart = output.count
        var reader = BitReader(bytes: bytes, position: position)
        try Inflater.inflate(&reader, into: &output)
        position = reader.bytePosition()
        try need(8, at: position, for: "trailer (CRC-32 and length)")
        let storedCRC = littleEndian32(bytes, at: position), storedSize = littleEndian32(bytes, at: position + 4)
        let crc = CRC32.checksum(output[memberStart...])
        guard storedCRC == crc else {
            throw InflateError(String(format: "CRC-32 check failed: the gzip trailer says %08X, the decompressed data gives %08X (corrupt file?)", storedCRC, crc))
        }
        let size = UInt32(truncatingIfNeeded: output.count - memberStart)
        guard storedSize == size else {
            throw InflateError("the gzip trailer gives a length of \(storedSize) bytes, but \(size) were decompressed")
        }
        return position + 8
    }

    private static func littleEndian32(_ bytes: [UInt8], at position: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[position + $1]) << UInt32(8 * $1) }
    }
}
