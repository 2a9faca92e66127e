import Foundation

extension ExampleKey {
    /// The key of every example `0..<count` in `stream` for `seed`, equal to
    /// ``init(seed:stream:id:)`` of each id, but without a `String` per
    /// example: the text `"<seed>:<stream>:"` is encoded once and each id is
    /// written after it in a reused buffer (integer ids as their decimal
    /// digits, text ids as their UTF-8 bytes). The examples are split over
    /// the machine's cores; the result does not depend on how.
    ///
    /// - Parameter ids: the examples' ids; `nil` means the 1-based positions
    ///   `1`, `2`, … (a file without an id column).
    public static func keys(seed: UInt64, stream: String, ids: ExampleIds?, count: Int) -> [ExampleKey] {
        precondition(ids.map { $0.count == count } ?? true, "one id per example")
        return keys(seed: seed, stream: stream, ids: ids, count: count) { $0 }
    }

    /// The first 32 bits of the key of every example `0..<count` (as
    /// ``keys(seed:stream:ids:count:)`` computes the keys), 4 bytes per
    /// example instead of 16: enough to sort ten million examples by key
    /// with the few equal prefixes settled by their whole keys.
    public static func keyPrefixes(seed: UInt64, stream: String, ids: ExampleIds?, count: Int) -> [UInt32] {
        precondition(ids.map { $0.count == count } ?? true, "one id per example")
        return keys(seed: seed, stream: stream, ids: ids, count: count, example: { $0 }) { $0.leadingBytes }
    }

    /// The keys of the examples at `positions` (in that order), as
    /// ``keys(seed:stream:ids:count:)`` computes them, split over the cores
    /// when there are many.
    public static func keys(seed: UInt64, stream: String, ids: ExampleIds?, positions: [Int32]) -> [ExampleKey] {
        keys(seed: seed, stream: stream, ids: ids, count: positions.count) { Int(positions[$0]) }
    }

    /// `count` keys, key i being that of example `example(i)`, computed in
    /// contiguous parts on the cores (each part writes only its own slots).
    private static func keys(
        seed: UInt64, stream: String, ids: ExampleIds?, count: Int, example: (Int) -> Int
    ) -> [ExampleKey] {
        keys(seed: seed, stream: stream, ids: ids, count: count, example: example) { $0 }
    }

