import Datasets
import DietAuditCore
import Foundation
import Learning
import Scoring
import Storage

/// The keys under which a run's training is stored and looked up for reuse:
/// SHA-256 digests of everything that determines a scoring seed's scores or a
/// retrained model's test predictions, except the seed value and (for a
/// retrained model) the kept set, which identify an entry within a key.
///
/// Both keys cover:
/// - the **encoded data**: training features (Float32 bit patterns), training
///   labels, test features and test labels, and the class count — so the data
///   files, `dataset.features`, `drop`, `where`, `scaling`, `missing_values`
///   and the test split (fraction and seed, or file) all enter through what
///   they produce;
/// - the **model** (`model.kind`, widths, input shape, `init`);
/// - the **training** settings (epochs, batch size, optimiser and its
///   hyper-parameters, schedule) — not `training.seeds` (more seeds reuse the
///   stored ones) nor the base seed (each entry carries its own seed value);
/// - the tool version and the OpenBLAS kernel, so a new version or another
///   kernel never reads results it might compute differently.
///
/// The scoring key also covers the sorted names of the scores that need a
/// model. Rulesets, attributes, fractions and policies enter neither key:
/// changing them reuses everything.
struct ReuseKeys {
    /// `nil` when no score needs a model.
    var scoring: String?
    /// `nil` when the run does not retrain (`pruning.retrain.seeds: 0`).
    var retraining: String?

    init(spec: AuditSpec, data: PreparedDataset, settings: RunSettings, toolVersion: String) {
        let trainedScores = spec.scores.compactMap { request -> String? in
            guard case .computed(let score) = request, score.needsTraining else { return nil }
            return score.name
        }.sorted()
        guard !spec.auditOnly, let model = settings.model, var training = settings.training else { return }
        training.seeds = 0
        training.seed = 0
        let material = KeyMaterial(
            toolVersion: toolVersion, blasKernel: settings.blasKernel ?? "", data: Self.dataDigest(data),
            model: model, training: training, scores: nil)
        if !trainedScores.isEmpty {
            var scoring = material
            scoring.scores = trainedScores
            self.scoring = Self.digest(scoring)
        }
        if spec.pruning.retrainSeeds > 0 { retraining = Self.digest(material) }
    }

    /// What a key is the SHA-256 of (as JSON with sorted keys).
    private struct KeyMaterial: Encodable {
        var toolVersion: String
        var blasKernel: String
        var data: String
        var model: RunSettings.Model
        var training: RunSettings.Training
        var scores: [String]?
    }

    private static func digest(_ material: KeyMaterial) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Fingerprint.sha256((try? encoder.encode(material)) ?? Data())
    }

    /// SHA-256 of the encoded splits: counts, then every feature's bit
    /// pattern and every label, little-endian.
    static func dataDigest(_ data: PreparedDataset) -> String {
        var bytes = Data()
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(UInt64(data.classNames.count))
        for split in [data.train, data.test] {
            append(UInt64(split.count))
            append(UInt64(split.featureCount))
            bytes.reserveCapacity(bytes.count + split.features.count * 4 + split.labels.count * 8)
            for value in split.features { append(value.bitPattern) }
            for label in split.labels { append(Int64(label)) }
        }
        return Fingerprint.sha256(bytes)
    }
}
