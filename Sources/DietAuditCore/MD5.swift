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

    /// The 64-byte block at `offset` of `bytes` folded into the state: the
    /// 64 steps of RFC 1321, 3.4, written out with their constants — word
    /// index, rotation s and T[i] = ⌊2³² · |sin(i + 1)|⌋ — so no table is
    /// read per step.
    private static func compress(_ state: inout SIMD4<UInt32>, _ bytes: UnsafeRawBufferPointer, offset: Int) {
        var w = SIMD16<UInt32>()
        for index in 0..<16 {
            w[index] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self))
        }
        var (a, b, c, d) = (state[0], state[1], state[2], state[3])
        f(&a, b, c, d, w[0], 7, 0xd76aa478)
        f(&d, a, b, c, w[1], 12, 0xe8c7b756)
        f(&c, d, a, b, w[2], 17, 0x242070db)
        f(&b, c, d, a, w[3], 22, 0xc1bdceee)
        f(&a, b, c, d, w[4], 7, 0xf57c0faf)
        f(&d, a, b, c, w[5], 12, 0x4787c62a)
        f(&c, d, a, b, w[6], 17, 0xa8304613)
        f(&b, c, d, a, w[7], 22, 0xfd469501)
        f(&a, b, c, d, w[8], 7, 0x698098d8)
        f(&d, a, b, c, w[9], 12, 0x8b44f7af)
        f(&c, d, a, b, w[10], 17, 0xffff5bb1)
        f(&b, c, d, a, w[11], 22, 0x895cd7be)
        f(&a, b, c, d, w[12], 7, 0x6b901122)
        f(&d, a, b, c, w[13], 12, 0xfd987193)
        f(&c, d, a, b, w[14], 17, 0xa679438e)
        f(&b, c, d, a, w[15], 22, 0x49b40821)
        g(&a, b, c, d, w[1], 5, 0xf61e2562)
        g(&d, a, b, c, w[6], 9, 0xc040b340)
        g(&c, d, a, b, w[11], 14, 0x265e5a51)
        g(&b, c, d, a, w[0], 20, 0xe9b6c7aa)
        g(&a, b, c, d, w[5], 5, 0xd62f105d)
        g(&d, a, b, c, w[10], 9, 0x02441453)
        g(&c, d, a, b, w[15], 14, 0xd8a1e681)
        g(&b, c, d, a, w[4], 20, 0xe7d3fbc8)
        g(&a, b, c, d, w[9], 5, 0x21e1cde6)
        g(&d, a, b, c, w[14], 9, 0xc33707d6)
        g(&c, d, a, b, w[3], 14, 0xf4d50d87)
        g(&b, c, d, a, w[8], 20, 0x455a14ed)
        g(&a, b, c, d, w[13], 5, 0xa9e3e905)
        g(&d, a, b, c, w[2], 9, 0xfcefa3f8)
        g(&c, d, a, b, w[7], 14, 0x676f02d9)
        g(&b, c, d, a, w[12], 20, 0x8d2a4c8a)
        h(&a, b, c, d, w[5], 4, 0xfffa3942)
        h(&d, a, b, c, w[8], 11, 0x8771f681)
        h(&c, d, a, b, w[11], 16, 0x6d9d6122)
        h(&b, c, d, a, w[14], 23, 0xfde5380c)
        h(&a, b, c, d, w[1], 4, 0xa4beea44)
        h(&d, a, b, c, w[4], 11, 0x4bdecfa9)
        h(&c, d, a, b, w[7], 16, 0xf6bb4b60)
        h(&b, c, d, a, w[10], 23, 0xbebfbc70)
        h(&a, b, c, d, w[13], 4, 0x289b7ec6)
        h(&d, a, b, c, w[0], 11, 0xeaa127fa)
        h(&c, d, a, b, w[3], 16, 0xd4ef3085)
        h(&b, c, d, a, w[6], 23, 0x04881d05)
        h(&a, b, c, d, w[9], 4, 0xd9d4d039)
        h(&d, a, b, c, w[12], 11, 0xe6db99e5)
        h(&c, d, a, b, w[15], 16, 0x1fa27cf8)
        h(&b, c, d, a, w[2], 23, 0xc4ac5665)
        i(&a, b, c, d, w[0], 6, 0xf4292244)
        i(&d, a, b, c, w[7], 10, 0x432aff97)
        i(&c, d, a, b, w[14], 15, 0xab9423a7)
        i(&b, c, d, a, w[5], 21, 0xfc93a039)
        i(&a, b, c, d, w[12], 6, 0x655b59c3)
        i(&d, a, b, c, w[3], 10, 0x8f0ccc92)
        i(&c, d, a, b, w[10], 15, 0xffeff47d)
        i(&b, c, d, a, w[1], 21, 0x85845dd1)
        i(&a, b, c, d, w[8], 6, 0x6fa87e4f)
        i(&d, a, b, c, w[15], 10, 0xfe2ce6e0)
        i(&c, d, a, b, w[6], 15, 0xa3014314)
        i(&b, c, d, a, w[13], 21, 0x4e0811a1)
        i(&a, b, c, d, w[4], 6, 0xf7537e82)
        i(&d, a, b, c, w[11], 10, 0xbd3af235)
        i(&c, d, a, b, w[2], 15, 0x2ad7d2bb)
        i(&b, c, d, a, w[9], 21, 0xeb86d391)
        state &+= SIMD4(a, b, c, d)
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value << count | value >> (32 &- count) }

    /// Round 1 step: a = b + ((a + F(b, c, d) + x + t) <<< s), F = (b ∧ c) ∨ (¬b ∧ d).
    @inline(__always)
    private static func f(
        _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ rotate(a &+ ((b & c) | (~b & d)) &+ x &+ t, s)
    }

    /// Round 2 step, G = (b ∧ d) ∨ (c ∧ ¬d).
    @inline(__always)
    private static func g(
        _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ rotate(a &+ ((b & d) | (c & ~d)) &+ x &+ t, s)
    }

    /// Round 3 step, H = b ⊕ c ⊕ d.
    @inline(__always)
    private static func h(
        _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ rotate(a &+ (b ^ c ^ d) &+ x &+ t, s)
    }

    /// Round 4 step, I = c ⊕ (b ∨ ¬d).
    @inline(__always)
    private static func i(
        _ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ x &+ t, s)
    }
}
