import Foundation
import Testing

@testable import Storage

/// The run row's settings are structured JSON; rows written by earlier
/// versions hold a dictionary of prose and still decode.
@Suite struct RunSettingsTests {
    static let settings = RunSettings(
        model: RunSettings.Model(kind: .cnn, widths: [4, 8], inputShape: "8×8×1"),
        training: RunSettings.Training(
            epochs: 3, batchSize: 64, optimizer: "adam", learningRate: 0.001, momentum: 0.9, weightDecay: 0,
            beta1: 0.9, beta2: 0.999, epsilon: 1e-8, schedule: .step(everyEpochs: 2, factor: 0.5), seeds: 2, seed: 7),
        scores: ["el2n@2", "imported:score"], testFraction: 0.25, testFile: nil, pruningFractions: [0.1, 0.5],
        pruningPolicies: [.keepHard, .random], retrainSeeds: 3, blasKernel: "Haswell", cores: 2)

    @Test func structuredSettingsRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.settings)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["pruning_policies"] as? [String] == ["keep_hard", "random"])
        #expect(object["retrain_seeds"] as? Int == 3)
        #expect(try JSONDecoder().decode(RunSettings.self, from: data) == Self.settings)
    }

    @Test func proseFromEarlierVersionsStillDecodes() throws {
        let old = #"{"Model": "softmax regression", "Error risk": "not measured (pruning.retrain.seeds: 0)"}"#
        let decoded = try JSONDecoder().decode(RunSettings.self, from: Data(old.utf8))
        #expect(
            decoded.legacyProse == [
                "Model": "softmax regression",
                "Error risk": "not measured (pruning.retrain.seeds: 0)",
            ])
        #expect(decoded.model == nil && decoded.training == nil)
        #expect(try JSONDecoder().decode(RunSettings.self, from: JSONEncoder().encode(decoded)) == decoded)
    }
}
