import DietAuditCore

/// How a pruning plan shifts one attribute's group mix as a whole: one row per
/// (score, policy, fraction, attribute).
///
/// Encoded (Codable) with the contract names `score`, `policy`, `fraction`,
/// `attribute`, `attribute_kind`, `tvd`, `chi2`, `chi2_p_value`; `nil` values
/// are written as JSON `null`.
public struct AttributeRow: Sendable, Equatable, Codable {
    /// The plan's score name; `nil` for `random`.
    public var score: String?
    /// The plan's policy, by its contract name.
    public var policy: String
    /// The plan's fraction f.
    public var fraction: Double
    /// The grouping's name (`class`, an attribute, or `a×b`).
    public var attribute: String
    /// Class, attribute or intersection.
    public var attributeKind: GroupingKind

    /// `tvd`: total variation distance between the group mix before and after
    /// pruning, ½ Σ_g |share_after(g) − share_before(g)| over the groups with
    /// n > 0. Range [0, 1]; ideal 0 (the kept set has the same mix). When
    /// nothing is kept (N − R = 0, only possible for tiny N) share_after is
    /// undefined and `tvd` is set to 1, the maximum: the kept set represents
    /// no group.
    public var tvd: Double
    /// `chi2`: Pearson χ² statistic of the G×2 table group × {removed, kept}
    /// (groups with n = 0 dropped), no continuity correction. Range [0, ∞);
    /// ideal 0. `nil` when the test is undefined: fewer than 2 non-empty
    /// groups, or R = 0 or R = N (an empty column).
    public var chi2: Double?
    /// `chi2_p_value`: P(χ²_{G−1} ≥ chi2). Range [0, 1]; ideal near 1.
    /// `nil` exactly when `chi2` is.
    public var chi2PValue: Double?

    public init(
        score: String?, policy: String, fraction: Double, attribute: String,
        attributeKind: GroupingKind, tvd: Double, chi2: Double?, chi2PValue: Double?
    ) {
        self.score = score; self.policy = policy; self.fraction = fraction
        self.attribute = attribute; self.attributeKind = attributeKind
        self.tvd = tvd; self.chi2 = chi2; self.chi2PValue = chi2PValue
    }

    /// The metrics' contract names (from ``MetricCatalog/attribute``).
    public static var metricNames: [String] { MetricCatalog.attribute.map(\.name) }

    /// The value of a metric by its contract name; `nil` for an unknown name
    /// or an undefined value.
    public func value(of metric: String) -> Double? {
        MetricCatalog.attribute.first { $0.name == metric }?.value(in: self)
    }

    /// Writes the scope and every metric column, with `null` for `nil`
    /// values; see ``CatalogCoding``.
    public func encode(to encoder: Encoder) throws {
        let scope = CatalogCoding.Scope(
            score: score, policy: policy, fraction: fraction, attribute: attribute,
            group: nil, attributeKind: attributeKind)
        try CatalogCoding.encode(self, scope: scope, metrics: MetricCatalog.attribute, to: encoder)
    }

    public init(from decoder: Decoder) throws {
        let scope = try CatalogCoding.decodeScope(from: decoder, hasGroup: false)
        self.init(
            score: scope.score, policy: scope.policy, fraction: scope.fraction, attribute: scope.attribute,
            attributeKind: scope.attributeKind, tvd: 0, chi2: nil, chi2PValue: nil)
        try CatalogCoding.decodeMetrics(into: &self, metrics: MetricCatalog.attribute, from: decoder)
    }
}
