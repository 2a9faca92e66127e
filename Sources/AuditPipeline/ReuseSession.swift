import Auditing
import DietAuditCore
import Learning
import Scoring
import Storage

/// One run's dealings with stored training: finds scoring seeds and retrained
/// models an earlier complete run stored under the same ``ReuseKeys``, says
/// so in the progress output, and collects what this run trains so it is
/// stored with the run's results (``Storage/ReuseEntries``).
///
/// With reuse off (`--no-reuse`) nothing is looked up, but what the run
/// trains is still stored for later runs. Within one run, a model trained for
/// the spec's plans also serves the remedies' retraining either way (the same
/// key, so the same predictions).
final class ReuseSession {
    private let database: AuditDatabase?
    private let enabled: Bool
    private let keys: ReuseKeys
    private let progress: ProgressReporter
    /// What this run trained, for storage.
    private(set) var entries: ReuseEntries
    /// Every model this run has used so far, trained or reused.
    private var models: [RetrainedModelID: TestPredictions] = [:]
    private var scoringSeeds = 0, scoringReused = 0, scoringSources = Set<Int64>()
    private var modelsReused = Set<RetrainedModelID>(), modelSources = Set<Int64>()

    /// - Parameter database: where earlier runs are; `nil` never reuses.
    init(database: AuditDatabase?, enabled: Bool, keys: ReuseKeys, progress: ProgressReporter) {
        self.database = database
        self.enabled = enabled
        self.keys = keys
        self.progress = progress
        entries = ReuseEntries(scoringKey: keys.scoring, retrainingKey: keys.retraining)
    }

    /// A session that neither finds nor stores anything.
    static func none(progress: ProgressReporter) -> ReuseSession {
        ReuseSession(database: nil, enabled: false, keys: ReuseKeys.none, progress: progress)
    }

    /// Stored scoring seeds for `training`'s seed values, by seed value.
    func knownScoringSeeds(training: TrainingSpec) throws -> [UInt64: SeedScoring] {
        guard enabled, let database, let key = keys.scoring else { return [:] }
        var known: [UInt64: SeedScoring] = [:]
        for run in 0..<max(training.seeds, 0) {
            let value = training.seedValue(forRun: run)
            if let (runId, seed) = try database.storedScoringSeed(key: key, seedValue: value) {
                known[value] = seed
                scoringSources.insert(runId)
            }
        }
        if !known.isEmpty {
            progress.begin(
                "scoring: \(known.count) of \(training.seeds) seeds reused from \(Self.runs(scoringSources))")
        }
        return known
    }

    /// Records the scoring call's outcome: trained seeds to store, reuse counts.
    func recordScoring(_ outcome: ScoringOutcome) {
        entries.scoringSeeds += outcome.trainedSeeds
        scoringSeeds += outcome.trainedSeeds.count + outcome.reusedSeedValues.count
        scoringReused += outcome.reusedSeedValues.count
    }

    /// The models among `ids` this run already has or an earlier run stored.
    func knownModels(_ ids: [RetrainedModelID]) throws -> [RetrainedModelID: TestPredictions] {
        var known: [RetrainedModelID: TestPredictions] = [:]
        var fromDatabase = 0
        for id in Set(ids) {
            if let predictions = models[id] {
                known[id] = predictions
            } else if enabled, let database, let key = keys.retraining,
                let (runId, stored) = try database.storedRetrainedModel(key: key, id: id)
            {
                known[id] = stored.predictions
                models[id] = stored.predictions
                modelsReused.insert(id)
                modelSources.insert(runId)
                fromDatabase += 1
            }
        }
        if fromDatabase > 0 {
            progress.begin("error risk: \(fromDatabase) retrained models reused from \(Self.runs(modelSources))")
        }
        return known
    }

    /// Records an error-risk audit's freshly trained models.
    func recordRetraining(_ audit: ErrorRiskAudit) {
        for model in audit.trainedModels where models[model.id] == nil {
            models[model.id] = model.predictions
            entries.retrainedModels.append(model)
        }
    }

    /// What the run reused, for its settings; `nil` when it trained nothing.
    var summary: RunSettings.Reuse? {
        guard keys.scoring != nil || keys.retraining != nil else { return nil }
        return RunSettings.Reuse(
            enabled: enabled, scoringSeeds: scoringSeeds, scoringSeedsReused: scoringReused,
            scoringSourceRuns: scoringSources.sorted(), retrainedModels: models.count,
            retrainedModelsReused: modelsReused.count, retrainedSourceRuns: modelSources.sorted())
    }

    /// "run 3" or "runs 3, 4".
    static func runs(_ ids: Set<Int64>) -> String {
        (ids.count == 1 ? "run " : "runs ") + ids.sorted().map(String.init).joined(separator: ", ")
    }
}

extension ReuseKeys {
    /// No key: nothing to find or store.
    static var none: ReuseKeys { ReuseKeys(scoring: nil, retraining: nil) }

    init(scoring: String?, retraining: String?) {
        self.scoring = scoring
        self.retraining = retraining
    }
}
