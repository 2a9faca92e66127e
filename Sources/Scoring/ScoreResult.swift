/// One score's values for every training example.
public struct ScoreResult: Sendable, Equatable {
    /// Contract name: `el2n@2`, `grand@0`, `forgetting`, `input_norm`, `loss@2`,
    /// `margin@2`, `aum`, `confidence`, `variability`, `random`, `imported:<column>`.
    public var name: String
    /// The base name: `el2n`, `grand`, `forgetting`, `input_norm`, `loss`,
    /// `margin`, `aum`, `confidence`, `variability`, `random` or `imported`.
    public var kind: String
    /// The epoch of an `el2n`, `grand`, `loss` or `margin` score; `nil` otherwise.
    public var epoch: Int?
    /// Which end of the score is hard: pruning policies read "easiest" and
    /// "hardest" through it.
    public var direction: ScoreDirection
    /// Values per scoring seed: `perSeed[k][i]` is example `i` under seed `k`.
    /// Seed-independent scores (`input_norm`, `imported`) have one row.
    public var perSeed: [[Double]]
    /// The average over seeds of each example's value.
    public var mean: [Double]

    /// A result from per-seed values; ``mean`` is their average per example.
    /// `direction` defaults to the kind's built-in one
    /// (``ScoreDirection/builtIn(forKind:)``; `harder` for `imported`).
    /// - Precondition: at least one seed row, all rows the same length.
    public init(name: String, kind: String, epoch: Int?, direction: ScoreDirection? = nil, perSeed: [[Double]]) {
        precondition(
            !perSeed.isEmpty && perSeed.allSatisfy { $0.count == perSeed[0].count },
            "ScoreResult needs at least one seed row, all of one length")
        self.name = name
        self.kind = kind
        self.epoch = epoch
        self.direction = direction ?? ScoreDirection.builtIn(forKind: kind)
        self.perSeed = perSeed
        self.mean = Self.average(perSeed)
    }

    /// The `kind` of every imported score.
    public static let importedKind = "imported"

    /// The name of the score imported from `column`: `imported:<column>`.
    public static func importedName(column: String) -> String { "\(importedKind):\(column)" }

    /// A score read from a file (`imported:<column>`): one seed-independent row.
    public static func imported(column: String, values: [Double], higherIs direction: ScoreDirection = .harder)
        -> ScoreResult
    {
        ScoreResult(
            name: importedName(column: column), kind: importedKind, epoch: nil, direction: direction, perSeed: [values])
    }

    /// Number of seed rows.
    public var seedCount: Int { perSeed.count }

    /// Per-example average of the rows (summed in seed order).
    static func average(_ rows: [[Double]]) -> [Double] {
        if rows.count == 1 { return rows[0] }  // x / 1 = x: share the one row instead of copying it
        var sum = [Double](repeating: 0, count: rows[0].count)
        for row in rows {
            for index in row.indices { sum[index] += row[index] }
        }
        return sum.map { $0 / Double(rows.count) }
    }
}
