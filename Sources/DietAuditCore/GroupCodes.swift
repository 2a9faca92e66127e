/// The group index of every example of one grouping, stored compactly: one
/// byte per example when the grouping has at most 256 groups (every class,
/// attribute and pairwise intersection of a typical audit), four bytes
/// otherwise. Reads like `[Int]`: `codes[i]` is example i's group index.
///
/// At ten million examples a grouping costs 10 MB instead of the 80 MB of an
/// `[Int]`, and an audit holds a dozen groupings.
public struct GroupCodes: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The two widths.
    enum Storage: Sendable, Hashable {
        case narrow([UInt8])
        case wide([Int32])
    }

    var storage: Storage

    /// Codes of `groups` (each in `0..<Int32.max`), one byte wide when every
    /// code fits in a byte.
    public init(_ groups: [Int]) {
        var narrow = true
        for group in groups where group < 0 || group > Int(UInt8.max) {
            narrow = false
            break
        }
        if narrow {
            storage = .narrow(groups.map { UInt8(truncatingIfNeeded: $0) })
        } else {
            precondition(groups.allSatisfy { $0 >= 0 && $0 < Int(Int32.max) }, "group codes must be in 0..<2^31-1")
            storage = .wide(groups.map { Int32(truncatingIfNeeded: $0) })
        }
    }

    /// The codes `table[codes[i]]`: each example's code looked up in a small
    /// table (distinct values → group order), one byte wide when the table allows.
    /// - Precondition: every code indexes `table`; table entries are in `0..<Int32.max`.
    public init(_ codes: [UInt16], through table: [Int]) {
        if table.allSatisfy({ $0 >= 0 && $0 <= Int(UInt8.max) }) {
            let bytes = table.map { UInt8(truncatingIfNeeded: $0) }
            storage = .narrow(codes.map { bytes[Int($0)] })
        } else {
            let wide = table.map { Int32(truncatingIfNeeded: $0) }
            storage = .wide(codes.map { wide[Int($0)] })
        }
    }

    /// One byte per example, as given (each byte is a group index).
    public init(bytes: [UInt8]) {
        storage = .narrow(bytes)
    }

    /// Four bytes per example, as given.
    public init(wide codes: [Int32]) {
        storage = .wide(codes)
    }

    /// The codes when stored one byte each.
    public var narrowBytes: [UInt8]? {
        if case .narrow(let values) = storage { return values }
        return nil
    }

    /// The codes when stored four bytes each.
    public var wideCodes: [Int32]? {
        if case .wide(let values) = storage { return values }
        return nil
    }

    public init(arrayLiteral elements: Int...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .narrow(let values): values.count
        case .wide(let values): values.count
        }
    }

    public subscript(position: Int) -> Int {
        switch storage {
        case .narrow(let values): Int(values[position])
        case .wide(let values): Int(values[position])
        }
    }

    /// The codes of the examples at `positions`, in that order.
    public func selecting(_ positions: [Int]) -> GroupCodes {
        switch storage {
        case .narrow(let values): GroupCodes(bytes: positions.map { values[$0] })
        case .wide(let values): GroupCodes(positions.map { Int(values[$0]) })
        }
    }

    /// Adds one to `counts[code]` for every example, and to
    /// `removedCounts[code]` for every example whose `removed` entry is true:
    /// the two tallies of the composition audit in one tight pass.
    /// - Precondition: `removed` has one entry per example; both arrays have
    ///   an entry per group code.
    public func tally(removed: ExampleBitSet, counts: inout [Int], removedCounts: inout [Int]) {
        precondition(removed.count == count, "one removal flag per example")
        for code in self { counts[code] += 1 }
        removed.forEachSetIndex { index in removedCounts[self[index]] += 1 }
    }
}

extension GroupCodes: CustomStringConvertible {
    public var description: String { Array(self).description }
}
