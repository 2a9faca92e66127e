import DietAuditCore

/// One rule of a ruleset: a metric, the groups it applies to, a threshold and
/// a severity. See ``Ruleset`` for the file format.
public struct Rule: Sendable, Equatable {
    /// Stable identifier, quoted in findings (`disproportionate-removal`).
    public var id: String
    /// What the rule protects against, in a sentence.
    public var description: String
    /// A metric name exactly as DESIGN.md writes it (`retention_ratio`, `tvd`, …).
    public var metric: String
    /// Which kinds of grouping the rule looks at.
    public var appliesTo: Set<GroupingKind>
    /// When it fires.
    public var condition: RuleCondition
    /// Rows that must hold before it is checked.
    public var precondition: RulePrecondition
    /// How serious a breach is.
    public var severity: Severity
    /// Policies checked; `nil` means every policy (including `random`, which
    /// then shows how often chance alone breaks the rule).
    public var policies: [String]?
    /// Severity of this rule's insufficient-evidence findings (`on_insufficient`
    /// on the rule); `nil` takes the ruleset's ``Ruleset/onInsufficient``.
    public var onInsufficient: Severity?

    public init(
        id: String, description: String = "", metric: String,
        appliesTo: Set<GroupingKind> = Set(GroupingKind.allCases), condition: RuleCondition,
        precondition: RulePrecondition = RulePrecondition(), severity: Severity = .fail, policies: [String]? = nil,
        onInsufficient: Severity? = nil
    ) {
        self.id = id
        self.description = description
        self.metric = metric
        self.appliesTo = appliesTo
        self.condition = condition
        self.precondition = precondition
        self.severity = severity
        self.policies = policies
        self.onInsufficient = onInsufficient
    }
}