    /// `count` values, value i being `kept` of the key of example
    /// `example(i)`, computed in contiguous parts on the cores (each part
    /// writes only its own slots).
    private static func keys<Kept: BitwiseCopyable>(
        seed: UInt64, stream: String, ids: ExampleIds?, count: Int, example: (Int) -> Int,
        kept: (ExampleKey) -> Kept
    ) -> [Kept] {
        let prefix = Array(Self.prefix(seed: seed, stream: stream).utf8)
        var keys = [Kept](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        let parts = max(1, min(System.coreCount, count / 65_536))
        keys.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(example) { example in
                withoutActuallyEscaping(kept) { kept in
                    nonisolated(unsafe) let example = example, kept = kept
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        var writer = KeyWriter(prefix: prefix, ids: ids)
                        var index = count * part / parts
                        let end = count * (part + 1) / parts
                        while writer.hashesEight && index + 8 <= end {
                            let (highs, lows) = writer.eightKeys { example(index + $0) }
                            for lane in 0..<8 {
                                output[index + lane] = kept(ExampleKey(high: highs[lane], low: lows[lane]))
                            }
                            index += 8
                        }
                        while index < end {
                            output[index] = kept(writer.key(of: example(index)))
                            index += 1
                        }
                    }
                }
            }
        }
        return keys
    }

    /// The hashed text of one example after another in one reused buffer.
    ///
    /// Integer ids (and 1-based positions) take a fast path when the prefix
    /// leaves room for any `Int64` (prefix ≤ 35 bytes, so the text stays
    /// within one MD5 block): eight 64-byte blocks hold the prefix and
    /// padding once, each key rewrites only the digits, the 0x80 byte after
    /// them, the zeros the previous id may have left and the length, and
    /// eight ids are hashed at once (``MD5/digests(paddedBlocks:)``).
    private struct KeyWriter {
        var message: [UInt8]
        let prefixCount: Int
        let ids: ExampleIds?
        let integers: [Int64]?
        /// The eight padded blocks of the fast path, or `nil` when it does not apply.
        var blocks: [UInt8]?

        init(prefix: [UInt8], ids: ExampleIds?) {
            message = prefix
            prefixCount = prefix.count
            self.ids = ids
            integers = ids?.integers
            let integral = ids == nil || integers != nil
            if integral && prefix.count + Self.longestInteger <= 55 {
                let block = prefix + [UInt8](repeating: 0, count: 64 - prefix.count)
                blocks = (0..<8).flatMap { _ in block }
            }
        }

        /// The length of the longest `Int64` as text (`-9223372036854775808`).
        static let longestInteger = 20

        /// Whether ``eightKeys(_:)`` applies.
        var hashesEight: Bool { blocks != nil }

        /// The id of `example` as an integer (its 1-based position without ids).
        private func integer(of example: Int) -> Int64 { integers?[example] ?? Int64(example + 1) }

        mutating func key(of example: Int) -> ExampleKey {
            if blocks != nil {
                let value = integer(of: example)
                let (high, low) = blocks!.withUnsafeMutableBytes { bytes in
                    Self.write(value, prefixCount: prefixCount, into: bytes)
                    return MD5.digest(paddedBlock: UnsafeRawBufferPointer(rebasing: bytes[0..<64]))
                }
                return ExampleKey(high: high, low: low)
            }
            message.removeSubrange(prefixCount...)
            if let ids, integers == nil {
                message.append(contentsOf: ids[example].utf8)
            } else {
                appendDecimal(integer(of: example), to: &message)
            }
            let (high, low) = message.withUnsafeBytes { MD5.digest($0) }
            return ExampleKey(high: high, low: low)
        }

        /// The keys of the examples `example(0)`, …, `example(7)` (fast path only).
        mutating func eightKeys(_ example: (Int) -> Int) -> (highs: SIMD8<UInt64>, lows: SIMD8<UInt64>) {
            var values = SIMD8<Int64>()
            for lane in 0..<8 { values[lane] = integer(of: example(lane)) }
            let prefixCount = prefixCount
            return blocks!.withUnsafeMutableBytes { bytes in
                for lane in 0..<8 {
                    Self.write(
                        values[lane], prefixCount: prefixCount,
                        into: UnsafeMutableRawBufferPointer(rebasing: bytes[(64 * lane)..<(64 * lane + 64)]))
                }
                return MD5.digests(paddedBlocks: UnsafeRawBufferPointer(bytes))
            }
        }

        /// Writes `value` as decimal text after the prefix of a padded block,
        /// then 0x80, zeros up to byte 56 and the text's length in bits.
        private static func write(_ value: Int64, prefixCount: Int, into block: UnsafeMutableRawBufferPointer) {
            var end = prefixCount
            if value < 0 {
                block[end] = UInt8(ascii: "-")
                end += 1
            }
            var digitCount = 1, rest = value.magnitude / 10
            while rest > 0 {
                digitCount += 1
                rest /= 10
            }
            var remaining = value.magnitude
            for index in stride(from: end + digitCount - 1, through: end, by: -1) {
                block[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            end += digitCount
            block[end] = 0x80
            for index in (end + 1)..<56 { block[index] = 0 }
            block.storeBytes(of: (UInt64(end) &* 8).littleEndian, toByteOffset: 56, as: UInt64.self)
        }
    }

    /// Appends the canonical decimal text of `value` (a `-` sign, no leading zeros).
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}

/// What the bulk key computation asks of the machine.
enum System {
    /// Cores to split work over (at least 1).
    static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
