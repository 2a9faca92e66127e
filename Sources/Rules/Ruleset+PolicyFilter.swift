import Auditing
import DietAuditCore

extension Ruleset {
    /// Reads a rule's `policies:` filter: the plans a rule judges, by the
    /// names plans carry in every output (``Auditing/PruningPolicy/rawValue``).
    ///
    /// Each entry is one of
    /// - a policy name: `keep_hard`, `keep_easy`, `random`, `class_balanced`,
    ///   `group_balanced`, `quota`;
    /// - an offset plan's name, `keep_hard+offset<o>` (`keep_hard+offset0.1`);
    ///   the offset is read as an exact decimal, so `keep_hard+offset0.10`
    ///   names the same plan and is stored in its normal form;
    /// - the spec's own way of writing it, `{policy: keep_hard, offset: 0.1}`.
    ///
    /// Anything else is an error at the entry, with the names it could be and
    /// a "did you mean" when one is close.
    static func parsePolicyFilter(_ node: YAMLValue) throws -> [String] {
        try node.sequence().map { entry in
            if case .mapping = entry.node { return try policyFromMapping(entry).rawValue }
            let name = try entry.string()
            if let policy = PruningPolicy(rawValue: name) { return policy.rawValue }
            if let policy = offsetPolicy(named: name) { return policy.rawValue }
            throw entry.error(unknownPolicyMessage(name))
        }
    }

    /// `keep_hard+offset<o>` with o any decimal in (0, 1) (normal form or not).
    private static func offsetPolicy(named name: String) -> PruningPolicy? {
        guard let marker = name.range(of: PruningPolicy.offsetMarker),
            PruningPolicy.Kind(rawValue: String(name[..<marker.lowerBound])) == .keepHard,
            let offset = DecimalFraction(parsing: String(name[marker.upperBound...])), offset > 0, offset < 1
        else { return nil }
        return .keepHard(offset: offset)
    }

    /// `{policy: keep_hard, offset: 0.1}`, or `{policy: <name>}`.
    private static func policyFromMapping(_ entry: YAMLValue) throws -> PruningPolicy {
        let map = try entry.mapping(allowedKeys: ["policy", "offset"])
        let kindNode = try map.required("policy")
        let kind = PruningPolicy.Kind(rawValue: try kindNode.choice(PruningPolicy.Kind.allCases.map(\.rawValue)))!
        guard let offsetNode = map["offset"] else { return PruningPolicy(kind) }
        guard kind == .keepHard else {
            throw offsetNode.error("offset applies only to policy keep_hard, found policy \(kind.rawValue)")
        }
        let offset = try offsetNode.decimalFraction()
        guard offset > 0, offset < 1 else {
            throw offsetNode.error("an offset must be between 0 and 1 (exclusive), found \(offset)")
        }
        return .keepHard(offset: offset)
    }

    /// "'keep_hrad' is not a pruning policy; expected one of …; did you mean 'keep_hard'?"
    static func unknownPolicyMessage(_ name: String) -> String {
        let names = PruningPolicy.allCases.map(\.rawValue)
        var suggestion = didYouMean(name, among: names)
        if let marker = name.range(of: PruningPolicy.offsetMarker) {
            let kindText = String(name[..<marker.lowerBound]), offsetText = String(name[marker.upperBound...])
            if PruningPolicy.Kind(rawValue: kindText) != .keepHard {
                suggestion = "; only keep_hard takes an offset" + didYouMean(kindText, among: names)
            } else {
                suggestion = "; the offset '\(offsetText)' must be a decimal between 0 and 1 (exclusive)"
            }
        }
        return "'\(name)' is not a pruning policy; expected one of \(listForMessage(names)), "
            + "or keep_hard with an offset written 'keep_hard+offset0.1' or {policy: keep_hard, offset: 0.1}"
            + suggestion
    }
}
