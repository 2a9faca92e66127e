import Rules

/// The breaches of one rule in one plan (score × policy × fraction): the unit
/// a reader takes in, instead of hundreds of single rows.
struct FindingGroup {
    var ruleId: String
    var score: String?
    var policy: String
    var fraction: Double?
    /// The breaches, worst first.
    var findings: [Finding]

    /// The most severe breach in the group.
    var severity: Severity { findings.map(\.severity).max() ?? .info }

    /// The worst breach: most severe, then furthest beyond its limit.
    var worst: Finding { findings[0] }

    /// The breaches (insufficient-evidence findings left out) grouped by rule
    /// and plan, worst group first: by severity, then by how far the worst
    /// breach lies beyond its limit, then by the number of breaches; ties
    /// keep the order of the findings.
    static func groups(of findings: [Finding]) -> [FindingGroup] {
        var order: [String] = [], byKey: [String: FindingGroup] = [:]
        for finding in findings where !finding.isInsufficientEvidence {
            let key = [
                finding.ruleId, finding.score ?? "\u{1}", finding.policy, finding.fraction.map { "\($0)" } ?? "—",
            ]
            .joined(separator: "\u{0}")
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = FindingGroup(
                    ruleId: finding.ruleId, score: finding.score, policy: finding.policy, fraction: finding.fraction,
                    findings: [])
            }
            byKey[key]!.findings.append(finding)
        }
        let groups = order.map { key -> FindingGroup in
            var group = byKey[key]!
            group.findings = worstFirst(group.findings)
            return group
        }
        return groups.enumerated().sorted { a, b in
            let left = a.element, right = b.element
            if left.severity != right.severity { return left.severity > right.severity }
            let leftMargin = margin(left.worst), rightMargin = margin(right.worst)
            if leftMargin != rightMargin { return leftMargin > rightMargin }
            if left.findings.count != right.findings.count { return left.findings.count > right.findings.count }
            return a.offset < b.offset
        }
        .map(\.element)
    }

    /// Findings most severe first, then furthest beyond the limit; stable.
    static func worstFirst(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let left = margin(a.element), right = margin(b.element)
            return left != right ? left > right : a.offset < b.offset
        }
        .map(\.element)
    }

    /// How far a breach lies beyond its limit, relative to the limit's size
    /// (absolute when the limit is 0): (limit − value)/|limit| for `below`,
    /// (value − limit)/|limit| for `above`; 0 when either is unknown.
    static func margin(_ finding: Finding) -> Double {
        guard let value = finding.value, let threshold = finding.threshold, value.isFinite else { return 0 }
        let distance = finding.comparison == "below" ? threshold - value : value - threshold
        return threshold == 0 ? distance : distance / abs(threshold)
    }
}
