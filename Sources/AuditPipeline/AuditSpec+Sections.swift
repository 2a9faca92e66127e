import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// Parsers of the spec's sections, each checking its keys and value ranges.
extension AuditSpec {
    static func parseDataset(_ node: YAMLValue, resolver: PathResolver) throws -> DatasetSpec {
        let keys = [
            "path", "format", "label", "positive_label", "id", "features", "drop", "attributes",
            "categorical", "intersections", "test", "labels", "image", "scaling", "where",
        ]
        let map = try node.mapping(allowedKeys: keys)
        let displayPath = try map.required("path").string()
        var format: DataFormat?
        if let node = map["format"] {
            format = DataFormat(rawValue: try node.choice(["csv", "arff", "idx", "npy"]))
        }
        let isImageData = !(format ?? detectFormat(fileName: displayPath) ?? .csv).isTabular
        // Image formats take labels from a file; `label` only names them in messages.
        let label = isImageData ? try map["label"]?.string() ?? "label" : try map.required("label").string()
        var spec = DatasetSpec(path: resolver.resolve(displayPath), displayPath: displayPath, label: label)
        spec.format = format
        for key in keys { spec.specLocations[key] = map[key]?.location ?? map.location(of: key) }
        if let labels = map["labels"] {
            let display = try labels.string()
            spec.labelsDisplayPath = display
            spec.labelsPath = resolver.resolve(display)
        }
        if let image = map["image"] {
            let shape = try image.mapping(allowedKeys: ["height", "width", "channels"])
            func dimension(_ key: String, default value: Int? = nil) throws -> Int {
                guard let node = shape[key] else {
                    if let value { return value }
                    throw image.error("missing required key 'dataset.image.\(key)'")
                }
                let number = try node.int()
                guard number > 0 else { throw node.error("\(key) must be a positive whole number, found \(number)") }
                return number
            }
            spec.image = ImageShape(
                height: try dimension("height"), width: try dimension("width"), channels: try dimension("channels", default: 1))
        }
        spec.positiveLabel = try map["positive_label"]?.string()
        spec.idColumn = try map["id"]?.string()
        if let features = map["features"] {
            if case .scalar = features.node, try features.string() == "auto" {
                spec.features = .auto
            } else {
                let columns = try features.sequence().map { try $0.string() }
                guard !columns.isEmpty else { throw features.error("features must list at least one column, or be 'auto'") }
                spec.features = .columns(columns)
            }
        }
        spec.drop = try map["drop"]?.stringList() ?? []
        spec.attributes = try map["attributes"]?.stringList() ?? []
        spec.categorical = try map["categorical"]?.stringList() ?? []
        spec.intersections = try map["intersections"]?.bool() ?? true
        if let filter = map["where"] {
            guard case .mapping(let pairs) = filter.node else {
                throw filter.error("where needs a mapping of column to value(s), e.g. {propublica_filter: 1}")
            }
            var conditions: [(column: String, values: [String])] = []
            for (key, value) in pairs {
                let keyNode = YAMLValue(node: key, file: filter.file, path: filter.path)
                let valueNode = YAMLValue(node: value, file: filter.file, path: filter.path + "." + (key.string ?? ""))
                let values = try valueNode.stringList()
                guard !values.isEmpty else { throw valueNode.error("list at least one value to keep") }
                conditions.append((try keyNode.string(), values))
            }
            guard !conditions.isEmpty else { throw filter.error("where needs at least one column") }
            spec.rowFilter = RowFilter(conditions: conditions)
        }
        if let scaling = map["scaling"] {
            spec.scaling = NumericScaling(rawValue: try scaling.choice(NumericScaling.allCases.map(\.rawValue)))!
        }
        if let test = map["test"] {
            let testMap = try test.mapping(allowedKeys: ["fraction", "path", "labels"])
            if let path = testMap["path"] {
                let display = try path.string()
                spec.test = .path(resolver.resolve(display), displayPath: display)
                if let labels = testMap["labels"] {
                    let labelsDisplay = try labels.string()
                    spec.testLabelsDisplayPath = labelsDisplay
                    spec.testLabelsPath = resolver.resolve(labelsDisplay)
                    spec.specLocations["test_labels"] = labels.location
                }
            } else {
                if let labels = testMap["labels"] { throw labels.error("test.labels goes with test.path (a separate test file)") }
                let fractionNode = try testMap.required("fraction")
                let fraction = try fractionNode.double()
                guard fraction > 0, fraction < 1 else {
                    throw fractionNode.error("test fraction must be between 0 and 1 (exclusive), found \(fraction)")
                }
                spec.test = .fraction(fraction)
            }
        }
        return spec
    }

