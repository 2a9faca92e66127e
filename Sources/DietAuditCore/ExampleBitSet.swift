/// One flag per example, packed 64 to a word: which examples a pruning plan
/// removes. Reads like `[Bool]` (`flags[i]`), at one bit per example — a
/// plan over ten million examples takes 1.25 MB instead of 10 MB.
///
/// Layout: example i is bit (i mod 64) of word ⌊i / 64⌋, least significant
/// bit first; bits past ``count`` are 0. Written out little-endian, the words
/// are the bytes of ``littleEndianBytes`` (example i is bit (i mod 8) of byte ⌊i / 8⌋).
public struct ExampleBitSet: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The flags, 64 to a word (the layout above). Set through ``insert(_:)``.
    public var words: [UInt64]
    public let count: Int

    public init(_ flags: [Bool]) {
        count = flags.count
        var words = [UInt64](repeating: 0, count: (flags.count + 63) / 64)
        flags.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] { words[index >> 6] |= 1 << UInt64(index & 63) }
        }
        self.words = words
    }

    /// `count` flags, none set.
    public init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Sets the flag of example `index`.
    @inlinable
    public mutating func insert(_ index: Int) {
        precondition(index >= 0 && index < count, "index \(index) out of 0..<\(count)")
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Clears bit `index`.
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public mutating func remove(_ index: Int) {
        precondition(index >= 0 && index < count, "index \(index) out of 0..<\(count)")
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    public init(arrayLiteral elements: Bool...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Bool {
        precondition(position >= 0 && position < count, "index \(position) out of 0..<\(count)")
        return words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// The number of set flags.
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Calls `body` with the index of every set flag, in increasing order.
    public func forEachSetIndex(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                body(wordIndex << 6 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
    }

    /// ⌈count / 8⌉ bytes: example i is bit (i mod 8) of byte ⌊i / 8⌋.
    public var littleEndianBytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (count + 7) / 8)
        for index in bytes.indices {
            bytes[index] = UInt8(truncatingIfNeeded: words[index >> 3] >> UInt64(8 * (index & 7)))
        }
        return bytes
    }
}

extension ExampleBitSet: CustomStringConvertible {
    public var description: String { Array(self).description }
}
