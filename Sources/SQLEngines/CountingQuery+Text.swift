import Auditing
import DietAuditCore

/// The counts table's column names (long form), as the counting query writes
/// them and `dataset: {counts: …}` reads them: `score`, `policy`, `fraction`,
/// `class` (the label's value), one column per attribute under its own name,
/// then `n` and `removed`.
public enum CountsColumn {
    public static let score = "score"
    public static let policy = "policy"
    public static let fraction = "fraction"
    public static let label = "class"
    public static let size = "n"
    public static let removed = "removed"
    /// Names an attribute may not take (they are the table's other columns).
    public static let reserved: Set<String> = [score, policy, fraction, label, size, removed]
    /// The `policy` of the rows that carry the cell sizes alone.
    public static let cellsPolicy = "cells"
}

extension CountingQuery {
    /// The plans of one part, in `VALUES` order after the `cells` row.
    func partPlans(_ part: Part) -> [Plan] {
        switch part {
        case .score: return plans
        case .random: return randomFractions.map { Plan(policy: .random, fraction: $0) }
        }
    }

    /// `<prefix>_keyed`, `<prefix>_ranked` and `<prefix>_counted`.
    func commonTables(_ part: Part, dialect: SQLDialect) -> String {
        let prefix = part.prefix, text = dialect.textType
        let cellColumns = (["k_class"] + attributeColumns.indices.map { "k_a\($0 + 1)" })
        var keyed = ["CAST(\(dialect.quotedColumn(labelColumn)) AS \(text)) AS k_class"]
        for (index, column) in attributeColumns.enumerated() {
            keyed.append("CAST(\(dialect.quotedColumn(column)) AS \(text)) AS k_a\(index + 1)")
        }
        let stream: String
        switch part {
        case .score(let score, _):
            keyed.append("CAST(\(dialect.quotedColumn(score.column)) AS \(dialect.doubleType)) AS k_score")
            stream = ExampleKey.tieStream(score: score.name)
        case .random:
            stream = ExampleKey.randomStream
        }
        let keyText =
            dialect.literal(ExampleKey.prefix(seed: seed, stream: stream)) + " || CAST("
            + dialect.quotedColumn(idColumn) + " AS \(text))"
        keyed.append(dialect.md5Hex(keyText) + " AS k_key")
        let ranked = cellColumns + ["COUNT(*) OVER () AS k_total"] + windows(part)
        let removed = partPlans(part).enumerated().map { index, plan in
            "SUM(CASE WHEN \(condition(plan, dialect: dialect)) THEN 1 ELSE 0 END) AS k_r\(index + 1)"
        }
        let cells = cellColumns.joined(separator: ", ")
        return """
            \(prefix)_keyed AS (
              SELECT \(keyed.joined(separator: ",\n    "))
              FROM \(dialect.quoted(table))
            ),
            \(prefix)_ranked AS (
              SELECT \(ranked.joined(separator: ",\n    "))
              FROM \(prefix)_keyed
            ),
            \(prefix)_counted AS (
              SELECT \(([cells, "COUNT(*) AS k_n"] + removed).joined(separator: ",\n    "))
              FROM \(prefix)_ranked
              GROUP BY \(cells)
            )
            """
    }

    /// The window columns a part's plans read.
    func windows(_ part: Part) -> [String] {
        let kinds = Set(partPlans(part).map(\.policy.kind))
        var columns: [String] = []
        func rank(_ window: String, _ name: String) -> String {
            "CAST(ROW_NUMBER() OVER (\(window)) AS BIGINT) AS \(name)"
        }
        if case .score(let score, _) = part {
            let easyFirst = score.higherIsHarder ? "ASC" : "DESC", hardFirst = score.higherIsHarder ? "DESC" : "ASC"
            if kinds.contains(.keepHard) { columns.append(rank("ORDER BY k_score \(easyFirst), k_key", "k_easy")) }
            if kinds.contains(.keepEasy) { columns.append(rank("ORDER BY k_score \(hardFirst), k_key", "k_hard")) }
            if kinds.contains(.classBalanced) {
                columns.append("COUNT(*) OVER (PARTITION BY k_class) AS k_class_total")
                columns.append(rank("PARTITION BY k_class ORDER BY k_score \(easyFirst), k_key", "k_class_easy"))
            }
        } else if !kinds.isEmpty {
            columns.append(rank("ORDER BY k_key", "k_random"))
        }
        return columns
    }