    static func parseModel(_ node: YAMLValue?) throws -> ModelSpec {
        guard let node else { return ModelSpec(kind: .mlp(hidden: [64])) }
        let map = try node.mapping(allowedKeys: ["kind", "hidden", "channels"])
        let kind = try map.required("kind").choice(["softmax", "mlp", "cnn"])
        if kind != "cnn", let channels = map["channels"] {
            throw channels.error("channels belong to a cnn model; a \(kind) model has \(kind == "mlp" ? "hidden layers" : "no hidden layers")")
        }
        if kind == "cnn" {
            if let hidden = map["hidden"] { throw hidden.error("a cnn model takes 'channels' (one entry per convolution block), not 'hidden'") }
            let channels = try positiveList(map["channels"], default: [16, 32], name: "channels", example: "[16, 32]")
            return ModelSpec(kind: .cnn(channels: channels))
        }
        if kind == "softmax" {
            if let hidden = map["hidden"] { throw hidden.error("a softmax model has no hidden layers; remove 'hidden' or use kind: mlp") }
            return ModelSpec(kind: .softmax)
        }
        return ModelSpec(kind: .mlp(hidden: try positiveList(map["hidden"], default: [64], name: "hidden", example: "[64]")))
    }

    /// A non-empty list of positive widths (`hidden`, `channels`).
    private static func positiveList(_ node: YAMLValue?, default value: [Int], name: String, example: String) throws -> [Int] {
        guard let node else { return value }
        let widths = try node.sequence().map { item -> Int in
            let width = try item.int()
            guard width > 0 else { throw item.error("every entry of \(name) must be a positive width, found \(width)") }
            return width
        }
        guard !widths.isEmpty else { throw node.error("\(name) needs at least one entry, e.g. \(example)") }
        return widths
    }

