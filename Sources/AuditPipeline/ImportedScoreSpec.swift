import DietAuditCore
import Scoring

/// One `{kind: imported, …}` entry of the spec's `scores`: a score computed
/// elsewhere, read from a CSV column or an NPY vector and joined to the
/// training examples on their id.
public struct ImportedScoreSpec: Sendable, Equatable {
    /// The file format of an imported score.
    public enum Source: Sendable, Equatable {
        /// `{path: s.csv, column: score, id_column: id}`; without `id_column`
        /// the ids are the 1-based data row numbers.
        case csv(column: String, idColumn: String?)
        /// `{path: s.npy, name: clip_score, ids: ids.npy}`: a 1-D float vector;
        /// without `ids` it is aligned with the dataset's rows in file order.
        case npy(name: String, idsPath: String?, idsDisplayPath: String?)
        /// `{column: clip_score}`: a column of an engine dataset's table (or of
        /// the counts table's `score` names), no file.
        case engineColumn(String)
    }

    /// What to do with join problems (`on_missing`).
    public enum OnMissing: String, Sendable, Equatable, CaseIterable {
        /// Any join problem is an input error (exit 2) at the score entry.
        case error
        /// Training examples with a missing, duplicated or non-finite score are
        /// dropped from the audit, for every score.
        case drop
    }

    /// The score file, resolved against the spec's folder.
    public var path: String
    /// The score file as the spec wrote it.
    public var displayPath: String
    public var source: Source
    /// Which end of the score is hard (`higher_is`, default `harder`).
    public var higherIs: ScoreDirection
    public var onMissing: OnMissing
    /// Where the entry is written in the spec; join problems are reported there.
    public var location: SourceLocation

    /// The name after `imported:` — the CSV column or the NPY entry's `name`.
    public var shortName: String {
        switch source {
        case .csv(let column, _): column
        case .npy(let name, _, _): name
        case .engineColumn(let column): column
        }
    }

    /// The score's name in reports and JSON: `imported:<column>` or `imported:<name>`.
    public var name: String { ScoreResult.importedName(column: shortName) }
}
