import Auditing
import DietAuditCore
import Rules
import Storage

/// What changed between two stored runs (`dietaudit diff A B`): findings that
/// appeared, disappeared or changed, and the largest moves of key metrics on
/// rows both runs share.
///
/// - A finding is matched across runs by ``FindingKey`` — rule id, metric and
///   scope (score, policy, fraction, attribute, group). It *appeared* when only
///   the new run has its key, *disappeared* when only the old one does, and
///   *changed* when both do and value, severity or threshold differ (exact
///   comparison: runs are deterministic, so equal inputs give equal numbers).
/// - A metric move is the difference new − old of one metric on one row key
///   (score, policy, fraction, attribute, group) present in both runs with the
///   metric defined in both: `retention_ratio` and `removal_rate` from the
///   composition rows, and the seed mean of `accuracy` from the error-risk
///   rows when both runs retrained. Per metric, the ``moveLimit`` largest |Δ|
///   (Δ ≠ 0) are kept, ties in the new run's row order.
public struct RunDiff: Sendable {
    /// The composition metrics whose moves are listed, in this order, with how each is read from a row.
    static let compositionMoves: [(metric: String, value: @Sendable (CompositionRow) -> Double?)] = [
        ("retention_ratio", { $0.retentionRatio }), ("removal_rate", { $0.removalRate }),
    ]
    /// The error-risk metric whose moves are listed (the seed mean).
    static let errorRiskMove = ErrorRiskMetric.accuracy

    /// The metrics whose moves are listed, in this order.
    public static let movedMetrics = compositionMoves.map(\.metric) + [errorRiskMove.rawValue]

    public var old: RunRecord
    public var new: RunRecord
    /// Findings only the new run has, in its order.
    public var appeared: [Finding]
    /// Findings only the old run has, in its order.
    public var disappeared: [Finding]
    /// Findings both runs have with a different value, severity or threshold, in the new run's order.
    public var changed: [FindingChange]
    /// Per metric of ``movedMetrics`` that either run has, the largest moves.
    public var moves: [(metric: String, moves: [MetricMove])]
    /// Composition row keys only the old run has, and only the new run has.
    public var compositionOnlyOld: Int
    public var compositionOnlyNew: Int
    /// Most moves listed per metric.
    public let moveLimit: Int

    /// Compares `old` with `new`.
    public init(old: StoredRun, new: StoredRun, moveLimit: Int = 10) {
        self.old = old.run
        self.new = new.run
        self.moveLimit = moveLimit
        let oldFindings = Self.firstByKey(old.findings), newFindings = Self.firstByKey(new.findings)
        appeared = new.findings.filter { oldFindings[FindingKey($0)] == nil }
        disappeared = old.findings.filter { newFindings[FindingKey($0)] == nil }
        changed = new.findings.compactMap { finding -> FindingChange? in
            guard let before = oldFindings[FindingKey(finding)], newFindings[FindingKey(finding)] == finding,
                before.value != finding.value || before.severity != finding.severity
                    || before.threshold != finding.threshold
            else { return nil }
            return FindingChange(old: before, new: finding)
        }
        let oldRows = Self.compositionByKey(old.composition), newRows = Self.compositionByKey(new.composition)
        compositionOnlyOld = oldRows.keys.filter { newRows[$0] == nil }.count
        compositionOnlyNew = newRows.keys.filter { oldRows[$0] == nil }.count
        var moves: [(metric: String, moves: [MetricMove])] = []
        let newKeys = new.composition.map(RowKey.init)
        for (metric, value) in Self.compositionMoves {
            let pairs = newKeys.map { key in (key, oldRows[key].flatMap(value), newRows[key].flatMap(value)) }
            moves.append((metric, Self.largest(metric: metric, pairs: pairs, limit: moveLimit)))
        }
        if !old.errorRisk.rows.isEmpty || !new.errorRisk.rows.isEmpty {
            let oldAccuracy = Self.accuracyByKey(old.errorRisk.rows)
            let newAccuracy = Self.accuracyByKey(new.errorRisk.rows)
            let pairs = new.errorRisk.rows.map(RowKey.init).map { ($0, oldAccuracy[$0], newAccuracy[$0]) }
            let metric = Self.errorRiskMove.rawValue
            moves.append((metric, Self.largest(metric: metric, pairs: pairs, limit: moveLimit)))
        }
        self.moves = moves
    }

    /// The first finding per key (a rule reports a row once, so keys are unique in practice).
    static func firstByKey(_ findings: [Finding]) -> [FindingKey: Finding] {
        Dictionary(findings.map { (FindingKey($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func compositionByKey(_ rows: [CompositionRow]) -> [RowKey: CompositionRow] {
        Dictionary(rows.map { (RowKey($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func accuracyByKey(_ rows: [ErrorRiskRow]) -> [RowKey: Double] {
        Dictionary(
            rows.compactMap { row in row.metrics[errorRiskMove].map { (RowKey(row), $0.mean) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The `limit` largest non-zero |new − old| among `pairs` with both values, ties in `pairs` order.
    static func largest(metric: String, pairs: [(RowKey, Double?, Double?)], limit: Int) -> [MetricMove] {
        var seen = Set<RowKey>()
        let moves = pairs.enumerated().compactMap { offset, pair -> (Int, MetricMove)? in
            guard let before = pair.1, let after = pair.2, before.isFinite, after.isFinite, after != before,
                seen.insert(pair.0).inserted
            else { return nil }
            return (offset, MetricMove(metric: metric, key: pair.0, old: before, new: after))
        }
        return moves.sorted { a, b in
            abs(a.1.delta) != abs(b.1.delta) ? abs(a.1.delta) > abs(b.1.delta) : a.0 < b.0
        }.prefix(limit).map(\.1)
    }
}

/// A finding's identity across runs: rule, metric and scope, not the value.
public struct FindingKey: Hashable, Sendable {
    public var ruleId: String
    public var metric: String
    public var row: RowKey

    public init(_ finding: Finding) {
        ruleId = finding.ruleId
        metric = finding.metric
        row = RowKey(
            score: finding.score, policy: finding.policy, fraction: finding.fraction,
            attribute: finding.attribute, group: finding.group)
    }
}

/// A metric row's scope: score, policy, fraction, attribute and group
/// (`nil` group: an attribute-level row; `nil` fraction: the `full` baseline).
public struct RowKey: Hashable, Sendable {
    public var score: String?
    public var policy: String
    public var fraction: Double?
    public var attribute: String
    public var group: String?

    public init(score: String?, policy: String, fraction: Double?, attribute: String, group: String?) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.attribute = attribute
        self.group = group
    }

    init(_ row: CompositionRow) {
        self.init(
            score: row.score, policy: row.policy, fraction: row.fraction, attribute: row.attribute, group: row.group)
    }

    init(_ row: ErrorRiskRow) {
        self.init(
            score: row.score, policy: row.policy, fraction: row.fraction, attribute: row.attribute, group: row.group)
    }

    /// `el2n@2/keep_hard/0.3/sex/female`, as SARIF's logical locations name it.
    public var name: String {
        [score ?? "-", policy, fraction.map(NumberFormatting.exact) ?? "-", attribute, group ?? "(all)"]
            .joined(separator: "/")
    }
}

/// One finding present in both runs with different numbers or severity.
public struct FindingChange: Sendable {
    public var old: Finding
    public var new: Finding
}

/// One metric on one row in both runs.
public struct MetricMove: Sendable, Equatable {
    public var metric: String
    public var key: RowKey
    public var old: Double
    public var new: Double
    /// new − old.
    public var delta: Double { new - old }
}
