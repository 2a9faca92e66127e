import Auditing
import DietAuditCore
import Foundation
import GRDB
import Scoring

/// What a run trained that a later run may reuse: its scoring seeds and the
/// models of its error-risk audit, each under the key of what determines it
/// (tables `scoring_reuse` and `retrained_reuse`, migration "v11").
///
/// A key is a SHA-256 the pipeline computes from the encoded data, the model
/// and the training settings (and, for scoring, the score list); within a
/// key a scoring seed is found by its seed value, a retrained model by its
/// ``Auditing/RetrainedModelID``. Only entries a run trained itself are
/// written (a reused one stays with the run that trained it), and they go
/// with their run when it is deleted (`runs --prune`).
public struct ReuseEntries: Sendable {
    /// The key of ``scoringSeeds``; `nil` when nothing was scored by training.
    public var scoringKey: String?
    /// Scoring seeds the run trained.
    public var scoringSeeds: [SeedScoring]
    /// The key of ``retrainedModels``; `nil` when the run did not retrain.
    public var retrainingKey: String?
    /// Error-risk models the run trained.
    public var retrainedModels: [RetrainedModel]

    public init(
        scoringKey: String? = nil, scoringSeeds: [SeedScoring] = [], retrainingKey: String? = nil,
        retrainedModels: [RetrainedModel] = []
    ) {
        self.scoringKey = scoringKey; self.scoringSeeds = scoringSeeds
        self.retrainingKey = retrainingKey; self.retrainedModels = retrainedModels
    }
}

extension AuditDatabase {
    /// The newest `complete` run's scoring seed stored under `key` with
    /// `seedValue`, and that run's id; `nil` when none (or its bytes are damaged).
    public func storedScoringSeed(key: String, seedValue: UInt64) throws -> (runId: Int64, seed: SeedScoring)? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.run_id, r.payload FROM scoring_reuse r JOIN run ON run.id = r.run_id
                        WHERE r.key = ? AND r.seed_value = ? AND run.status = 'complete'
                        ORDER BY r.run_id DESC LIMIT 1
                        """, arguments: [key, Int64(bitPattern: seedValue)]),
                var arrays = ReusePayload.decode(row["payload"])
            else { return nil }
            var heldOut: [Int]?
            if let stored = arrays.removeValue(forKey: Self.heldOutArray) {
                guard let indices = ReusePayload.classIndices(stored) else { return nil }
                heldOut = indices
            }
            return (row["run_id"], SeedScoring(seedValue: seedValue, scores: arrays, heldOutPredictions: heldOut))
        }
    }

    /// The newest `complete` run's retrained model stored under `key` as
    /// `id`, and that run's id; `nil` when none (or its bytes are damaged).
    public func storedRetrainedModel(key: String, id: RetrainedModelID) throws -> (runId: Int64, model: RetrainedModel)?
    {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.run_id, r.payload FROM retrained_reuse r JOIN run ON run.id = r.run_id
                        WHERE r.key = ? AND r.kept_set = ? AND r.seed_value = ? AND run.status = 'complete'
                        ORDER BY r.run_id DESC LIMIT 1
                        """, arguments: [key, id.keptSet, Int64(bitPattern: id.seedValue)]),
                let arrays = ReusePayload.decode(row["payload"]),
                let predicted = arrays["predicted"].flatMap(ReusePayload.classIndices),
                let confidences = arrays["confidences"], confidences.count == predicted.count
            else { return nil }
            let predictions = TestPredictions(predicted: predicted, confidences: confidences)
            return (row["run_id"], RetrainedModel(id: id, predictions: predictions))
        }
    }

    /// Writes a run's reusable entries (inside ``completeRun(id:results:finishedAt:)``'s transaction).
    func insertReuseEntries(_ entries: ReuseEntries, runId: Int64, db: Database) throws {
        if let key = entries.scoringKey {
            for seed in entries.scoringSeeds {
                var arrays = seed.scores.sorted { $0.key < $1.key }.map { (name: $0.key, values: $0.value) }
                if let heldOut = seed.heldOutPredictions {
                    arrays.append((Self.heldOutArray, heldOut.map(Double.init)))
                }
                try db.execute(
                    sql: "INSERT INTO scoring_reuse (run_id, key, seed_value, payload) VALUES (?, ?, ?, ?)",
                    arguments: [runId, key, Int64(bitPattern: seed.seedValue), ReusePayload.encode(arrays)])
            }
        }
        if let key = entries.retrainingKey {
            for model in entries.retrainedModels {
                let payload = ReusePayload.encode([
                    ("predicted", model.predictions.predicted.map(Double.init)),
                    ("confidences", model.predictions.confidences),
                ])
                try db.execute(
                    sql: """
                        INSERT INTO retrained_reuse (run_id, key, kept_set, seed_value, payload)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [runId, key, model.id.keptSet, Int64(bitPattern: model.id.seedValue), payload])
            }
        }
    }

    /// The payload array holding a scoring seed's held-out predictions (no
    /// score name contains `#`).
    static let heldOutArray = "#held_out_predictions"
}
