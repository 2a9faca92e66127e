import Rules
import Storage

extension JSONReport {
    /// Adds the top-level `recommendations` array (last): one row per failing
    /// plan with `score`, `policy`, `fraction`, `remedy`, `passes`,
    /// `accuracy_cost` (`null` without retraining), `tvd` and `message`
    /// (see ``Rules/Recommendation``). Empty when no plan fails.
    static func addingRecommendations(to report: JSONValue, _ stored: StoredRun) -> JSONValue {
        guard case .object(let pairs) = report else { return report }
        return .object(pairs + [("recommendations", .array(stored.recommendations.map(recommendationObject)))])
    }

    static func recommendationObject(_ row: Recommendation) -> JSONValue {
        .object([
            ("score", .string(row.score)), ("policy", .string(row.policy)), ("fraction", .number(row.fraction)),
            ("remedy", row.remedy.map { .string($0) } ?? .null), ("passes", .bool(row.passes)),
            ("accuracy_cost", .number(row.accuracyCost)), ("tvd", .number(row.tvd)),
            ("message", .string(row.message)),
        ])
    }
}
