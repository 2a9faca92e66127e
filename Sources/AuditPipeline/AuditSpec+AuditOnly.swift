import Auditing
import DietAuditCore
import Learning

/// Audit-only specs: no `model` and no `training` section. They audit scores
/// computed elsewhere (imported) and train nothing, so everything that needs a
/// model — computed scores, a test split, retraining, the `quota` policy — is
/// refused with the reason.
extension AuditSpec {
    /// A spec is audit-only when it has neither `model` nor `training`.
    static func isAuditOnly(_ top: YAMLMapping) -> Bool {
        top["model"] == nil && top["training"] == nil
    }

    /// Training settings for an audit-only spec: defaults (never used to
    /// train), with the top-level `seed` (default 0) as the base seed for
    /// tie-breaking and random pruning.
    static func auditOnlyTraining(_ top: YAMLMapping) throws -> TrainingSpec {
        var training = TrainingSpec()
        training.seed = 0
        if let node = top["seed"] {
            guard let seed = node.unsigned64() else {
                throw node.error(
                    "seed must be a whole number from 0 to 18446744073709551615, found \(node.kindDescription)")
            }
            training.seed = seed
        }
        return training
    }

    /// The reason every refusal gives.
    static var auditOnlyReason: String {
        "this spec has no model and no training section, so it is audit-only: it audits imported scores "
            + "and trains nothing"
    }

    /// Refuses what an audit-only spec cannot do, at the key concerned.
    /// With `hasRecords` (`training_records`), computed scores are allowed
    /// except those records cannot give (``recordRefusal(_:)``).
    /// - Throws: ``InputError`` for no `scores` list, a computed score, `dataset.test`,
    ///   `dataset.features`, `pruning.retrain.seeds` > 0 or the `quota` policy.
    static func checkAuditOnly(
        _ top: YAMLMapping, scores: [ScoreRequest], hasRecords: Bool = false, engine: Bool = false
    ) throws {
        guard let scoresNode = top["scores"] else {
            throw InputError(
                "\(auditOnlyReason); list the imported scores under scores, e.g. "
                    + "{kind: imported, path: scores.csv, column: score, id_column: id}, "
                    + "or add model and training sections to compute scores",
                at: top.location(of: "dataset"))
        }
        let items = try scoresNode.sequence()
        if hasRecords { try checkRecordScores(items, scores: scores) }
        for (item, request) in zip(items, scores) where !hasRecords {
            guard case .computed(let spec) = request else { continue }
            throw item.error(
                "score '\(spec.name)' needs model and training: \(auditOnlyReason); import it instead "
                    + "({kind: imported, …}), compute it from imported training_records, or add model and "
                    + "training sections")
        }
        guard !engine else { return try checkAuditOnlyPruning(top["pruning"]) }
        let dataset = try top.required("dataset").mapping(allowedKeys: datasetKeys)
        if let test = dataset["test"] {
            throw test.error(
                "\(auditOnlyReason), so no test split is needed; remove dataset.test (every row is audited)")
        }
        if let features = dataset["features"] {
            throw features.error("\(auditOnlyReason), so no feature is read; remove dataset.features")
        }
        try checkAuditOnlyPruning(top["pruning"])
    }

    /// `pruning.retrain.seeds` > 0 and `quota` need trained models.
    private static func checkAuditOnlyPruning(_ node: YAMLValue?) throws {
        guard let node, case .mapping = node.node else { return }
        let pruning = try node.mapping(allowedKeys: ["fractions", "policies", "retrain"])
        if let retrain = pruning["retrain"], case .mapping = retrain.node,
            let seeds = try retrain.mapping(allowedKeys: ["seeds"])["seeds"], let count = try? seeds.int(), count > 0
        {
            throw seeds.error(
                "pruning.retrain.seeds: \(count) retrains a model on every kept set, but \(auditOnlyReason); "
                    + "set it to 0 or remove pruning.retrain")
        }
        guard let policies = pruning["policies"], case .sequence = policies.node else { return }
        for item in try policies.sequence() {
            let name: String? =
                if let text = try? item.string() { text } else {
                    try? item.mapping(allowedKeys: ["policy", "offset", "draws"])["policy"]?.string()
                }
            if name == "quota" {
                throw item.error(
                    "policy quota sets class quotas from the scoring models' recall on held-out data, but "
                        + "\(auditOnlyReason); use class_balanced or group_balanced instead")
            }
        }
    }
}
