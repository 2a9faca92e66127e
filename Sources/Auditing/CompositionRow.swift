import DietAuditCore

/// Who a pruning plan removes from one group: one row per (score, policy,
/// fraction, attribute, group), with the DESIGN.md composition metrics.
///
/// Notation: N training examples, the plan removes R of them; the group has
/// n examples (n > 0: groups absent from the training split get no row), of
/// which `removed` are pruned and `kept` = n − removed remain. The overall
/// removal rate is R/N.
///
/// Encoded (Codable) with the contract names: `score`, `policy`, `fraction`,
/// `attribute`, `group`, `attribute_kind`, then every metric of
/// ``MetricCatalog/composition`` (`n`, `removed`, `kept`, `removal_rate`, …);
/// `nil` metrics are written as JSON `null`. The fields below carry the
/// values; each metric's name, formula, range and edge cases are declared
/// once, in the catalog.
public struct CompositionRow: Sendable, Equatable, Codable {
    /// The plan's score name; `nil` for `random`.
    public var score: String?
    /// The plan's policy, by its contract name (`keep_hard`, …).
    public var policy: String
    /// The plan's fraction f.
    public var fraction: Double
    /// The grouping's name: `class`, an attribute, or an intersection `a×b`.
    public var attribute: String
    /// The group's label (`female`, `female×<=25`, a class name).
    public var group: String
    /// Class, attribute or intersection.
    public var attributeKind: GroupingKind

    /// Group size n in the training split (> 0).
    public var n: Int
    /// Removed members of the group (0…n).
    public var removed: Int
    /// Kept members, n − removed.
    public var kept: Int

    /// `removal_rate` = removed / n. Range [0, 1]; ideal: the overall rate R/N.
    public var removalRate: Double
    /// `expected_removed` = n · R / N, the count a proportional (random-like)
    /// plan removes on average. Range [0, n].
    public var expectedRemoved: Double
    /// `excess_removal` = removal_rate − R/N. Range [−R/N, 1 − R/N]; ideal 0;
    /// positive means the group loses more than its share.
    public var excessRemoval: Double
    /// `retention_ratio` = (kept/n) / ((N−R)/N). Range [0, N/(N−R)]; ideal 1
    /// (proportional); below 0.8 fails the four-fifths rule. `nil` when
    /// R = N (nothing kept overall: the ratio is 0/0).
    public var retentionRatio: Double?
    /// `removal_ratio` = removal_rate / (R/N). Range [0, N/R]; ideal 1.
    /// `nil` when R = 0 (nothing removed overall: the ratio is 0/0).
    public var removalRatio: Double?
    /// `share_before` = n / N, the group's share of the training split.
    /// Range (0, 1]; shares of one attribute sum to 1.
    public var shareBefore: Double
    /// `share_after` = kept / (N − R), the group's share of the kept set.
    /// Range [0, 1]; ideal: share_before. `nil` when N − R = 0.
    public var shareAfter: Double?
    /// `representation_ratio` = share_after / share_before. Range
    /// [0, 1/share_before]; ideal 1. Equals retention_ratio whenever both are
    /// defined. `nil` when N − R = 0.
    public var representationRatio: Double?
    /// `impact_ratio` = (kept/n) / max_h (kept_h/n_h) over the groups h of
    /// the same attribute in the same plan: the EEOC "four-fifths" adverse
    /// impact ratio, with retention as the selection. Range [0, 1]; ideal 1;
    /// the best-retained group has 1; below 0.8 fails the four-fifths rule.
    /// `nil` when every group of the attribute keeps nothing (0/0).
    public var impactRatio: Double?
    /// `ci_low`: lower end of the Wilson 95% interval of removal_rate
    /// (z = 1.959963984540054). Range [0, removal_rate].
    public var ciLow: Double
    /// `ci_high`: upper end of the Wilson 95% interval of removal_rate.
    /// Range [removal_rate, 1].
    public var ciHigh: Double
    /// `p_value`: two-sided Fisher exact test of
    /// [[removed, kept], [R − removed, (N − R) − kept]] — is the group removed
    /// at a different rate than everyone else? Range (0, 1]; ideal (no
    /// disparity) near 1. It is 1 when R = 0, R = N or n = N (a zero margin).
    public var pValue: Double
    /// `q_value`: Benjamini–Hochberg adjustment of `p_value` within one plan
    /// (score × policy × fraction): over the rows of every group of every
    /// grouping of that plan. Range
    /// [p_value, 1]; ideal near 1; below 0.05 is a discovery at 5% FDR.
    public var qValue: Double

    public init(
        score: String?, policy: String, fraction: Double, attribute: String, group: String,
        attributeKind: GroupingKind, n: Int, removed: Int, kept: Int, removalRate: Double,
        expectedRemoved: Double, excessRemoval: Double, retentionRatio: Double?, removalRatio: Double?,
        shareBefore: Double, shareAfter: Double?, representationRatio: Double?,
        ciLow: Double, ciHigh: Double, pValue: Double, qValue: Double, impactRatio: Double? = nil
    ) {
        self.score = score; self.policy = policy; self.fraction = fraction
        self.attribute = attribute; self.group = group; self.attributeKind = attributeKind
        self.n = n; self.removed = removed; self.kept = kept
        self.removalRate = removalRate; self.expectedRemoved = expectedRemoved
        self.excessRemoval = excessRemoval; self.retentionRatio = retentionRatio
        self.removalRatio = removalRatio; self.shareBefore = shareBefore
        self.shareAfter = shareAfter; self.representationRatio = representationRatio
        self.ciLow = ciLow; self.ciHigh = ciHigh; self.pValue = pValue; self.qValue = qValue
        self.impactRatio = impactRatio
    }

    /// Every metric's contract name, in report order (from ``MetricCatalog/composition``).
    public static var metricNames: [String] { MetricCatalog.composition.map(\.name) }

    /// The value of a metric by its contract name; `nil` for an unknown name
    /// or an undefined value.
    public func value(of metric: String) -> Double? {
        MetricCatalog.composition.first { $0.name == metric }?.value(in: self)
    }

    /// Writes the scope and every metric column, with `null` for `nil` values
    /// (the JSON contract keeps the column set fixed); see ``CatalogCoding``.
    public func encode(to encoder: Encoder) throws {
        let scope = CatalogCoding.Scope(
            score: score, policy: policy, fraction: fraction, attribute: attribute,
            group: group, attributeKind: attributeKind)
        try CatalogCoding.encode(self, scope: scope, metrics: MetricCatalog.composition, to: encoder)
    }

    public init(from decoder: Decoder) throws {
        let scope = try CatalogCoding.decodeScope(from: decoder, hasGroup: true)
        self.init(
            score: scope.score, policy: scope.policy, fraction: scope.fraction, attribute: scope.attribute,
            group: scope.group ?? "", attributeKind: scope.attributeKind,
            n: 0, removed: 0, kept: 0, removalRate: 0, expectedRemoved: 0, excessRemoval: 0, retentionRatio: nil,
            removalRatio: nil, shareBefore: 0, shareAfter: nil, representationRatio: nil, ciLow: 0, ciHigh: 0,
            pValue: 0, qValue: 0)
        try CatalogCoding.decodeMetrics(into: &self, metrics: MetricCatalog.composition, from: decoder)
    }
}
