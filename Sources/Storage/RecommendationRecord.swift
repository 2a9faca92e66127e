import Rules

/// A run's remedy recommendations are stored one-to-one in table
/// `recommendation` (migration "v9: recommendations"): `run_id` plus the
/// columns `score, policy, fraction, remedy, passes, accuracy_cost, tvd,
/// message` (``Recommendation/CodingKeys``), in the order the run made them.
extension Recommendation: RunScopedContent {
    public static var tableName: String { "recommendation" }
}
