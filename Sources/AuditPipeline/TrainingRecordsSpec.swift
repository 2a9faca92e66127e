import DietAuditCore
import Scoring

/// The spec's top-level `training_records`: per-example class outputs of
/// training runs done elsewhere, from which an audit-only spec computes
/// `el2n@t`, `loss@t`, `margin@t`, `forgetting`, `aum`, `confidence` and
/// `variability` with the code DietAudit uses for its own training.
///
/// `{path: logits.npy, values: logits|probabilities, ids: ids.npy, first_epoch: 0|1}`:
/// an NPY array `[seeds, epochs, examples, classes]`, position e of the epoch
/// axis holding the outputs after epoch `first_epoch + e` (default 1: after
/// the first epoch; 0: the first slab is taken at initialisation). Or
/// `{path: records.csv}`: a long CSV `seed,epoch,id,logit_0,…` (or `prob_…`).
/// Optionally `presentations: presented.npy`: the outputs of each example's
/// training forward pass in epochs 1…E, which forgetting and AUM then read
/// instead of the epoch-end records.
public struct TrainingRecordsSpec: Sendable, Equatable {
    /// The file format, from the extension.
    public enum Format: String, Sendable, Equatable {
        case npy, csv
    }

    /// The records file, resolved against the spec's folder.
    public var path: String
    /// The records file as the spec wrote it.
    public var displayPath: String
    public var format: Format
    /// `values:` as written; `nil` = logits for NPY, the column names for CSV.
    public var values: ClassOutputKind?
    /// The ids file of an NPY record (resolved), and as written.
    public var idsPath: String?
    public var idsDisplayPath: String?
    /// The epoch number of the first position of an NPY record's epoch axis (0 or 1).
    public var firstEpoch: Int
    /// `presentations:` (resolved, and as written): each example's outputs in
    /// the training forward pass of epochs 1…E, for forgetting and AUM; same
    /// format rules, same ids as the main record when NPY.
    public var presentationsPath: String? = nil
    public var presentationsDisplayPath: String? = nil
    /// Where `training_records` and each of its keys are written.
    public var location: SourceLocation
    public var keyLocations: [String: SourceLocation]
    /// Where each score entry is written, by score name (epochs are checked
    /// against the records once they are read).
    public var scoreLocations: [String: SourceLocation]
}
