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
    public init(_ groups: some Collection<Int>) {
        if groups.allSatisfy({ $0 >= 0 && $0 <= Int(UInt8.max) }) {
            storage = .narrow(groups.map { UInt8(truncatingIfNeeded: $0) })
        } else {
            precondition(groups.allSatisfy { $0 >= 0 && $0 < Int(Int32.max) }, "group codes must be in 0..<2^31-1")
            storage = .wide(groups.map { Int32(truncatingIfNeeded: $0) })
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
    public func tally(removed: [Bool], counts: inout [Int], removedCounts: inout [Int]) {
        precondition(removed.count == count, "one removal flag per example")
        switch storage {
        case .narrow(let values):
            values.withUnsafeBufferPointer { codes in
                removed.withUnsafeBufferPointer { flags in
                    for index in codes.indices {
                        let code = Int(codes[index])
                        counts[code] += 1
                        if flags[index] { removedCounts[code] += 1 }
                    }
                }
            }
        case .wide(let values):
            for (index, value) in values.enumerated() {
                counts[Int(value)] += 1
                if removed[index] { removedCounts[Int(value)] += 1 }
            }
        }
    }
}

extension GroupCodes: CustomStringConvertible {
    public var description: String { Array(self).description }
}