    /// Whether a row of `<prefix>_ranked` is removed by `plan`.
    func condition(_ plan: Plan, dialect: SQLDialect) -> String {
        let removedCount = Self.roundedHalfEven(plan.fraction, times: "k_total", dialect: dialect)
        switch plan.policy.kind {
        case .keepHard:
            guard let offset = plan.policy.offset else { return "k_easy <= \(removedCount)" }
            let offsetCount = Self.roundedHalfEven(offset, times: "k_total", dialect: dialect)
            return "(k_easy <= \(removedCount) - \(offsetCount) OR k_easy > k_total - \(offsetCount))"
        case .keepEasy:
            return "k_hard <= \(removedCount)"
        case .classBalanced:
            return "k_class_easy <= "
                + Self.roundedHalfEven(plan.fraction, times: "k_class_total", dialect: dialect)
        case .random:
            return "k_random <= \(removedCount)"
        case .groupBalanced, .quota:
            preconditionFailure("\(plan.policy.rawValue) is not counted in SQL")
        }
    }

    /// round(f · count), half to even, in exact integer arithmetic: with
    /// x = digits·count and P = 10^scale, ⌊x/P⌋ plus one when the remainder is
    /// above half, or exactly half and ⌊x/P⌋ odd (x mod 2P ≥ P).
    static func roundedHalfEven(_ fraction: DecimalFraction, times count: String, dialect: SQLDialect) -> String {
        guard fraction.scale > 0 else { return "(\(fraction.digits) * \(count))" }
        let power = (0..<fraction.scale).reduce(UInt64(1)) { value, _ in value * 10 }
        let product = "(\(fraction.digits) * \(count))"
        let remainder = "\(product) % \(power)"
        let floor = dialect.exactDivision("\(product) - \(remainder)", "\(power)")
        let bump =
            "CASE WHEN 2 * (\(remainder)) > \(power) OR (2 * (\(remainder)) = \(power) "
            + "AND \(product) % \(2 * power) >= \(power)) THEN 1 ELSE 0 END"
        return "(\(floor) + \(bump))"
    }

    /// The part's rows of the counts table: its counts unpivoted by `VALUES`.
    func finalSelect(_ part: Part, dialect: SQLDialect) -> String {
        let plans = partPlans(part)
        let scoreName: String
        if case .score(let score, _) = part { scoreName = score.name } else { scoreName = "" }
        var values = ["(0, \(dialect.literal(CountsColumn.cellsPolicy)), '')"]
        for (index, plan) in plans.enumerated() {
            values.append(
                "(\(index + 1), \(dialect.literal(plan.policy.rawValue)), "
                    + "\(dialect.literal(plan.fraction.description)))"
            )
        }
        let removed =
            plans.isEmpty
            ? "0"
            : "CASE v.plan " + plans.indices.map { "WHEN \($0 + 1) THEN k_r\($0 + 1)" }.joined(separator: " ")
                + " ELSE 0 END"
        var columns = [
            "\(dialect.literal(scoreName)) AS \(CountsColumn.score)", "v.policy AS \(CountsColumn.policy)",
            "v.fraction AS \(CountsColumn.fraction)", "k_class AS \(dialect.quotedColumn(CountsColumn.label))",
        ]
        for (index, column) in attributeColumns.enumerated() {
            columns.append("k_a\(index + 1) AS \(dialect.quotedColumn(column))")
        }
        columns += ["k_n AS \(CountsColumn.size)", "\(removed) AS \(CountsColumn.removed)"]
        return """
            SELECT \(columns.joined(separator: ", "))
            FROM \(part.prefix)_counted
              CROSS JOIN (VALUES \(values.joined(separator: ", "))) AS v(plan, policy, fraction)
            """
    }
}
