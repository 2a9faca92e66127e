import CZlib
import Foundation

/// Reads gzip files (RFC 1952) in process, through zlib's `inflate`.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number 1F 8B.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of every gzip member in `bytes`, concatenated
    /// (RFC 1952 §2.2 allows several members, as `cat a.gz b.gz` makes).
    ///
    /// Each member must start with the magic number and method 8 (deflate);
    /// zlib checks the rest of its header (flags, FHCRC) and its trailer's CRC-32
    /// and length. Bytes after the last member must be another member.
    /// - Throws: ``InflateError`` saying what was found and expected.
    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        var inflater = try ZlibGzipStream()
        var output = [UInt8](repeating: 0, count: initialCapacity(for: bytes))
        var produced = 0
        var position = 0
        try bytes.withUnsafeBufferPointer { input in
            repeat {
                try checkMemberStart(input, at: position)
                position = try inflater.inflateMember(input, from: position, into: &output, produced: &produced)
            } while position < input.count
        }
        output.removeSubrange(produced...)
        return output
    }

    /// A first output size: the last member's ISIZE trailer field (the length mod 2³²
    /// of its data, exact for the usual single member), or 4× the input when smaller;
    /// never more than DEFLATE's largest ratio (1032:1) allows, so a corrupt trailer
    /// cannot ask for gigabytes.
    private static func initialCapacity(for bytes: [UInt8]) -> Int {
        guard bytes.count >= 18 else { return 64 }
        let trailerSize = (0..<4).reduce(0) { $0 | Int(bytes[bytes.count - 4 + $1]) << (8 * $1) }
        return max(min(trailerSize, 1032 * bytes.count), 4 * bytes.count, 64)
    }

    /// The checks zlib would also make, with the messages of this project:
    /// a whole 10-byte header, the magic number and the deflate method.
    private static func checkMemberStart(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws {
        guard start + 10 <= bytes.count else { throw InflateError("the gzip data ends inside the header") }
        guard bytes[start] == 0x1F, bytes[start + 1] == 0x8B else {
            let found = String(format: "%02X %02X", bytes[start], bytes[start + 1])
            throw InflateError("bad gzip magic at byte \(start): found \(found), expected 1F 8B")
        }
        guard bytes[start + 2] == 8 else {
            throw InflateError("unsupported gzip compression method \(bytes[start + 2]); expected 8 (deflate)")
        }
    }
}

/// One zlib inflate state for gzip members, reset between members and freed at the end.
private final class ZlibState {
    var stream = z_stream()

    init() throws {
        let status = czlib_inflate_init_gzip(&stream)
        guard status == Z_OK else { throw InflateError("zlib could not start inflating (status \(status))") }
    }

    deinit { inflateEnd(&stream) }
}

/// A gzip member decoder over a ``ZlibState``.
private struct ZlibGzipStream {
    private let state: ZlibState

    init() throws { state = try ZlibState() }

    /// Inflates the member starting at `start` into `output[produced...]`, growing
    /// `output` as needed; returns the index just after the member's trailer.
    mutating func inflateMember(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8], produced: inout Int
    ) throws -> Int {
        guard inflateReset(&state.stream) == Z_OK else { throw InflateError("zlib could not reset its inflate state") }
        state.stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
        state.stream.avail_in = uInt(input.count - start)
        while true {
            if produced == output.count {
                output.append(contentsOf: repeatElement(0, count: max(output.count, 1 << 16)))
            }
            let status = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                let room = min(buffer.count - produced, Int(UInt32.max))
                state.stream.next_out = buffer.baseAddress! + produced
                state.stream.avail_out = uInt(room)
                let status = inflate(&state.stream, Z_NO_FLUSH)
                produced += room - Int(state.stream.avail_out)
                return status
            }
            switch status {
            case Z_STREAM_END:
                return input.count - Int(state.stream.avail_in)
            case Z_OK, Z_BUF_ERROR:
                // Output full: grow it and go on. Room left but no input left: the stream was cut short.
                if state.stream.avail_out == 0 { continue }
                if state.stream.avail_in == 0 {
                    throw InflateError("the compressed data ends unexpectedly (truncated file?)")
                }
                if status == Z_BUF_ERROR { throw InflateError("zlib made no progress on the compressed data") }
            case Z_MEM_ERROR:
                throw InflateError("out of memory while decompressing")
            default:
                throw InflateError(describe(zlibMessage: state.stream.msg, status: status, memberStart: start))
            }
        }
    }

    /// A plain-words reason for a zlib data error.
    private func describe(zlibMessage: UnsafePointer<CChar>?, status: Int32, memberStart: Int) -> String {
        let message = zlibMessage.map { String(cString: $0) } ?? "status \(status)"
        switch message {
        case "incorrect data check":
            return "CRC-32 check failed: the decompressed data do not match the gzip trailer's checksum (corrupt file?)"
        case "incorrect length check":
            return "the gzip trailer's length does not match the decompressed data (corrupt file?)"
        case "header crc mismatch":
            return "gzip header CRC does not match the header's bytes"
        default:
            return "corrupt compressed data in the gzip member starting at byte \(memberStart): \(message)"
        }
    }
}
