import DietAuditCore

/// What the planner knows about the training examples besides their scores:
/// labels, the cells `group_balanced` balances over, and the per-class error
/// `quota` allocates by.
public struct PlanningContext: Sendable, Equatable {
    /// Class index of each training example, in `0..<classCount`.
    public var labels: [Int]
    /// Number of classes.
    public var classCount: Int
    /// Cell index of each training example for `group_balanced`: examples
    /// share a cell when they agree on every audited attribute and on the
    /// class (see ``cells(from:)``). `nil`: the cells are the classes.
    public var cells: [Int]?
    /// Error 1 − recall of each class on held-out data, for `quota`, each in
    /// [0, 1]. `nil`: every class has the same error, so `quota` keeps the
    /// same fraction of every class (up to rounding).
    public var classErrors: [Double]?

    /// Id of each training example as text, which its tie and random keys
    /// hash (``ExampleKey``). `nil`: the 1-based positions `1`, `2`, ….
    public var ids: ExampleIds?

    public init(
        labels: [Int], classCount: Int, cells: [Int]? = nil, classErrors: [Double]? = nil, ids: ExampleIds? = nil
    ) {
        precondition(ids.map { $0.count == labels.count } ?? true, "one id per training example")
        self.ids = ids
        self.labels = labels
        self.classCount = classCount
        self.cells = cells
        self.classErrors = classErrors
    }

    /// The cell of each training example: its group in every grouping of
    /// kind `attribute` (a quartile-binned numeric attribute contributes its
    /// bin) and of kind `class`, combined. Intersections are left out (they
    /// add nothing: their cells are unions of these). Cells are numbered
    /// 0, 1, … in the lexicographic order of their group indices, the order a
    /// SQL engine numbers them too (`group_balanced` hands out its leftover
    /// units in cell order, so both paths must agree). `nil` when there is no such grouping.
    public static func cells(from groupings: [Grouping]) -> [Int]? {
        let used = groupings.filter { $0.kind == .attribute || $0.kind == .class }
        guard let count = used.first?.train.count else { return nil }
        // Each example's groups as one mixed-radix number (first grouping most
        // significant), when the product of the group counts fits: the numeric
        // order of these keys is the lexicographic order of the group indices.
        var radixProduct = 1
        for grouping in used {
            let (product, overflow) = radixProduct.multipliedReportingOverflow(by: max(grouping.groups.count, 1))
            guard !overflow else { return cellsByArrayKey(used, count: count) }
            radixProduct = product
        }
        var keys = [Int](repeating: 0, count: count)
        for grouping in used {
            let radix = max(grouping.groups.count, 1)
            for example in 0..<count { keys[example] = keys[example] * radix + grouping.train[example] }
        }
        if radixProduct <= 1 << 22 {
            var numberOfKey = [Int32](repeating: -1, count: radixProduct)
            for key in keys { numberOfKey[key] = 0 }
            var next: Int32 = 0
            for key in numberOfKey.indices where numberOfKey[key] == 0 {
                numberOfKey[key] = next
                next += 1
            }
            return keys.map { Int(numberOfKey[$0]) }
        }
        let distinct = Set(keys).sorted()
        let numbers = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        return keys.map { numbers[$0]! }
    }

    /// ``cells(from:)`` keyed by each example's array of groups (when the
    /// mixed-radix key would overflow), numbered in the same lexicographic order.
    private static func cellsByArrayKey(_ used: [Grouping], count: Int) -> [Int] {
        let keys = (0..<count).map { example in used.map { $0.train[example] } }
        let numbers = cellNumbers(of: keys)
        return keys.map { numbers[$0]! }
    }

    /// The number of each distinct cell key (group indices): its position
    /// among the distinct keys in lexicographic order.
    public static func cellNumbers(of keys: [[Int]]) -> [[Int]: Int] {
        let distinct = Set(keys).sorted { $0.lexicographicallyPrecedes($1) }
        return Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
    }
}
