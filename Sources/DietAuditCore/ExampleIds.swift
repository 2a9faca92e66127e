/// The ids of the examples of one split, in split order, read as text.
///
/// Ids are stored as given (`[String]`), or — when every id is a canonical
/// decimal integer (`0`, `17`, `-3`; no sign `+`, no leading zeros, fits in
/// 64 bits) — as `Int64`s, 8 bytes each, so ten million ids cost 80 MB
/// and can be joined by arithmetic instead of hashing text. Both read the
/// same: `ids[i]` is the id's text.
public struct ExampleIds: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    enum Storage: Sendable {
        case texts([String])
        case integers([Int64])
    }

    var storage: Storage

    /// Ids as text, stored as given.
    public init(_ texts: [String]) {
        storage = .texts(texts)
    }

    /// Ids that are integers; each reads as its canonical decimal text.
    public init(integers: [Int64]) {
        storage = .integers(integers)
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// The ids as text, when they are stored so (not integers).
    public var texts: [String]? {
        if case .texts(let values) = storage { return values }
        return nil
    }

    /// The ids as integers, when they are stored so.
    public var integers: [Int64]? {
        if case .integers(let values) = storage { return values }
        return nil
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .texts(let values): values.count
        case .integers(let values): values.count
        }
    }

    public subscript(position: Int) -> String {
        switch storage {
        case .texts(let values): values[position]
        case .integers(let values): String(values[position])
        }
    }

    /// The ids at `positions`, in that order, stored the same way.
    public func selecting(_ positions: [Int]) -> ExampleIds {
        switch storage {
        case .texts(let values): ExampleIds(positions.map { values[$0] })
        case .integers(let values): ExampleIds(integers: positions.map { values[$0] })
        }
    }

    /// Both splits' ids, as text.
    public static func + (lhs: ExampleIds, rhs: ExampleIds) -> [String] {
        Array(lhs) + Array(rhs)
    }

    /// The integer `text` stands for, when it is written canonically (what
    /// `String(Int64)` gives back): ASCII digits with an optional leading `-`,
    /// no leading zeros, no `-0`, within `Int64`.
    /// Inlinable, so the readers' byte-slice calls are specialised (no
    /// generic iterator call per byte).
    @inlinable
    public static func canonicalInteger<Bytes: Collection<UInt8>>(_ text: Bytes) -> Int64? {
        var iterator = text.makeIterator()
        guard var byte = iterator.next() else { return nil }
        let negative = byte == UInt8(ascii: "-")
        if negative {
            guard let next = iterator.next() else { return nil }
            byte = next
        }
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        var magnitude = UInt64(byte - UInt8(ascii: "0"))
        var digits = 1
        while let next = iterator.next() {
            guard next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9"), magnitude != 0 else { return nil }
            digits += 1
            guard digits <= 19 else { return nil }
            magnitude = magnitude * 10 + UInt64(next - UInt8(ascii: "0"))
        }
        if negative {
            guard magnitude != 0, magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}

extension ExampleIds: Equatable {
    public static func == (lhs: ExampleIds, rhs: ExampleIds) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.texts(let left), .texts(let right)): left == right
        case (.integers(let left), .integers(let right)): left == right
        default: lhs.elementsEqual(rhs)
        }
    }
}

extension ExampleIds: CustomStringConvertible {
    public var description: String { Array(self).description }
}
