/// What kind of grouping of examples a ``Grouping`` is.
public enum GroupingKind: String, Sendable, Codable, CaseIterable {
    /// The label itself, audited under the attribute name `class`.
    case `class`
    /// One sensitive attribute from the spec's `dataset.attributes`.
    case attribute
    /// A pairwise intersection `a×b` of two attributes, or of an attribute with `class`.
    case intersection
}

/// A partition of the training and test examples into named groups: the
/// classes, the levels of a sensitive attribute, or the cells of an
/// intersection. Every audit row is about one group of one grouping.
public struct Grouping: Sendable, Equatable {
    /// The attribute name as reports show it: `class`, `sex`, `sex×age_group`.
    public var name: String
    /// Class, attribute or intersection; rules select on it (`applies_to`).
    public var kind: GroupingKind
    /// Group labels in a fixed order (`female`, `male`; `female×<=25`, …).
    public var groups: [String]
    /// Index into ``groups`` of each training example, in training order
    /// (one byte each for up to 256 groups, see ``GroupCodes``).
    public var train: GroupCodes
    /// Index into ``groups`` of each test example, in test order.
    public var test: [Int]

    public init(name: String, kind: GroupingKind, groups: [String], train: [Int], test: [Int]) {
        self.init(name: name, kind: kind, groups: groups, trainCodes: GroupCodes(train), test: test)
    }

    public init(name: String, kind: GroupingKind, groups: [String], trainCodes: GroupCodes, test: [Int]) {
        self.name = name
        self.kind = kind
        self.groups = groups
        self.train = trainCodes
        self.test = test
    }

    /// The separator between parts of an intersection's name and its groups' labels.
    public static let intersectionSeparator = "×"

    /// Number of training examples in each group.
    public var trainCounts: [Int] {
        var counts = [Int](repeating: 0, count: groups.count)
        for index in train { counts[index] += 1 }
        return counts
    }

    /// Number of test examples in each group.
    public var testCounts: [Int] {
        var counts = [Int](repeating: 0, count: groups.count)
        for index in test { counts[index] += 1 }
        return counts
    }
}
