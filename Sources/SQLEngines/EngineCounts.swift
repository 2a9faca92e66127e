import Auditing
import DietAuditCore

/// One row of a counts table (``CountsColumn``), where it came from kept for messages.
public struct CountsRow: Sendable {
    /// The score's name; empty for `random` and `cells` rows of the random part.
    public var score: String
    public var policy: String
    /// The fraction as written (`0.1`); empty on `cells` rows.
    public var fraction: String
    /// The label's value, then each attribute's (`nil`: missing).
    public var cell: [String?]
    public var size: Int
    public var removed: Int
    /// The row's line in a file, or the engine, table and row number.
    public var location: SourceLocation

    public init(
        score: String, policy: String, fraction: String, cell: [String?], size: Int, removed: Int,
        location: SourceLocation
    ) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.cell = cell
        self.size = size
        self.removed = removed
        self.location = location
    }
}

/// A plan of a counts table: score (`nil` for `random`), policy and fraction.
public struct CountsPlanKey: Sendable, Hashable, CustomStringConvertible {
    public var score: String?
    public var policy: PruningPolicy
    public var fraction: DecimalFraction

    public init(score: String?, policy: PruningPolicy, fraction: DecimalFraction) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
    }

    public var description: String {
        "\(policy.rawValue) at \(fraction)" + (score.map { " of score \($0)" } ?? "")
    }
}

/// A counts table read and checked: the cells (class × every attribute
/// value), their sizes, and each plan's removed count per cell.
public struct EngineCounts: Sendable {
    /// Each cell's label value, then attribute values (`nil`: missing), in
    /// first-seen order.
    public var cells: [[String?]]
    public var cellSizes: [Int]
    /// Removed per cell, for each plan.
    public var removed: [CountsPlanKey: [Int]]

    /// Checks `rows` and gathers them: every cell has one n wherever it
    /// appears; every plan in `expected` has exactly one row per cell;
    /// 0 ≤ removed ≤ n; and each plan's removed counts add up — to round(f·N)
    /// in all, and for `class_balanced` to round(f·n_c) within each class.
    /// - Throws: ``InputError`` at the offending row (or at `source` for a
    ///   missing plan), naming the plan, the cell and the numbers.
    public static func checked(rows: [CountsRow], expected: [CountsPlanKey], source: SourceLocation) throws
        -> EngineCounts
    {
        var cellIndex: [[String?]: Int] = [:]
        var cells: [[String?]] = [], sizes: [Int] = [], firstSeen: [SourceLocation] = []
        for row in rows {
            guard row.cell.first.flatMap({ $0 }) != nil else {
                throw InputError("the class is missing; every row needs the label's value", at: row.location)
            }
            guard row.size >= 1, row.removed >= 0, row.removed <= row.size else {
                throw InputError(
                    "n = \(row.size) and removed = \(row.removed); expected n ≥ 1 and 0 ≤ removed ≤ n",
                    at: row.location)
            }
            if let index = cellIndex[row.cell] {
                guard sizes[index] == row.size else {
                    throw InputError(
                        "cell \(describe(row.cell)) has n = \(row.size) here but n = \(sizes[index]) at "
                            + "\(firstSeen[index].prefix); a cell has one size in every plan",
                        at: row.location)
                }
            } else {
                cellIndex[row.cell] = cells.count
                cells.append(row.cell)
                sizes.append(row.size)
                firstSeen.append(row.location)
            }
        }
        guard !cells.isEmpty else { throw InputError("the counts table has no rows", at: source) }
        let removed = try gatherPlans(rows, cellIndex: cellIndex, cellCount: cells.count, expected: expected)
        let counts = EngineCounts(cells: cells, cellSizes: sizes, removed: removed)
        for plan in expected { try counts.checkTotals(plan, source: source) }
        return counts
    }

    private static func gatherPlans(
        _ rows: [CountsRow], cellIndex: [[String?]: Int], cellCount: Int, expected: [CountsPlanKey]
    ) throws -> [CountsPlanKey: [Int]] {
        let wanted = Set(expected)
        var removed: [CountsPlanKey: [Int?]] = [:]
        for row in rows where row.policy != CountsColumn.cellsPolicy {
            guard let policy = PruningPolicy(rawValue: row.policy),
                let fraction = DecimalFraction(parsing: row.fraction)
            else {
                throw InputError(
                    "policy '\(row.policy)' at fraction '\(row.fraction)' is not a plan of the counting query",
                    at: row.location)
            }
            let key = CountsPlanKey(score: row.score.isEmpty ? nil : row.score, policy: policy, fraction: fraction)
            guard wanted.contains(key) else { continue }
            var perCell = removed[key] ?? [Int?](repeating: nil, count: cellCount)
            let index = cellIndex[row.cell]!
            guard perCell[index] == nil else {
                throw InputError("a second row for plan \(key), cell \(describe(row.cell))", at: row.location)
            }
            perCell[index] = row.removed
            removed[key] = perCell
        }
        var result: [CountsPlanKey: [Int]] = [:]
        for key in expected {
            guard let perCell = removed[key] else {
                throw InputError("missing rows: no row for plan \(key); run the query `dietaudit sql` prints again")
            }
            if let hole = perCell.firstIndex(of: nil) {
                let cell = cellIndex.first { $0.value == hole }!.key
                throw InputError("missing rows: plan \(key) has no row for cell \(describe(cell))")
            }
            result[key] = perCell.map { $0! }
        }
        return result
    }

    /// Checks that a plan's removed counts add up to what its policy removes.
    func checkTotals(_ plan: CountsPlanKey, source: SourceLocation) throws {
        let perCell = removed[plan]!
        let total = cellSizes.reduce(0, +)
        if plan.policy.kind == .classBalanced {
            var classSizes: [String: Int] = [:], classRemoved: [String: Int] = [:]
            for (index, cell) in cells.enumerated() {
                classSizes[cell[0]!, default: 0] += cellSizes[index]
                classRemoved[cell[0]!, default: 0] += perCell[index]
            }
            for (label, size) in classSizes.sorted(by: { $0.key < $1.key }) {
                let expected = plan.fraction.roundedHalfEven(times: size)
                guard classRemoved[label] == expected else {
                    throw InputError(
                        "inconsistent counts: plan \(plan) removes \(classRemoved[label]!) of class \(label)'s "
                            + "\(size) examples, but round(\(plan.fraction) × \(size)) = \(expected); "
                            + "the groups do not add up to the class totals",
                        at: source)
                }
            }
            return
        }
        let expected = plan.fraction.roundedHalfEven(times: total)
        let sum = perCell.reduce(0, +)
        guard sum == expected else {
            throw InputError(
                "inconsistent counts: plan \(plan) removes \(sum) of the \(total) examples the cells hold, but "
                    + "round(\(plan.fraction) × \(total)) = \(expected)",
                at: source)
        }
    }

    /// `class=good, sex=(missing)`-style text of a cell, for messages.
    static func describe(_ cell: [String?]) -> String {
        "(" + cell.map { $0 ?? "(missing)" }.joined(separator: ", ") + ")"
    }
}
