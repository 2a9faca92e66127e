/// How a pruning plan chooses which training examples to remove.
///
/// The raw values are the contract names used in audit specs, the database and
/// the JSON report (`keep_hard`, `keep_easy`, `random`, `class_balanced`).
public enum PruningPolicy: String, Sendable, CaseIterable, Codable {
    /// Remove the R easiest examples, keeping the hard ones: the R lowest
    /// scores of a higher-is-harder score, the R highest of a higher-is-easier one.
    case keepHard = "keep_hard"
    /// Remove the R hardest examples, keeping the easy ones.
    case keepEasy = "keep_easy"
    /// Remove a seeded uniform sample of R examples; ignores scores.
    case random
    /// Remove the round(f·n_c) easiest examples within each class c.
    case classBalanced = "class_balanced"

    /// Whether the policy reads scores (`random` does not).
    public var usesScores: Bool { self != .random }
}
