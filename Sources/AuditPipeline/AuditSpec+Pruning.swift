import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `pruning` section: fractions, policies and retraining seeds.
extension AuditSpec {
    static func parsePruning(_ node: YAMLValue?) throws -> PruningSpec {
        var spec = PruningSpec()
        guard let node else { return spec }
        let map = try node.mapping(allowedKeys: ["fractions", "policies", "retrain"])
        if let fractions = map["fractions"] {
            spec.fractions = []
            for item in try fractions.sequence() {
                let value = try item.decimalFraction()
                guard value > 0, value < 1 else {
                    throw item.error("a pruning fraction must be between 0 and 1 (exclusive), found \(value)")
                }
                if let first = spec.fractions.firstIndex(of: value) {
                    throw item.error("fraction \(value) is listed twice (as decimals, it equals fractions[\(first)])")
                }
                spec.fractions.append(value)
            }
            guard !spec.fractions.isEmpty else { throw fractions.error("fractions must list at least one fraction") }
        }
        if let policies = map["policies"] {
            let names = PruningPolicy.allCases.map(\.rawValue)
            spec.policies = []
            for item in try policies.sequence() {
                let policy = PruningPolicy(rawValue: try item.choice(names))!
                if let first = spec.policies.firstIndex(of: policy) {
                    throw item.error("policy \(policy.rawValue) is listed twice (first as policies[\(first)])")
                }
                spec.policies.append(policy)
            }
            guard !spec.policies.isEmpty else { throw policies.error("policies must list at least one policy") }
        }
        if let retrain = map["retrain"] {
            let retrainMap = try retrain.mapping(allowedKeys: ["seeds"])
            if let seeds = retrainMap["seeds"] {
                let value = try seeds.int()
                guard value >= 0 else { throw seeds.error("retrain seeds must be zero or positive, found \(value)") }
                spec.retrainSeeds = value
            }
        }
        return spec
    }
}
