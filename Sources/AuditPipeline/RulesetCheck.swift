import DietAuditCore
import Rules

/// `dietaudit rules check FILE`: loads a ruleset file the way a run does and
/// says whether it is usable.
public enum RulesetCheck {
    /// Loads the ruleset at `path` and returns the one-line summary
    /// `FILE: OK — N rules (id, id, …)`.
    /// - Throws: ``InputError`` located at file, line and column (unknown key
    ///   or metric with a "did you mean", bad threshold, a `compare_to` rule
    ///   on a metric without a better direction, …), as a run would.
    public static func summary(fileAt path: String) throws -> String {
        let ruleset = try Ruleset.load(fileAt: path)
        let count = ruleset.rules.count
        let ids = ruleset.rules.map(\.id).joined(separator: ", ")
        return "\(path): OK — \(count) rule\(count == 1 ? "" : "s") (\(ids))"
    }
}
