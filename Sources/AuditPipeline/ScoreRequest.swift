import Scoring

/// A score the spec asks for: one DietAudit computes by training models, or
/// one imported from a file computed elsewhere.
public enum ScoreRequest: Sendable, Equatable {
    /// Computed from K seeded training runs (`el2n`, `grand`, `forgetting`, `input_norm`).
    case computed(ScoreSpec)
    /// `{kind: imported, …}`: read from a CSV column or an NPY vector and
    /// joined to the training examples on their id (see ``ImportedScoreSpec``).
    case imported(ImportedScoreSpec)

    /// The score's name as JSON and reports show it (`el2n@2`, `imported:score`).
    public var name: String {
        switch self {
        case .computed(let spec): spec.name
        case .imported(let imported): imported.name
        }
    }

    /// Which end of the score is hard: the kind's built-in direction, or an
    /// imported score's `higher_is`.
    public var direction: ScoreDirection {
        switch self {
        case .computed(let spec): spec.direction
        case .imported(let imported): imported.higherIs
        }
    }
}