    static func parseTraining(_ node: YAMLValue?) throws -> TrainingSpec {
        var spec = TrainingSpec()
        guard let node else { return spec }
        let map = try node.mapping(allowedKeys: ["epochs", "batch_size", "optimizer", "schedule", "seeds", "seed"])
        spec.epochs = try positiveInt(map["epochs"], default: spec.epochs)
        spec.batchSize = try positiveInt(map["batch_size"], default: spec.batchSize)
        spec.seeds = try positiveInt(map["seeds"], default: spec.seeds)
        if let seed = map["seed"] {
            let value = try seed.int()
            guard value >= 0 else { throw seed.error("seed must be zero or positive, found \(value)") }
            spec.seed = UInt64(value)
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
        let map = try node.mapping(allowedKeys: ["kind", "learning_rate", "momentum", "weight_decay", "beta1", "beta2", "epsilon"])
        spec.kind = try map["kind"]?.choice(OptimizerSpec.supportedKinds) ?? "sgd"
        if spec.kind == "adam", map["learning_rate"] == nil { spec.learningRate = 0.001 }
        let onlyFor = ["momentum": "sgd", "beta1": "adam", "beta2": "adam", "epsilon": "adam"]
        for (key, kind) in onlyFor where map[key] != nil && spec.kind != kind {
            throw InputError("'\(key)' applies to the \(kind) optimizer, not to \(spec.kind)", at: map.location(of: key))
        }
        spec.learningRate = try number(map["learning_rate"], default: spec.learningRate, name: "learning_rate") { $0 > 0 }
        spec.momentum = try number(map["momentum"], default: spec.momentum, name: "momentum", range: "[0, 1)") { $0 >= 0 && $0 < 1 }
        spec.weightDecay = try number(map["weight_decay"], default: spec.weightDecay, name: "weight_decay", range: "zero or positive") { $0 >= 0 }
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
                throw node.error("the \(try node.string()) schedule needs a mapping, e.g. {kind: step, every: 10, factor: 0.1} or {kind: cosine, minimum: 0}")
            }
            return .constant
        }
        let map = try node.mapping(allowedKeys: ["kind", "every", "factor", "minimum"])
        let kind = try map.required("kind").choice(kinds)
        let allowed: Set<String> = kind == "step" ? ["kind", "every", "factor"] : kind == "cosine" ? ["kind", "minimum"] : ["kind"]
        for key in map.keys where !allowed.contains(key) {
            throw InputError("'\(key)' does not apply to a \(kind) schedule", at: map.location(of: key))
        }
        switch kind {
        case "step":
            let everyNode = try map.required("every")
            let every = try everyNode.int()
            guard every > 0 else { throw everyNode.error("every must be a positive number of epochs, found \(every)") }
            let factor = try number(map["factor"], default: 0.1, name: "factor", range: "in (0, 1]") { $0 > 0 && $0 <= 1 }
            return .step(everyEpochs: every, factor: factor)
        case "cosine":
            let minimum = try number(map["minimum"], default: 0, name: "minimum", range: "between 0 and learning_rate (\(learningRate))") {
                $0 >= 0 && $0 <= learningRate
            }
            return .cosine(minimum: minimum)
        default:
            return .constant
        }
    }

    /// A Float setting checked by `isValid`; the error names the key and the allowed range.
    private static func number(
        _ node: YAMLValue?, default value: Float, name: String, range: String = "positive", isValid: (Float) -> Bool
    ) throws -> Float {
        guard let node else { return value }
        let number = Float(try node.double())
        guard isValid(number) else { throw node.error("\(name) must be \(range), found \(try node.double())") }
        return number
    }

    static let scoreKinds = [
        "el2n", "grand", "loss", "margin", "forgetting", "aum", "confidence", "variability", "input_norm", "random", "imported",
    ]

    /// Kinds that take an `epoch`.
    static let epochKinds: Set<String> = ["el2n", "grand", "loss", "margin"]

    static func parseScores(_ node: YAMLValue?, training: TrainingSpec, resolver: PathResolver) throws -> [ScoreRequest] {
        guard let node else {
            return [.computed(ScoreSpec(kind: .el2n(epoch: min(2, training.epochs)))),
                    .computed(ScoreSpec(kind: .grand(epoch: 0))),
                    .computed(ScoreSpec(kind: .inputNorm))]
        }
        var requests: [ScoreRequest] = []
        for item in try node.sequence() {
            let map = try item.mapping(allowedKeys: ["kind", "epoch", "path", "column", "id_column"])
            let kindNode = try map.required("kind")
            let kind = try kindNode.choice(scoreKinds)
            let allowed: Set<String> = switch kind {
            case _ where epochKinds.contains(kind): ["kind", "epoch"]
            case "imported": ["kind", "path", "column", "id_column"]
            default: ["kind"]
            }
            for key in map.keys where !allowed.contains(key) {
                throw InputError("'\(key)' does not apply to a score of kind \(kind)", at: map.location(of: key))
            }
            let request: ScoreRequest
            switch kind {
            case _ where epochKinds.contains(kind):
                let epochNode = map["epoch"]
                let epoch = try epochNode?.int() ?? (kind == "grand" ? 0 : min(2, training.epochs))
                guard epoch >= 0, epoch <= training.epochs else {
                    throw (epochNode ?? kindNode).error(
                        "epoch \(epoch) is outside the training run: it must be between 0 and training.epochs (\(training.epochs))")
                }
                let scoreKind: ScoreKind = switch kind {
                case "el2n": .el2n(epoch: epoch)
                case "grand": .grand(epoch: epoch)
                case "loss": .loss(epoch: epoch)
                default: .margin(epoch: epoch)
                }
                request = .computed(ScoreSpec(kind: scoreKind))
            case "aum", "forgetting", "confidence", "variability", "random", "input_norm":
                let simple: [String: ScoreKind] = [
                    "aum": .aum, "forgetting": .forgetting, "confidence": .confidence, "variability": .variability,
                    "random": .random, "input_norm": .inputNorm,
                ]
                request = .computed(ScoreSpec(kind: simple[kind]!))
            default:
                let display = try map.required("path").string()
                request = .imported(
                    path: resolver.resolve(display), displayPath: display,
                    column: try map.required("column").string(), idColumn: try map["id_column"]?.string())
            }
            if requests.contains(where: { $0.name == request.name }) {
                throw item.error("score '\(request.name)' is listed twice")
            }
            requests.append(request)
        }
        guard !requests.isEmpty else { throw node.error("scores must list at least one score") }
        return requests
    }

    static func parsePruning(_ node: YAMLValue?) throws -> PruningSpec {
        var spec = PruningSpec()
        guard let node else { return spec }
        let map = try node.mapping(allowedKeys: ["fractions", "policies", "retrain"])
        if let fractions = map["fractions"] {
            spec.fractions = try fractions.sequence().map { item in
                let value = try item.double()
                guard value > 0, value < 1 else { throw item.error("a pruning fraction must be between 0 and 1 (exclusive), found \(value)") }
                return value
            }
            guard !spec.fractions.isEmpty else { throw fractions.error("fractions must list at least one fraction") }
            guard Set(spec.fractions).count == spec.fractions.count else { throw fractions.error("fractions are listed twice") }
        }
        if let policies = map["policies"] {
            let names = PruningPolicy.allCases.map(\.rawValue)
            spec.policies = try policies.sequence().map { PruningPolicy(rawValue: try $0.choice(names))! }
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

    private static func positiveInt(_ node: YAMLValue?, default value: Int) throws -> Int {
        guard let node else { return value }
        let number = try node.int()
        guard number > 0 else { throw node.error("expected a positive whole number, found \(number)") }
        return number
    }
}
