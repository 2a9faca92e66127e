/// How a pruning plan chooses which training examples to remove.
///
/// The raw values are the contract names used in audit specs, the database and
/// the JSON report (`keep_hard`, `keep_easy`, `random`, `class_balanced`).
public enum PruningPolicy: String, Sendable, CaseIterable, Codable {
    /// Remove the R lowest-scoring examples (keep the hard ones).
    case keepHard = "keep_hard"
    /// Remove the R highest-scoring examples (keep the easy ones).
    case keepEasy = "keep_easy"
    /// Remove a seeded uniform sample of R examples; ignores scores.
    case random
    /// Remove the round(f·n_c) lowest-scoring examples within each class c.
    case classBalanced = "class_balanced"

    /// Whether the policy reads scores (`random` does not).
    public var usesScores: Bool { self != .random }
}
