import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `pruning` section: fractions, policies and retraining seeds.
extension AuditSpec {
    /// - Parameter scores: the spec's scores; `quota` needs one that trains
    ///   scoring models (their held-out recall sets the class quotas).
    static func parsePruning(_ node: YAMLValue?, scores: [ScoreRequest] = []) throws -> PruningSpec {
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
            spec.policies = []
            for item in try policies.sequence() {
                let (policy, draws) = try parsePolicy(item, fractions: spec.fractions)
                if let first = spec.policies.firstIndex(of: policy) {
                    throw item.error("policy \(policy.rawValue) is listed twice (first as policies[\(first)])")
                }
                if policy == .quota, !scores.contains(where: \.trainsScoringModels) {
                    throw item.error(
                        "policy quota sets class quotas from the held-out error of the scoring models, "
                            + "but no score trains one; expected a score such as el2n, grand, loss, margin or "
                            + "forgetting"
                    )
                }
                spec.policies.append(policy)
                if let draws { spec.randomDraws = draws }
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

    /// One entry of `policies`: a name (`keep_hard`), or a mapping
    /// `{policy: keep_hard, offset: 0.1}` / `{policy: random, draws: 200}`.
    /// Returns the policy and, for `random` with `draws`, the draw count.
    static func parsePolicy(_ item: YAMLValue, fractions: [DecimalFraction]) throws -> (PruningPolicy, Int?) {
        let names = PruningPolicy.Kind.allCases.map(\.rawValue)
        guard (try? item.string()) == nil else {
            return (PruningPolicy(PruningPolicy.Kind(rawValue: try item.choice(names))!), nil)
        }
        let map = try item.mapping(allowedKeys: ["policy", "offset", "draws"])
        let kind = PruningPolicy.Kind(rawValue: try map.required("policy").choice(names))!
        if let offsetNode = map["offset"] {
            guard kind == .keepHard else {
                throw offsetNode.error("offset applies only to policy keep_hard, found policy \(kind.rawValue)")
            }
            let offset = try offsetNode.decimalFraction()
            guard offset > 0, offset < 1 else {
                throw offsetNode.error("an offset must be between 0 and 1 (exclusive), found \(offset)")
            }
            if let smaller = fractions.first(where: { $0 < offset }) {
                throw offsetNode.error(
                    "offset \(offset) is larger than the fraction \(smaller): "
                        + "keep_hard with an offset "
                        + "removes round(offset·N) hardest examples within the round(fraction·N) it removes; "
                        + "expected an offset of at most \(fractions.min()!)")
            }
            guard map["draws"] == nil else { throw map["draws"]!.error("draws applies only to policy random") }
            return (.keepHard(offset: offset), nil)
        }
        if let drawsNode = map["draws"] {
            guard kind == .random else {
                throw drawsNode.error("draws applies only to policy random, found policy \(kind.rawValue)")
            }
            let draws = try drawsNode.int()
            guard draws >= 1, draws <= PruningSpec.maximumDraws else {
                throw drawsNode.error("draws must be from 1 to \(PruningSpec.maximumDraws), found \(draws)")
            }
            return (.random, draws)
        }
        return (PruningPolicy(kind), nil)
    }
}

extension ScoreRequest {
    /// Whether computing the score builds scoring models (one network per
    /// seed): every computed kind but `input_norm` and `random`.
    var trainsScoringModels: Bool {
        guard case .computed(let spec) = self else { return false }
        return spec.kind != .inputNorm && spec.kind != .random
    }
}
