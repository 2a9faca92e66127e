import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `training` section: epochs, batches, seeds, optimizer and schedule.
extension AuditSpec {
    static func parseTraining(_ node: YAMLValue?) throws -> TrainingSpec {
        var spec = TrainingSpec()
        guard let node else { return spec }
        let map = try node.mapping(allowedKeys: ["epochs", "batch_size", "optimizer", "schedule", "seeds", "seed"])
        spec.epochs = try positiveInt(map["epochs"], default: spec.epochs)
        spec.batchSize = try positiveInt(map["batch_size"], default: spec.batchSize)
        spec.seeds = try positiveInt(map["seeds"], default: spec.seeds)
        if let seed = map["seed"] {
            // Any UInt64: seeds are derived with wrapping arithmetic (base &+ k).
            let value = seed.unsigned64()
            guard let unsigned = value else {
                throw seed.error(
                    "seed must be a whole number from 0 to 18446744073709551615, found \(seed.kindDescription)")
            }
            spec.seed = unsigned
        }
        if let optimizer = map["optimizer"] {
            spec.optimizer = try parseOptimizer(optimizer)
        }
        if let schedule = map["schedule"] {
            spec.schedule = try parseSchedule(schedule, learningRate: spec.optimizer.learningRate)
        }
        return spec
    }

    static func parseOptimizer(_ node: YAMLValue) throws -> OptimizerSpec {
        var spec = OptimizerSpec()
        let map = try node.mapping(allowedKeys: [
            "kind", "learning_rate", "momentum", "weight_decay", "beta1", "beta2", "epsilon",
        ])
        spec.kind = try map["kind"]?.choice(OptimizerSpec.supportedKinds) ?? OptimizerKind.sgd.rawValue
        if spec.kind == OptimizerKind.adam.rawValue, map["learning_rate"] == nil { spec.learningRate = 0.001 }
        let (sgd, adam) = (OptimizerKind.sgd.rawValue, OptimizerKind.adam.rawValue)
        let onlyFor = ["momentum": sgd, "beta1": adam, "beta2": adam, "epsilon": adam]
        for (key, kind) in onlyFor where map[key] != nil && spec.kind != kind {
            throw InputError(
                "'\(key)' applies to the \(kind) optimizer, not to \(spec.kind)", at: map.location(of: key))
        }
        spec.learningRate = try number(map["learning_rate"], default: spec.learningRate, name: "learning_rate") {
            $0 > 0
        }
        spec.momentum = try number(map["momentum"], default: spec.momentum, name: "momentum", range: "[0, 1)") {
            $0 >= 0 && $0 < 1
        }
        spec.weightDecay = try number(
            map["weight_decay"], default: spec.weightDecay, name: "weight_decay", range: "zero or positive"
        ) { $0 >= 0 }
        spec.beta1 = try number(map["beta1"], default: spec.beta1, name: "beta1", range: "[0, 1)") { $0 >= 0 && $0 < 1 }
        spec.beta2 = try number(map["beta2"], default: spec.beta2, name: "beta2", range: "[0, 1)") { $0 >= 0 && $0 < 1 }
        spec.epsilon = try number(map["epsilon"], default: spec.epsilon, name: "epsilon") { $0 > 0 }
        return spec
    }

    /// `constant`, `{kind: step, every: 10, factor: 0.1}` or `{kind: cosine, minimum: 0}`.
    static func parseSchedule(_ node: YAMLValue, learningRate: Float) throws -> LearningRateSchedule {
        let kinds = ["constant", "step", "cosine"]
        if case .scalar = node.node {
            guard try node.choice(kinds) == "constant" else {
                throw node.error(
                    "the \(try node.string()) schedule needs a mapping, e.g. {kind: step, every: 10, factor: 0.1} or "
                        + "{kind: cosine, minimum: 0}"
                )
            }
            return .constant
        }
        let map = try node.mapping(allowedKeys: ["kind", "every", "factor", "minimum"])
        let kind = try map.required("kind").choice(kinds)
        let allowed: Set<String> =
            kind == "step" ? ["kind", "every", "factor"] : kind == "cosine" ? ["kind", "minimum"] : ["kind"]
        for key in map.keys where !allowed.contains(key) {
            throw InputError("'\(key)' does not apply to a \(kind) schedule", at: map.location(of: key))
        }
        switch kind {
        case "step":
            let everyNode = try map.required("every")
            let every = try everyNode.int()
            guard every > 0 else { throw everyNode.error("every must be a positive number of epochs, found \(every)") }
            let factor = try number(map["factor"], default: 0.1, name: "factor", range: "in (0, 1]") {
                $0 > 0 && $0 <= 1
            }
            return .step(everyEpochs: every, factor: factor)
        case "cosine":
            let minimum = try number(
                map["minimum"], default: 0, name: "minimum", range: "between 0 and learning_rate (\(learningRate))"
            ) {
                $0 >= 0 && $0 <= learningRate
            }
            return .cosine(minimum: minimum)
        default:
            return .constant
        }
    }

    /// A Float setting checked by `isValid`; the error names the key and the allowed range.
    static func number(
        _ node: YAMLValue?, default value: Float, name: String, range: String = "positive", isValid: (Float) -> Bool
    ) throws -> Float {
        guard let node else { return value }
        let number = Float(try node.double())
        guard isValid(number) else { throw node.error("\(name) must be \(range), found \(try node.double())") }
        return number
    }

    static func positiveInt(_ node: YAMLValue?, default value: Int) throws -> Int {
        guard let node else { return value }
        let number = try node.int()
        guard number > 0 else { throw node.error("expected a positive whole number, found \(number)") }
        return number
    }
}

extension YAMLValue {
    /// A plain scalar read as a `UInt64` (0 … 2⁶⁴ − 1), or `nil` when it is not one.
    func unsigned64() -> UInt64? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        var text = Substring(scalar.string)
        if text.hasPrefix("+") { text = text.dropFirst() }
        return UInt64(text)
    }
}
