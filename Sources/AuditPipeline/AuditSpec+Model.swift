import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `model` section: softmax, MLP or CNN, and `init`.
extension AuditSpec {
    static func parseModel(_ node: YAMLValue?) throws -> ModelSpec {
        guard let node else { return ModelSpec(kind: .mlp(hidden: [64])) }
        let map = try node.mapping(allowedKeys: ["kind", "hidden", "channels", "init"])
        var model = try parseModelKind(map)
        if let initNode = map["init"] {
            let name = try initNode.choice(WeightInitialization.allCases.map(\.rawValue))
            model.initialization = WeightInitialization(rawValue: name)!
        }
        return model
    }

    /// `kind` with its `hidden` or `channels`.
    static func parseModelKind(_ map: YAMLMapping) throws -> ModelSpec {
        let kind = try map.required("kind").choice(["softmax", "mlp", "cnn"])
        if kind != "cnn", let channels = map["channels"] {
            throw channels.error(
                "channels belong to a cnn model; a \(kind) model has "
                    + "\(kind == "mlp" ? "hidden layers" : "no hidden layers")"
            )
        }
        if kind == "cnn" {
            if let hidden = map["hidden"] {
                throw hidden.error("a cnn model takes 'channels' (one entry per convolution block), not 'hidden'")
            }
            let channels = try positiveList(map["channels"], default: [16, 32], name: "channels", example: "[16, 32]")
            return ModelSpec(kind: .cnn(channels: channels))
        }
        if kind == "softmax" {
            if let hidden = map["hidden"] {
                throw hidden.error("a softmax model has no hidden layers; remove 'hidden' or use kind: mlp")
            }
            return ModelSpec(kind: .softmax)
        }
        return ModelSpec(
            kind: .mlp(hidden: try positiveList(map["hidden"], default: [64], name: "hidden", example: "[64]")))
    }

    /// A non-empty list of positive widths (`hidden`, `channels`).
    static func positiveList(_ node: YAMLValue?, default value: [Int], name: String, example: String) throws -> [Int] {
        guard let node else { return value }
        let widths = try node.sequence().map { item -> Int in
            let width = try item.int()
            guard width > 0 else { throw item.error("every entry of \(name) must be a positive width, found \(width)") }
            return width
        }
        guard !widths.isEmpty else { throw node.error("\(name) needs at least one entry, e.g. \(example)") }
        return widths
    }
}
