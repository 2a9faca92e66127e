extension ExampleBitSet {
    /// The largest set index ≤ `index`, or `nil` when none is set there.
    ///
    /// Scans whole 64-bit words, so a gap of g unset bits costs about g/64
    /// steps.
    /// - Precondition: `0 <= index < count`.
    public func lastSetIndex(atOrBefore index: Int) -> Int? {
        precondition(index >= 0 && index < count, "index \(index) out of 0..<\(count)")
        var wordIndex = index >> 6
        // Keep bits 0…(index & 63) of the first word looked at.
        var word = words[wordIndex] & (UInt64.max >> UInt64(63 - (index & 63)))
        while word == 0 {
            guard wordIndex > 0 else { return nil }
            wordIndex -= 1
            word = words[wordIndex]
        }
        return wordIndex << 6 + 63 - word.leadingZeroBitCount
    }

    /// The smallest set index > `index`, or `nil` when none is set there.
    ///
    /// Scans whole 64-bit words, as ``lastSetIndex(atOrBefore:)`` does.
    /// - Precondition: `-1 <= index < count`.
    public func firstSetIndex(after index: Int) -> Int? {
        precondition(index >= -1 && index < count, "index \(index) out of -1..<\(count)")
        let start = index + 1
        guard start < count else { return nil }
        var wordIndex = start >> 6
        var word = words[wordIndex] & (UInt64.max << UInt64(start & 63))
        while word == 0 {
            wordIndex += 1
            guard wordIndex < words.count else { return nil }
            word = words[wordIndex]
        }
        let found = wordIndex << 6 + word.trailingZeroBitCount
        return found < count ? found : nil
    }
}
