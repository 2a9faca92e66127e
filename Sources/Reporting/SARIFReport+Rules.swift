import Rules

extension SARIFReport {
    /// One entry of `tool.driver.rules`: a SARIF `reportingDescriptor`.
    struct RuleDescriptor {
        var id: String
        var json: JSONValue
    }

    /// The driver's rules: every rule of the ruleset in its order, then any
    /// rule id a finding names that the ruleset lacks (a minimal
    /// descriptor, so every result's `ruleId` resolves). Ids are unique.
    static func ruleDescriptors(rules: [Rule], findings: [Finding]) -> [RuleDescriptor] {
        var seen = Set<String>(), descriptors: [RuleDescriptor] = []
        for rule in rules where seen.insert(rule.id).inserted {
            descriptors.append(RuleDescriptor(id: rule.id, json: descriptor(rule)))
        }
        for finding in findings where seen.insert(finding.ruleId).inserted {
            let json: JSONValue = .object([
                ("id", .string(finding.ruleId)),
                (
                    "shortDescription",
                    .object([
                        ("text", .string("Rule \(finding.ruleId) (not in the stored ruleset)"))
                    ])
                ),
                ("properties", .object([("metric", .string(finding.metric))])),
            ])
            descriptors.append(RuleDescriptor(id: finding.ruleId, json: json))
        }
        return descriptors
    }

    /// A rule as a `reportingDescriptor`: the id as the stable identifier,
    /// its description, the condition in words, its default level and its
    /// metric.
    static func descriptor(_ rule: Rule) -> JSONValue {
        let description = rule.description.isEmpty ? "Rule \(rule.id) on \(rule.metric)." : rule.description
        let preconditions = rule.precondition.summary
        let full =
            "Fires when \(rule.metric) is \(rule.condition.summary)"
            + (preconditions.isEmpty ? "" : " (checked only where \(preconditions))") + "."
        let appliesTo = rule.appliesTo.map(\.rawValue).sorted()
        var properties: [(String, JSONValue)] = [
            ("metric", .string(rule.metric)),
            ("condition", .string(rule.condition.summary)),
            ("severity", .string(rule.severity.rawValue)),
            ("appliesTo", .array(appliesTo.map { .string($0) })),
        ]
        if let policies = rule.policies { properties.append(("policies", .array(policies.map { .string($0) }))) }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.id)),
            ("shortDescription", .object([("text", .string(description))])),
            ("fullDescription", .object([("text", .string(full))])),
            ("defaultConfiguration", .object([("level", .string(level(of: rule.severity)))])),
            ("properties", .object(properties)),
        ])
    }
}
