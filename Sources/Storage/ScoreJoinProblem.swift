/// A join problem of one imported score, as stored with the run's data summary:
/// what went wrong, how often, the first ids concerned, and whether the
/// affected training examples were dropped from the audit (`on_missing: drop`).
public struct ScoreJoinProblem: Sendable, Codable, Equatable {
    /// The score's name (`imported:clip_score`).
    public var score: String
    /// The problem's name (`missing`, `duplicate_id`, `unknown_id`, `not_finite`, `wrong_length`).
    public var problem: String
    /// How many ids (or entries) it concerns.
    public var count: Int
    /// Up to five of those ids.
    public var examples: [String]
    /// Training examples this problem removed from the audit (0 for ids the
    /// dataset does not hold).
    public var droppedExamples: Int

    public init(score: String, problem: String, count: Int, examples: [String], droppedExamples: Int) {
        self.score = score
        self.problem = problem
        self.count = count
        self.examples = examples
        self.droppedExamples = droppedExamples
    }
}
