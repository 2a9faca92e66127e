import DietAuditCore
import Scoring

/// The top-level `training_records` of an audit-only spec.
extension AuditSpec {
    static let trainingRecordKeys = ["path", "values", "ids", "first_epoch", "presentations"]

    /// The score kinds training records cannot give, with the reason.
    static func recordRefusal(_ kind: ScoreKind) -> String? {
        switch kind {
        case .grand:
            "needs the per-example gradients of the model's parameters, which training records (class outputs) "
                + "do not hold; compute GraNd where the model lives and import it ({kind: imported, …})"
        case .inputNorm:
            "needs the encoded input features, which an audit-only spec does not read; import it "
                + "({kind: imported, …})"
        case .random:
            "is a baseline for trained scores; the random policy already prunes at random"
        default: nil
        }
    }

    /// Parses `training_records` (audit-only specs only).
    /// - Throws: ``InputError`` at the key: on a spec that trains, unknown keys,
    ///   a path that is neither `.npy` nor `.csv`, `ids`/`first_epoch` on a CSV,
    ///   `first_epoch` other than 0 or 1.
    static func parseTrainingRecords(_ node: YAMLValue, auditOnly: Bool, resolver: PathResolver) throws
        -> TrainingRecordsSpec
    {
        guard auditOnly else {
            throw node.error(
                "training_records are for audit-only specs (no model, no training); this spec trains, so DietAudit "
                    + "records its own training: remove training_records, or model and training")
        }
        let map = try node.mapping(allowedKeys: trainingRecordKeys)
        let display = try map.required("path").string()
        let format = try recordFormat(display, at: map.location(of: "path"))
        let presentations = try map["presentations"]?.string()
        if let presentations {
            guard try recordFormat(presentations, at: map.location(of: "presentations")) == format else {
                throw InputError(
                    "presentations must have the format of path (\(format.rawValue)), with the same seeds and classes",
                    at: map.location(of: "presentations"))
            }
        }
        if format == .csv {
            for key in ["ids", "first_epoch"] where map[key] != nil {
                throw InputError(
                    "'\(key)' does not apply to a CSV record: its id and epoch columns give them",
                    at: map.location(of: key))
            }
        }
        let kinds = ClassOutputKind.allCases.map(\.rawValue)
        let values = try map["values"].map { ClassOutputKind(rawValue: try $0.choice(kinds))! }
        var firstEpoch = 1
        if let epochNode = map["first_epoch"] {
            firstEpoch = try epochNode.int()
            guard firstEpoch == 0 || firstEpoch == 1 else {
                throw epochNode.error(
                    "first_epoch must be 0 (the first slab is taken at initialisation) or 1 (after the first "
                        + "epoch); found \(firstEpoch)")
            }
        }
        let idsDisplay = try map["ids"]?.string()
        var keyLocations: [String: SourceLocation] = [:]
        for key in map.keys { keyLocations[key] = map.location(of: key) }
        return TrainingRecordsSpec(
            path: resolver.resolve(display), displayPath: display, format: format, values: values,
            idsPath: idsDisplay.map(resolver.resolve), idsDisplayPath: idsDisplay, firstEpoch: firstEpoch,
            presentationsPath: presentations.map(resolver.resolve), presentationsDisplayPath: presentations,
            location: node.location, keyLocations: keyLocations, scoreLocations: [:])
    }

    /// The format a record path's extension names.
    private static func recordFormat(_ display: String, at location: SourceLocation) throws
        -> TrainingRecordsSpec.Format
    {
        let lower = display.lowercased()
        guard lower.hasSuffix(".npy") || lower.hasSuffix(".csv") else {
            throw InputError(
                "training records must be an .npy file ([seeds, epochs, examples, classes]) or a long .csv "
                    + "(seed,epoch,id,logit_0,…); found '\(display)'",
                at: location)
        }
        return lower.hasSuffix(".npy") ? .npy : .csv
    }

    /// Refuses, at their entries, the computed scores training records cannot give.
    static func checkRecordScores(_ items: [YAMLValue], scores: [ScoreRequest]) throws {
        for (item, request) in zip(items, scores) {
            guard case .computed(let spec) = request, let reason = recordRefusal(spec.kind) else { continue }
            throw item.error("score '\(spec.name)' cannot be computed from training records: it \(reason)")
        }
    }
}
