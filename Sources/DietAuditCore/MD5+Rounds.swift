/// One MD5 word: a `UInt32` for one message, or eight of them side by side
/// (`SIMD8<UInt32>`) for eight messages hashed at once. The 64 steps are
/// written once, generic over the word (``MD5/rounds(_:_:)``).
protocol MD5Word {
    static func &+ (lhs: Self, rhs: Self) -> Self
    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static func ^ (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (operand: Self) -> Self
    /// The word rotated left by `count` bits (0 < count < 32).
    func rotatedLeft(_ count: UInt32) -> Self
    /// `value` in every lane.
    init(broadcasting value: UInt32)
}

extension UInt32: MD5Word {
    @inline(__always)
    func rotatedLeft(_ count: UInt32) -> UInt32 { self << count | self >> (32 &- count) }

    @inline(__always)
    init(broadcasting value: UInt32) { self = value }
}

extension SIMD8: MD5Word where Scalar == UInt32 {
    @inline(__always)
    func rotatedLeft(_ count: UInt32) -> SIMD8<UInt32> { self &<< count | self &>> (32 &- count) }

    @inline(__always)
    init(broadcasting value: UInt32) { self.init(repeating: value) }
}

extension MD5 {
    /// The 64 steps of RFC 1321, 3.4, on the state (a, b, c, d) and the
    /// block's 16 words `w`, written out with their constants — word index,
    /// rotation s and T[i] = ⌊2³² · |sin(i + 1)|⌋ — so no table is read per
    /// step. Returns the state to add to the previous one.
    @inline(__always)
    static func rounds<Word: MD5Word>(_ state: (Word, Word, Word, Word), _ w: UnsafePointer<Word>) -> (
        Word, Word, Word, Word
    ) {
        var (a, b, c, d) = state
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
        return (a, b, c, d)
    }

    /// Round 1 step: a = b + ((a + F(b, c, d) + x + t) <<< s), F = (b ∧ c) ∨ (¬b ∧ d).
    @inline(__always)
    private static func f<Word: MD5Word>(
        _ a: inout Word, _ b: Word, _ c: Word, _ d: Word, _ x: Word, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ (a &+ ((b & c) | (~b & d)) &+ x &+ Word(broadcasting: t)).rotatedLeft(s)
    }

    /// Round 2 step, G = (b ∧ d) ∨ (c ∧ ¬d).
    @inline(__always)
    private static func g<Word: MD5Word>(
        _ a: inout Word, _ b: Word, _ c: Word, _ d: Word, _ x: Word, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ (a &+ ((b & d) | (c & ~d)) &+ x &+ Word(broadcasting: t)).rotatedLeft(s)
    }

    /// Round 3 step, H = b ⊕ c ⊕ d.
    @inline(__always)
    private static func h<Word: MD5Word>(
        _ a: inout Word, _ b: Word, _ c: Word, _ d: Word, _ x: Word, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ (a &+ (b ^ c ^ d) &+ x &+ Word(broadcasting: t)).rotatedLeft(s)
    }

    /// Round 4 step, I = c ⊕ (b ∨ ¬d).
    @inline(__always)
    private static func i<Word: MD5Word>(
        _ a: inout Word, _ b: Word, _ c: Word, _ d: Word, _ x: Word, _ s: UInt32, _ t: UInt32
    ) {
        a = b &+ (a &+ (c ^ (b | ~d)) &+ x &+ Word(broadcasting: t)).rotatedLeft(s)
    }
}
