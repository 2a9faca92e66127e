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

    /// The numeric fields by contract name.
    public static let metricNames: [String] = ["tvd", "chi2", "chi2_p_value"]

    /// The value of a metric by its contract name; `nil` for an unknown name
    /// or an undefined value.
    public func value(of metric: String) -> Double? {
        switch metric {
        case "tvd": tvd
        case "chi2": chi2
        case "chi2_p_value": chi2PValue
        default: nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case score, policy, fraction, attribute, tvd, chi2
        case attributeKind = "attribute_kind", chi2PValue = "chi2_p_value"
    }

    /// Writes every key, with `null` for `nil` values.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(policy, forKey: .policy)
        try container.encode(fraction, forKey: .fraction)
        try container.encode(attribute, forKey: .attribute)
        try container.encode(attributeKind, forKey: .attributeKind)
        try container.encode(tvd, forKey: .tvd)
        try container.encode(chi2, forKey: .chi2)
        try container.encode(chi2PValue, forKey: .chi2PValue)
    }
}
