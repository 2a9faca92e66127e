/// A canonical Huffman code (RFC 1951 §3.2.2), given by the code length of
/// each symbol (0 = symbol unused), decoded one bit at a time.
///
/// Canonical codes of one length are consecutive integers, assigned to the
/// symbols of that length in symbol order, and the first code of length
/// L + 1 is (first code of length L + number of codes of length L) · 2. So
/// decoding keeps, per length, how many codes exist and reads bits until the
/// code read falls inside the current length's range. Codes of up to
/// ``fastBits`` bits are also found in one step through a lookup table indexed
/// by the next ``fastBits`` input bits (codes are sent first bit first, so the
/// table is indexed by the bit-reversed code).
struct HuffmanCode {
    static let maxBits = 15
    static let fastBits = 9
    /// `symbol << 4 | length` for every ``fastBits``-bit input starting with a
    /// code of at most ``fastBits`` bits; 0 where the code is longer.
    private var fastTable = [UInt16](repeating: 0, count: 1 << fastBits)
    /// `countOfLength[L]`: number of symbols with code length L (index 0 unused).
    private var countOfLength = [Int](repeating: 0, count: maxBits + 1)
    /// Used symbols sorted by (code length, symbol).
    private var symbols: [Int] = []

    /// Builds the code.
    /// - Parameter allowIncomplete: accept a code that does not use every bit
    ///   pattern (RFC 1951 allows it for a distance code with one symbol, and zlib
    ///   accepts any incomplete distance code); over-subscribed codes are always invalid.
    /// - Throws: ``InflateError`` for an over-subscribed or (unless allowed) incomplete code.
    init(lengths: [Int], allowIncomplete: Bool = false, name: String) throws {
        for length in lengths where length > 0 { countOfLength[length] += 1 }
        var available = 1
        for length in 1...Self.maxBits {
            available = available * 2 - countOfLength[length]
            guard available >= 0 else { throw InflateError("invalid \(name) code lengths (over-subscribed)") }
        }
        let used = countOfLength.reduce(0, +)
        guard available == 0 || allowIncomplete || used == 0 else {
            throw InflateError("invalid \(name) code lengths (incomplete code)")
        }
        for length in 1...Self.maxBits {
            for (symbol, symbolLength) in lengths.enumerated() where symbolLength == length { symbols.append(symbol) }
        }
        var nextCode = [Int](repeating: 0, count: Self.maxBits + 2)
        for length in 1...Self.maxBits { nextCode[length + 1] = (nextCode[length] + countOfLength[length]) << 1 }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let code = nextCode[length]
            nextCode[length] += 1
            guard length <= Self.fastBits else { continue }
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            for fill in 0..<(1 << (Self.fastBits - length)) {
                fastTable[reversed | fill << length] = UInt16(symbol << 4 | length)
            }
        }
    }

    /// Reads one symbol.
    /// - Throws: ``InflateError`` for a bit pattern that is no code, or truncated input.
    func decode(_ reader: inout BitReader) throws -> Int {
        let (bits, available) = reader.peek(Self.fastBits)
        let entry = Int(fastTable[bits])
        if entry != 0, entry & 0xF <= available {
            reader.skip(entry & 0xF)
            return entry >> 4
        }
        var code = 0, firstCode = 0, firstIndex = 0
        for length in 1...Self.maxBits {
            code |= try reader.bits(1)
            let count = countOfLength[length]
            if code - firstCode < count { return symbols[firstIndex + code - firstCode] }
            firstIndex += count
            firstCode = (firstCode + count) << 1
            code <<= 1
        }
        throw InflateError("invalid Huffman code in the compressed data")
    }
}
