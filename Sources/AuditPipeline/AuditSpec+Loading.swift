import Auditing
import Datasets
import DietAuditCore
import Foundation
import Learning
import Scoring

extension AuditSpec {
    /// Reads and checks an audit spec.
    ///
    /// Every key is checked: unknown keys, wrong types and out-of-range values
    /// throw an ``InputError`` naming the file, line, column and key (with a
    /// "did you mean" for misspelt keys and choices). Nothing is read besides
    /// the spec itself; data and ruleset files are opened later.
    public static func load(fileAt path: String) throws -> AuditSpec {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError("audit spec not found", at: SourceLocation(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw InputError("cannot read the audit spec as UTF-8 text", at: SourceLocation(file: path))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(text, file: path, folder: folder, sha256: Fingerprint.sha256(data))
    }

    /// Parses spec text; relative paths resolve against `folder`.
    public static func parse(_ text: String, file: String, folder: URL, sha256: String? = nil) throws -> AuditSpec {
        let root = try YAMLValue.parse(text, file: file)
        let top = try root.mapping(allowedKeys: [
            "audit", "description", "dataset", "model", "training", "scores", "pruning", "ruleset", "seed",
            "training_records",
        ])
        let resolver = PathResolver(folder: folder)
        let name = try top.required("audit").string()
        let auditOnly = isAuditOnly(top)
        if !auditOnly, let seed = top["seed"] {
            throw seed.error(
                "a top-level seed is for audit-only specs (no model, no training); this spec trains, so set "
                    + "training.seed instead")
        }
        let training = auditOnly ? try auditOnlyTraining(top) : try parseTraining(top["training"])
        let engine = try parseEngineDataset(top.required("dataset"), resolver: resolver)
        var dataset =
            try engine.map { DatasetSpec(path: "", displayPath: $0.display, label: $0.label) }
            ?? parseDataset(top.required("dataset"), resolver: resolver)
        dataset.seed = training.seed
        dataset.auditOnly = auditOnly
        var records = try top["training_records"].map {
            try parseTrainingRecords($0, auditOnly: auditOnly, resolver: resolver)
        }
        var scoreTraining = training
        if records != nil { scoreTraining.epochs = Int.max }  // epochs are checked against the records read
        let scores = try parseScores(top["scores"], training: scoreTraining, resolver: resolver)
        try checkEngineScores(top, engine: engine, scores: scores)
        if engine != nil, let node = top["training_records"] {
            throw node.error(
                "training_records cannot be combined with a dataset in a SQL engine (postgres or counts): "
                    + "the engine path counts imported score columns only; import the scores as columns instead")
        }
        if auditOnly {
            try checkAuditOnly(top, scores: scores, hasRecords: records != nil, engine: engine != nil)
        }
        if records != nil, let items = try top["scores"]?.sequence() {
            for (item, request) in zip(items, scores) { records!.scoreLocations[request.name] = item.location }
        }
        var pruning = try parsePruning(top["pruning"], scores: scores)
        if auditOnly { pruning.retrainSeeds = 0 }
        var rulesetPath: String?, rulesetDisplay: String?
        if let node = top["ruleset"] {
            rulesetDisplay = try node.string()
            rulesetPath = resolver.resolve(rulesetDisplay!)
        }
        return AuditSpec(
            name: name, description: try top["description"]?.string(), file: file,
            sha256: sha256 ?? Fingerprint.sha256(text), text: text, dataset: dataset,
            model: try parseModel(top["model"]), training: training, scores: scores,
            pruning: pruning, rulesetPath: rulesetPath, rulesetDisplayPath: rulesetDisplay, auditOnly: auditOnly,
            trainingRecords: records, engine: engine)
    }
}

/// Resolves paths written in a spec against the spec's folder.
struct PathResolver {
    let folder: URL

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }
}
