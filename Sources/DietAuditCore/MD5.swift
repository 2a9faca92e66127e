import Foundation

/// MD5 (RFC 1321), written out here so the planner's tie and random keys need
/// no cryptography library.
///
/// MD5 is used only as a hash that every SQL engine computes alike
/// (`md5(text)` in PostgreSQL, DuckDB and Spark SQL, `md5(to_utf8(…))` in
/// Trino), never for security: see ``ExampleKey``. Tested against Python's
/// `hashlib.md5` (`Tests/References/md5_keys.py`).
///
/// Speed: the planner hashes every example once per run (the `random` order),
/// ten million keys at the scale benchmark, so ``digest(_:)-(UnsafeRawBufferPointer)``
/// allocates nothing: whole blocks are read in place and the padded tail
/// lives in a 128-byte buffer on the stack.
public enum MD5 {
    /// The 16-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let (high, low) = Array(bytes).withUnsafeBytes { digest($0) }
        return (0..<16).map { index in
            UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> (56 - 8 * UInt64(index % 8)))
        }
    }

    /// The digest of `message` as two big-endian halves: `high` holds digest
    /// bytes 0–7 (byte 0 most significant), `low` bytes 8–15, so comparing
    /// (high, low) compares the digests byte by byte, as their hex text does.
    public static func digest(_ message: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
        var state = initialState
        let count = message.count
        let wholeBlocks = count / 64
        for block in 0..<wholeBlocks { compress(&state, message, offset: block * 64) }
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            let rest = count - wholeBlocks * 64
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if rest > 0 {
                tail.baseAddress!.copyMemory(from: message.baseAddress! + wholeBlocks * 64, byteCount: rest)
            }
            tail[rest] = 0x80
            let tailLength = rest < 56 ? 64 : 128
            tail.storeBytes(
                of: (UInt64(count) &* 8).littleEndian, toByteOffset: tailLength - 8, as: UInt64.self)
            let tailBytes = UnsafeRawBufferPointer(tail)
            for offset in stride(from: 0, to: tailLength, by: 64) { compress(&state, tailBytes, offset: offset) }
        }
        return halves(state)
    }

    /// The digest of a message of at most 55 bytes already padded into one
    /// 64-byte block (RFC 1321, 3.1–3.2: the message, byte 0x80, zeros, and
    /// the message's length in bits as a little-endian `UInt64` in bytes
    /// 56–63), as two halves like ``digest(_:)-(UnsafeRawBufferPointer)``.
    /// The bulk key writer pads its reused block once and only rewrites the
    /// id and length per message.
    /// - Precondition: `block.count == 64`.
    public static func digest(paddedBlock block: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
        precondition(block.count == 64, "one 64-byte block")
        var state = initialState
        compress(&state, block, offset: 0)
        return halves(state)
    }

    /// The digests of eight messages of at most 55 bytes each, padded as for
    /// ``digest(paddedBlock:)`` into eight consecutive 64-byte blocks, hashed
    /// at once: lane j of each word holds message j, so one vector
    /// instruction does a step for all eight. The bulk key writer hashes ten
    /// million ids this way in about a third of the time of one at a time.
    /// - Precondition: `blocks.count == 512`.
    public static func digests(paddedBlocks blocks: UnsafeRawBufferPointer) -> (
        highs: SIMD8<UInt64>, lows: SIMD8<UInt64>
    ) {
        precondition(blocks.count == 512, "eight 64-byte blocks")
        let start = (
            SIMD8<UInt32>(repeating: initialState[0]), SIMD8<UInt32>(repeating: initialState[1]),
            SIMD8<UInt32>(repeating: initialState[2]), SIMD8<UInt32>(repeating: initialState[3])
        )
        let (a, b, c, d) = withUnsafeTemporaryAllocation(of: SIMD8<UInt32>.self, capacity: 16) { words in
            for index in 0..<16 {
                var word = SIMD8<UInt32>()
                for lane in 0..<8 {
                    word[lane] = UInt32(
                        littleEndian: blocks.loadUnaligned(fromByteOffset: 64 * lane + 4 * index, as: UInt32.self))
                }
                words[index] = word
            }
            return rounds(start, UnsafePointer(words.baseAddress!))
        }
        var highs = SIMD8<UInt64>(), lows = SIMD8<UInt64>()
        for lane in 0..<8 {
            (highs[lane], lows[lane]) = halves(
                SIMD4(
                    start.0[lane] &+ a[lane], start.1[lane] &+ b[lane], start.2[lane] &+ c[lane],
                    start.3[lane] &+ d[lane]))
        }
        return (highs, lows)
    }

    /// The state before the first block (RFC 1321, 3.3).
    private static let initialState = SIMD4<UInt32>(0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)

    /// The state as the digest's two big-endian halves.
    private static func halves(_ state: SIMD4<UInt32>) -> (high: UInt64, low: UInt64) {
        func half(_ first: UInt32, _ second: UInt32) -> UInt64 {
            UInt64(first.byteSwapped) << 32 | UInt64(second.byteSwapped)
        }
        return (half(state[0], state[1]), half(state[2], state[3]))
    }

    /// The digest of a string's UTF-8 bytes as 32 lowercase hex digits, as
    /// `md5(text)` returns it in PostgreSQL.
    public static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef")
        return digest(Array(text.utf8)).map { byte in
            String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }

    /// The 64-byte block at `offset` of `bytes` folded into the state.
    private static func compress(_ state: inout SIMD4<UInt32>, _ bytes: UnsafeRawBufferPointer, offset: Int) {
        let (a, b, c, d) = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { words in
            for index in 0..<16 {
                words[index] = UInt32(
                    littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self))
            }
            return rounds((state[0], state[1], state[2], state[3]), UnsafePointer(words.baseAddress!))
        }
        state &+= SIMD4(a, b, c, d)
    }
}
