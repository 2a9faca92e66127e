import Auditing
import DietAuditCore

/// The counting query: for one score (or for the `random` policy), how many
/// examples each plan removes from every cell (class × every attribute value),
/// written in portable SQL for a ``SQLDialect``.
///
/// The engine ranks once per window the plans need — easiest first
/// (`keep_hard`, with or without offset), hardest first (`keep_easy`), easiest
/// first within each class (`class_balanced`), by the random key (`random`) —
/// ordering by the score cast to a double, then by the ``ExampleKey`` of the id
/// (`md5('<seed>:<stream>:' || id)`), exactly as the in-memory planner does.
/// One aggregate then counts, per cell, n and the removed examples of every
/// plan with `CASE`, and a `VALUES` list unpivots the counts into the counts
/// table's long form (``CountsColumn``): one row per plan and cell, plus one
/// `cells` row per cell carrying n alone. R = round(f·N) and round(f·n_c) are
/// computed in the query with exact integer arithmetic (f = digits/10^scale,
/// half to even), so digits·N must fit in 64 bits.
///
/// `group_balanced` needs no ranking for the composition audit: its removed
/// count per cell follows from the cell sizes alone (largest remainder), so it
/// is computed locally. `quota` needs the scoring models, which an engine
/// dataset has not: it is refused when the spec is read.
public struct CountingQuery: Sendable {
    /// One score column of the table.
    public struct Score: Sendable {
        /// The contract name (`imported:clip_score`).
        public var name: String
        /// The table's column.
        public var column: String
        /// Whether a higher value is harder (`higher_is: harder`).
        public var higherIsHarder: Bool

        public init(name: String, column: String, higherIsHarder: Bool) {
            self.name = name
            self.column = column
            self.higherIsHarder = higherIsHarder
        }
    }

    /// One plan counted in SQL: a score-based policy at a fraction.
    public struct Plan: Sendable, Hashable {
        public var policy: PruningPolicy
        public var fraction: DecimalFraction

        public init(policy: PruningPolicy, fraction: DecimalFraction) {
            self.policy = policy
            self.fraction = fraction
        }
    }

    public var table: String
    public var labelColumn: String
    public var idColumn: String
    public var attributeColumns: [String]
    public var seed: UInt64
    /// The score-based plans counted for every score (``countedPlans(policies:fractions:)``).
    public var plans: [Plan]
    /// The fractions of the `random` policy; empty when the spec has none.
    public var randomFractions: [DecimalFraction]

    public init(
        table: String, labelColumn: String, idColumn: String, attributeColumns: [String], seed: UInt64,
        plans: [Plan], randomFractions: [DecimalFraction]
    ) {
        self.table = table
        self.labelColumn = labelColumn
        self.idColumn = idColumn
        self.attributeColumns = attributeColumns
        self.seed = seed
        self.plans = plans
        self.randomFractions = randomFractions
    }

    /// The plans a spec's policies need counted in SQL: each score-based
    /// policy but `group_balanced` (local) and `quota` (refused), and the
    /// remedies a failing plan of theirs would be compared with
    /// (``Auditing/PruningPolicy/remedies(at:quotaAvailable:)``), at every fraction.
    public static func countedPlans(policies: [PruningPolicy], fractions: [DecimalFraction]) -> [Plan] {
        var plans: [Plan] = []
        for policy in policies where policy.usesScores {
            for fraction in fractions {
                for candidate in [policy] + policy.remedies(at: fraction, quotaAvailable: false)
                where candidate.kind != .groupBalanced && candidate.kind != .quota {
                    let plan = Plan(policy: candidate, fraction: fraction)
                    if !plans.contains(plan) { plans.append(plan) }
                }
            }
        }
        return plans
    }

    /// The query of every score and of `random`, as one statement: the parts
    /// joined by `UNION ALL`, the whole counts table at once.
    public func sql(scores: [Score], dialect: SQLDialect) -> String {
        var parts = scores.enumerated().map { index, score in Part.score(score, prefix: "s\(index + 1)") }
        if !randomFractions.isEmpty { parts.append(.random(prefix: "r")) }
        return statement(parts, dialect: dialect)
    }

    /// The query of one score alone.
    public func sql(score: Score, dialect: SQLDialect) -> String {
        statement([.score(score, prefix: "s")], dialect: dialect)
    }

    /// The query of the `random` plans alone.
    public func randomSQL(dialect: SQLDialect) -> String { statement([.random(prefix: "r")], dialect: dialect) }

    /// What one part of the query ranks by.
    enum Part {
        case score(Score, prefix: String)
        case random(prefix: String)

        var prefix: String {
            switch self {
            case .score(_, let prefix), .random(let prefix): return prefix
            }
        }
    }

    private func statement(_ parts: [Part], dialect: SQLDialect) -> String {
        let tables = parts.map { commonTables($0, dialect: dialect) }.joined(separator: ",\n")
        let selects = parts.map { finalSelect($0, dialect: dialect) }.joined(separator: "\nUNION ALL\n")
        return "WITH\n" + tables + "\n" + selects
    }
}
