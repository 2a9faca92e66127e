/// Reads a DEFLATE bit stream: bits are taken from each byte starting at its
/// least significant bit, and multi-bit fields are stored least significant
/// bit first (RFC 1951 §3.1.1).
struct BitReader {
    let bytes: [UInt8]
    /// Index of the next byte to load.
    private(set) var position: Int
    /// Bits loaded but not yet consumed, lowest first.
    private var buffer: UInt64 = 0
    /// Number of valid bits in ``buffer``.
    private var bufferCount = 0

    init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next `count` (0…32) bits as an integer, first bit lowest.
    /// - Throws: ``InflateError`` when the input ends first.
    mutating func bits(_ count: Int) throws -> Int {
        while bufferCount < count {
            guard position < bytes.count else { throw InflateError("the compressed data ends unexpectedly (truncated file?)") }
            buffer |= UInt64(bytes[position]) << UInt64(bufferCount)
            position += 1
            bufferCount += 8
        }
        let value = Int(buffer & ((1 << UInt64(count)) - 1))
        buffer >>= UInt64(count)
        bufferCount -= count
        return value
    }

    /// Up to the next `count` (≤ 32) bits without consuming them, and how many
    /// of them really exist (fewer at the end of the input; missing bits read as 0).
    mutating func peek(_ count: Int) -> (value: Int, available: Int) {
        while bufferCount < count, position < bytes.count {
            buffer |= UInt64(bytes[position]) << UInt64(bufferCount)
            position += 1
            bufferCount += 8
        }
        return (Int(buffer & ((1 << UInt64(count)) - 1)), min(bufferCount, count))
    }

    /// Consumes `count` bits already loaded by ``peek(_:)``.
    mutating func skip(_ count: Int) {
        precondition(count <= bufferCount, "skip only bits that were peeked")
        buffer >>= UInt64(count)
        bufferCount -= count
    }

    /// Drops the bits left in the current byte (before a stored block).
    mutating func alignToByte() {
        let drop = bufferCount % 8
        buffer >>= UInt64(drop)
        bufferCount -= drop
    }

    /// Index of the first byte not yet consumed, once aligned to a byte:
    /// whole bytes still in the buffer are given back.
    mutating func bytePosition() -> Int {
        alignToByte()
        let unread = bufferCount / 8
        position -= unread
        buffer = 0
        bufferCount = 0
        return position
    }
}
