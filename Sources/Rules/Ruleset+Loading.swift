import Auditing
import DietAuditCore

extension Ruleset {
    /// Loads and checks a ruleset file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name errors report (defaults to `path`).
    /// - Throws: ``InputError`` naming file, line, column and key for a syntax
    ///   error, an unknown key, an unknown metric (with "did you mean"), a bad
    ///   threshold, a duplicate rule id, or an `only_if` key that cannot apply to
    ///   the rule's metric.
    public static func load(fileAt path: String, displayName: String? = nil) throws -> Ruleset {
        try parse(YAMLValue.parse(fileAt: path, displayName: displayName))
    }

    /// Parses a ruleset from YAML text; see ``load(fileAt:displayName:)``.
    public static func parse(_ text: String, file: String) throws -> Ruleset {
        try parse(YAMLValue.parse(text, file: file))
    }

    static func parse(_ root: YAMLValue) throws -> Ruleset {
        let top = try root.mapping(allowedKeys: ["ruleset", "description", "rules", "on_insufficient"])
        let name = try top.required("ruleset").string()
        let ruleNodes = try top.required("rules").sequence()
        var rules: [Rule] = []
        var seenIds: Set<String> = []
        for node in ruleNodes {
            let rule = try parseRule(node)
            guard seenIds.insert(rule.id).inserted else {
                throw node.error("duplicate rule id '\(rule.id)'; each rule needs its own id")
            }
            rules.append(rule)
        }
        let onInsufficient = try parseOnInsufficient(top["on_insufficient"]) ?? Ruleset.defaultOnInsufficient
        return Ruleset(name: name, rules: rules, onInsufficient: onInsufficient)
    }

    private static let ruleKeys =
        [
            "id", "description", "metric", "applies_to", "fail_if", "only_if", "severity", "policies",
            "on_insufficient",
        ] + regressionKeys

    private static func parseRule(_ node: YAMLValue) throws -> Rule {
        let map = try node.mapping(allowedKeys: ruleKeys)
        let id = try map.required("id").string()
        let metricNode = try map.required("metric")
        let metric = try metricNode.string()
        guard let level = MetricCatalog.level(of: metric) else {
            throw metricNode.error(
                "unknown metric '\(metric)'; expected one of \(listForMessage(MetricCatalog.allMetrics, limit: 30))"
                    + didYouMean(metric, among: MetricCatalog.allMetrics))
        }
        var appliesTo = Set(GroupingKind.allCases)
        if let node = map["applies_to"] {
            let names = GroupingKind.allCases.map(\.rawValue)
            appliesTo = Set(try node.sequence().map { GroupingKind(rawValue: try $0.choice(names))! })
        }
        let condition =
            try parseRegression(map, metric: metric, metricNode: metricNode)
            ?? parseCondition(map.required("fail_if"))
        var precondition = RulePrecondition()
        if let node = map["only_if"] {
            let only = try node.mapping(allowedKeys: RulePrecondition.keys)
            precondition.qValueBelow = try only["q_value_below"]?.double()
            precondition.pValueBelow = try only["p_value_below"]?.double()
            precondition.minGroupSize = try only["min_group_size"]?.int()
            precondition.chi2PValueBelow = try only["chi2_p_value_below"]?.double()
            try precondition.check(for: metric, level: level, at: node)
        }
        var severity = Severity.fail
        if let node = map["severity"] {
            severity = Severity(rawValue: try node.choice(Severity.allCases.map(\.rawValue)))!
        }
        var policies: [String]?
        if let node = map["policies"] { policies = try parsePolicyFilter(node) }
        return Rule(
            id: id, description: try map["description"]?.string() ?? "", metric: metric,
            appliesTo: appliesTo, condition: condition, precondition: precondition,
            severity: severity, policies: policies, onInsufficient: try parseOnInsufficient(map["on_insufficient"]))
    }

    /// `on_insufficient: info | warn | fail` (ruleset or rule); `nil` when absent.
    private static func parseOnInsufficient(_ node: YAMLValue?) throws -> Severity? {
        guard let node else { return nil }
        return Severity(rawValue: try node.choice(Severity.allCases.map(\.rawValue)))!
    }

    private static func parseCondition(_ node: YAMLValue) throws -> RuleCondition {
        let map = try node.mapping(allowedKeys: ["below", "above", "outside"])
        guard map.keys.count == 1 else {
            throw node.error("fail_if needs exactly one of 'below', 'above' or 'outside', found \(map.keys.count)")
        }
        if let value = map["below"] { return .below(try value.double()) }
        if let value = map["above"] { return .above(try value.double()) }
        let bounds = try map.required("outside")
        let pair = try bounds.sequence().map { try $0.double() }
        guard pair.count == 2, pair[0] <= pair[1] else {
            throw bounds.error("outside needs two numbers [low, high] with low ≤ high")
        }
        return .outside(pair[0], pair[1])
    }
}
