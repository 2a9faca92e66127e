import Foundation
import Testing

@testable import AuditPipeline
@testable import Auditing
@testable import Storage

/// The remedy policies and the random band through a whole run on the
/// German credit data (800 training rows): plan sizes, names in storage and
/// JSON, the band rows and empirical p-values.
@Suite struct RemedyRunTests {
    @Test func remediesAndRandomBandAreStoredAndReported() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dietaudit-remedy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let specPath = folder.appendingPathComponent("spec.yaml").path
        try """
        audit: remedies
        dataset:
          path: \(root.appendingPathComponent("datasets/german_credit.csv").path)
          label: class
          drop: [personal_status]
          attributes: [sex, age_group]
          test: {fraction: 0.2}
        model: {kind: mlp, hidden: [16]}
        training: {epochs: 4, batch_size: 64, seeds: 2, seed: 3}
        scores: [{kind: el2n, epoch: 2}]
        pruning:
          fractions: [0.3, 0.5]
          policies: [keep_hard, {policy: keep_hard, offset: 0.1}, {policy: random, draws: 60}, group_balanced, quota]
          retrain: {seeds: 0}
        """.write(toFile: specPath, atomically: true, encoding: .utf8)
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = nil
        options.jsonPath = folder.appendingPathComponent("report.json").path
        options.failOn = nil
        let outcome = try AuditRunner().run(specPath: specPath, options: options)
        let stored = try AuditDatabase(path: options.databasePath).loadRun(id: outcome.runId)

        // Every plan removes R = round(f·800) exactly; names round-trip.
        let names = Set(stored.plans.map(\.policy))
        #expect(names == ["keep_hard", "keep_hard+offset0.1", "random", "group_balanced", "quota"])
        for plan in stored.plans {
            #expect(plan.removedCount == (plan.fraction == 0.3 ? 240 : 400), "\(plan.policy) \(plan.fraction)")
            #expect(PruningPolicy(rawValue: plan.policy) != nil)
        }
        // group_balanced keeps every class and attribute group within its cells'
        // rounding of f·n (at most 4 cells of sex × age_group per class).
        for row in stored.composition where row.policy == "group_balanced" && row.attributeKind != .intersection {
            #expect(abs(Double(row.removed) - row.fraction * Double(row.n)) <= 4, "\(row.attribute) \(row.group)")
        }
        // quota keeps more of the class the models get wrong more often (bad).
        func classRetention(_ policy: String, _ group: String) throws -> Double {
            try #require(
                stored.composition.first {
                    $0.policy == policy && $0.fraction == 0.5 && $0.attribute == "class" && $0.group == group
                }?.retentionRatio)
        }
        #expect(try classRetention("quota", "bad") > classRetention("quota", "good"))

        // One band per fraction × group (class 2, sex 2, age_group 2, and the
        // intersections), each from 60 draws, bracketing f for every group.
        let groupRows = stored.composition.filter { $0.policy == "random" && $0.fraction == 0.3 }
        #expect(stored.randomBands.count == 2 * groupRows.count)
        for band in stored.randomBands.map(\.band) {
            #expect(band.draws == 60)
            #expect(try #require(band.removalRateLow) <= band.fraction && band.fraction <= band.removalRateHigh!)
        }

        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: options.jsonPath!))) as? [String: Any])
        let bandRows = try #require(json["random_band"] as? [[String: Any]])
        #expect(bandRows.count == stored.randomBands.count)
        #expect(
            Set(bandRows[0].keys).isSuperset(of: [
                "fraction", "attribute", "group", "draws", "removal_rate_low",
                "removal_rate_high",
            ]))
        let composition = try #require(json["composition"] as? [[String: Any]])
        #expect(composition.count == stored.composition.count)
        let pValues = composition.compactMap { $0["empirical_p_value"] as? Double }
        #expect(pValues.count == composition.count && pValues.allSatisfy { $0 >= 1.0 / 61 - 1e-15 && $0 <= 1 })
        // keep_hard at 0.5 skews the classes far beyond any random draw.
        let skewed = try #require(
            composition.first {
                $0["policy"] as? String == "keep_hard" && $0["fraction"] as? Double == 0.5
                    && $0["group"] as? String == "bad"
            })
        // (JSONSerialization may read the shortest decimal back one ulp off.)
        #expect(abs(try #require(skewed["empirical_p_value"] as? Double) - 1.0 / 61) < 1e-15)
    }
}
