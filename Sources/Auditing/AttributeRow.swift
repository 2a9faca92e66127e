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

    /// The scope columns, before the catalog's metrics.
    enum ScopeKey: String {
        case score, policy, fraction, attribute, attributeKind = "attribute_kind"
        var key: MetricCodingKey { MetricCodingKey(rawValue) }
    }

    /// Writes every key, with `null` for `nil` values.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MetricCodingKey.self)
        try container.encode(score, forKey: ScopeKey.score.key)
        try container.encode(policy, forKey: ScopeKey.policy.key)
        try container.encode(fraction, forKey: ScopeKey.fraction.key)
        try container.encode(attribute, forKey: ScopeKey.attribute.key)
        try container.encode(attributeKind, forKey: ScopeKey.attributeKind.key)
        for definition in MetricCatalog.attribute {
            guard case .attribute(let field) = definition.accessor else { continue }
            try field.encode(self, name: definition.name, into: &container)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: MetricCodingKey.self)
        self.init(
            score: try container.decodeIfPresent(String.self, forKey: ScopeKey.score.key),
            policy: try container.decode(String.self, forKey: ScopeKey.policy.key),
            fraction: try container.decode(Double.self, forKey: ScopeKey.fraction.key),
            attribute: try container.decode(String.self, forKey: ScopeKey.attribute.key),
            attributeKind: try container.decode(GroupingKind.self, forKey: ScopeKey.attributeKind.key),
            tvd: 0, chi2: nil, chi2PValue: nil)
        for definition in MetricCatalog.attribute {
            guard case .attribute(let field) = definition.accessor else { continue }
            try field.decode(into: &self, name: definition.name, from: container)
        }
    }
}
