import DietAuditCore

/// One rule's verdict on one row that the report lists and the gate counts:
/// a breach of the rule's limit, or a row the rule could not judge
/// (``FindingOutcome/insufficientEvidence``, with ``value`` and
/// ``threshold`` then possibly `nil`).
public struct Finding: Sendable, Equatable, Codable {
    public var ruleId: String
    public var severity: Severity
    /// Score that ranked the examples; `nil` for the `random` policy.
    public var score: String?
    public var policy: String
    /// The pruned fraction; `nil` for the `full` baseline of the error-risk audit.
    public var fraction: Double?
    public var attribute: String
    /// The group; `nil` for an attribute-level metric.
    public var group: String?
    public var metric: String
    /// The metric's value on the row; `nil` when it is undefined there (an
    /// insufficient-evidence finding).
    public var value: Double?
    /// The limit that was crossed (or would have been judged against).
    public var threshold: Double?
    /// `below` or `above`: the side of ``threshold`` the value fell on; for
    /// insufficient evidence, why the rule could not judge (`min_group_size`,
    /// `undefined`, `no_previous_run`, …).
    public var comparison: String
    /// A breach, or a row the rule could not judge.
    public var outcome: FindingOutcome
    /// One plain sentence.
    public var message: String

    /// Column and JSON names.
    enum CodingKeys: String, CodingKey {
        case ruleId = "rule_id"
        case severity, score, policy, fraction, attribute, group, metric, value, threshold
        case comparison, message, outcome
    }

    public init(
        ruleId: String, severity: Severity, score: String?, policy: String, fraction: Double?,
        attribute: String, group: String?, metric: String, value: Double?, threshold: Double?,
        comparison: String, message: String, outcome: FindingOutcome = .breach
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.attribute = attribute
        self.group = group
        self.metric = metric
        self.value = value
        self.threshold = threshold
        self.comparison = comparison
        self.message = message
        self.outcome = outcome
    }

    /// Whether the rule could not judge the row.
    public var isInsufficientEvidence: Bool { outcome == .insufficientEvidence }
}
