import Auditing
import Datasets
import DietAuditCore
import Learning
import Scoring

/// The spec's `scores` list: computed and imported scores.
extension AuditSpec {
    static let scoreKinds = [
        "el2n", "grand", "loss", "margin", "forgetting", "aum", "confidence", "variability", "input_norm", "random",
        "imported",
    ]

    /// Kinds that take an `epoch`.
    static let epochKinds: Set<String> = ["el2n", "grand", "loss", "margin"]

    static func parseScores(_ node: YAMLValue?, training: TrainingSpec, resolver: PathResolver) throws -> [ScoreRequest]
    {
        guard let node else {
            return [
                .computed(ScoreSpec(kind: .el2n(epoch: min(2, training.epochs)))),
                .computed(ScoreSpec(kind: .grand(epoch: 0))),
                .computed(ScoreSpec(kind: .inputNorm)),
            ]
        }
        var requests: [ScoreRequest] = []
        for item in try node.sequence() {
            let map = try item.mapping(allowedKeys: ["kind", "epoch"] + importedKeys)
            let kindNode = try map.required("kind")
            let kind = try kindNode.choice(scoreKinds)
            let allowed: Set<String> =
                switch kind {
                case _ where epochKinds.contains(kind): ["kind", "epoch"]
                case "imported": Set(["kind"] + importedKeys)
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
                        "epoch \(epoch) is outside the training run: it must be between 0 and training.epochs "
                            + "(\(training.epochs))"
                    )
                }
                let scoreKind: ScoreKind =
                    switch kind {
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
                request = .imported(try parseImported(map, entry: item, resolver: resolver))
            }
            if requests.contains(where: { $0.name == request.name }) {
                throw item.error("score '\(request.name)' is listed twice")
            }
            requests.append(request)
        }
        guard !requests.isEmpty else { throw node.error("scores must list at least one score") }
        return requests
    }
}
