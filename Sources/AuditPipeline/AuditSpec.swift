import Datasets
import DietAuditCore
import Learning

/// A parsed, checked audit spec (the YAML contract of DESIGN.md). Paths are
/// already resolved against the spec file's folder.
public struct AuditSpec: Sendable {
    /// The audit's name (`audit:`).
    public var name: String
    /// Optional free text shown at the top of the report.
    public var description: String?
    /// The spec file as the user named it.
    public var file: String
    /// SHA-256 of the spec file's bytes.
    public var sha256: String
    /// The spec's text, stored with the run.
    public var text: String
    public var dataset: DatasetSpec
    public var model: ModelSpec
    public var training: TrainingSpec
    public var scores: [ScoreRequest]
    public var pruning: PruningSpec
    /// The ruleset file to open, or `nil` for the built-in default ruleset.
    public var rulesetPath: String?
    /// The ruleset as the user wrote it.
    public var rulesetDisplayPath: String?
    /// No `model` and no `training`: the spec audits imported scores and
    /// trains nothing (see `AuditSpec+AuditOnly.swift`). ``model`` and
    /// ``training`` then hold defaults that are never used, except
    /// `training.seed`, which holds the top-level `seed`.
    public var auditOnly: Bool = false
    /// `training_records` of an audit-only spec: the computed scores come from
    /// them (see ``TrainingRecordsSpec``).
    public var trainingRecords: TrainingRecordsSpec? = nil
    /// A dataset in a SQL engine (`postgres`) or its counts (`counts`);
    /// ``dataset`` then holds only the label and a display name.
    public var engine: EngineDatasetSpec? = nil
}
