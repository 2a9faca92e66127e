import Scoring

/// A score the spec asks for: one DietAudit computes by training models, or
/// one imported from a file computed elsewhere.
public enum ScoreRequest: Sendable, Equatable {
    /// Computed from K seeded training runs (`el2n`, `grand`, `forgetting`, `input_norm`).
    case computed(ScoreSpec)
    /// `{kind: imported, path, column, id_column}`: read from a CSV file and
    /// joined to the training examples on their id.
    case imported(path: String, displayPath: String, column: String, idColumn: String?)

    /// The score's name as JSON and reports show it (`el2n@2`, `imported:score`).
    public var name: String {
        switch self {
        case .computed(let spec): spec.name
        case .imported(_, _, let column, _): ScoreResult.importedName(column: column)
        }
    }
}
