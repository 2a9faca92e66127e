extension RunSettings {
    /// How much of a run's training came from earlier runs (see
    /// `ReuseEntries`): scoring seeds and error-risk models, with the runs
    /// that trained them. The methods section says it in words.
    public struct Reuse: Sendable, Codable, Equatable {
        /// `false` when reuse was turned off (`dietaudit run --no-reuse`):
        /// everything was trained afresh.
        public var enabled: Bool
        /// Scoring seeds the run needed (0 when no score trains a model).
        public var scoringSeeds: Int
        /// Of those, seeds read from an earlier run.
        public var scoringSeedsReused: Int
        /// The runs those seeds came from, ascending.
        public var scoringSourceRuns: [Int64]
        /// Error-risk models the run needed (retraining and remedies; a model
        /// shared by plans with the same kept set counts once).
        public var retrainedModels: Int
        /// Of those, models read from an earlier run.
        public var retrainedModelsReused: Int
        /// The runs those models came from, ascending.
        public var retrainedSourceRuns: [Int64]

        public init(
            enabled: Bool, scoringSeeds: Int = 0, scoringSeedsReused: Int = 0, scoringSourceRuns: [Int64] = [],
            retrainedModels: Int = 0, retrainedModelsReused: Int = 0, retrainedSourceRuns: [Int64] = []
        ) {
            self.enabled = enabled
            self.scoringSeeds = scoringSeeds; self.scoringSeedsReused = scoringSeedsReused
            self.scoringSourceRuns = scoringSourceRuns
            self.retrainedModels = retrainedModels; self.retrainedModelsReused = retrainedModelsReused
            self.retrainedSourceRuns = retrainedSourceRuns
        }

        enum CodingKeys: String, CodingKey {
            case enabled
            case scoringSeeds = "scoring_seeds"
            case scoringSeedsReused = "scoring_seeds_reused"
            case scoringSourceRuns = "scoring_source_runs"
            case retrainedModels = "retrained_models"
            case retrainedModelsReused = "retrained_models_reused"
            case retrainedSourceRuns = "retrained_source_runs"
        }
    }
}
