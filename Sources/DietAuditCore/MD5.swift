import Foundation

/// MD5 (RFC 1321), written out here so the planner's tie and random keys need
/// no cryptography library.
///
/// MD5 is used only as a hash that every SQL engine computes alike
/// (`md5(text)` in PostgreSQL, DuckDB and Spark SQL, `md5(to_utf8(…))` in
/// Trino), never for security: see ``ExampleKey``. Tested against Python's
/// `hashlib.md5` (`Tests/References/md5_keys.py`).
public enum MD5 {
    /// The 16-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        var message = Array(bytes)
        let bitLength = UInt64(message.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 0, to: 64, by: 8) { message.append(UInt8(truncatingIfNeeded: bitLength >> shift)) }
        var words = [UInt32](repeating: 0, count: 16)
        for blockStart in stride(from: 0, to: message.count, by: 64) {
            for index in 0..<16 {
                let base = blockStart + index * 4
                words[index] =
                    UInt32(message[base]) | UInt32(message[base + 1]) << 8 | UInt32(message[base + 2]) << 16
                    | UInt32(message[base + 3]) << 24
            }
            compress(&state, words)
        }
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, to: 32, by: 8) { result.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return result
    }

    /// The digest of a string's UTF-8 bytes as 32 lowercase hex digits, as
    /// `md5(text)` returns it in PostgreSQL.
    public static func hex(_ text: String) -> String {
        digest(Array(text.utf8)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }

    /// Per-round left-rotation amounts (RFC 1321, 3.4).
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// T[i] = ⌊2³² · |sin(i + 1)|⌋ (RFC 1321, 3.4), computed once.
    private static let sines: [UInt32] = (0..<64).map { index in
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(index + 1))) * 4_294_967_296).rounded(.down)))
    }

    /// One 64-byte block folded into the state.
    private static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ words: [UInt32]) {
        var (a, b, c, d) = state
        for step in 0..<64 {
            var mixed: UInt32
            let wordIndex: Int
            switch step {
            case 0..<16:
                mixed = (b & c) | (~b & d)
                wordIndex = step
            case 16..<32:
                mixed = (d & b) | (~d & c)
                wordIndex = (5 * step + 1) % 16
            case 32..<48:
                mixed = b ^ c ^ d
                wordIndex = (3 * step + 5) % 16
            default:
                mixed = c ^ (b | ~d)
                wordIndex = (7 * step) % 16
            }
            mixed = mixed &+ a &+ sines[step] &+ words[wordIndex]
            a = d
            d = c
            c = b
            b = b &+ (mixed << shifts[step] | mixed >> (32 - shifts[step]))
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
