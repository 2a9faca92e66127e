import Foundation
import Testing

@testable import AuditPipeline
@testable import DietAuditCore
@testable import Storage

/// A planted error risk: north's label is [x1 > 0] and its x2 is noise;
/// south's label is [x2 > 0] and its x1 ≈ 0. Only south's examples teach the
/// model that x2 matters, and their imported score is the lowest of all, so
/// `keep_hard` at 50% removes every one of them and the retrained model learns
/// w2 ≈ 0, guessing on south. `class_balanced` and `keep_hard` with offset 0.1
/// also remove all of them (they are the easiest of each class, and the offset
/// only drops north's hardest), while `group_balanced` keeps half of south,
/// like random pruning. Known answer: the recommendation is `group_balanced`,
/// and it passes the ruleset.
@Suite struct RecommendationRunTests {
    static let ruleset = """
        ruleset: planted
        rules:
          - id: disproportionate-removal
            description: A group keeps less than 4/5 of the overall retention rate.
            metric: retention_ratio
            applies_to: [attribute]
            fail_if: {below: 0.8}
            only_if: {q_value_below: 0.05, min_group_size: 20}
            severity: fail
          - id: accuracy-cost
            description: A group loses more than 10 accuracy points against random pruning.
            metric: accuracy_delta_vs_random
            applies_to: [attribute]
            fail_if: {below: -0.1}
            only_if: {min_group_size: 20}
            severity: fail
        """

    /// 600 rows: 400 north, 200 south; scores: south in [0, 0.5), north in [1, 2).
    static func plantedFiles(in folder: URL) throws {
        var generator = SeededGenerator(seed: 11, stream: "planted-recommendation")
        var data = ["id,x1,x2,region,y"], scores = ["id,score"]
        for index in 0..<600 {
            let south = index % 3 == 0
            let x1 = south ? 0.05 * generator.normal() : generator.normal()
            let x2 = generator.normal()
            let label = (south ? x2 : x1) > 0 ? "pos" : "neg"
            data.append("r\(index),\(x1),\(x2),\(south ? "south" : "north"),\(label)")
            let score = south ? 0.5 * generator.unitDouble() : 1 + generator.unitDouble()
            scores.append("r\(index),\(score)")
        }
        try (data.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("planted.csv"), atomically: true, encoding: .utf8)
        try (scores.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        try ruleset.write(to: folder.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        try """
        audit: planted-recommendation
        dataset:
          path: planted.csv
          label: y
          id: id
          attributes: [region]
          intersections: false
          test: {fraction: 0.2}
        model: {kind: softmax}
        training: {epochs: 30, batch_size: 32, seeds: 1, seed: 5,
                   optimizer: {kind: sgd, learning_rate: 0.1, momentum: 0.9, weight_decay: 0.0005}}
        scores: [{kind: imported, path: scores.csv, column: score, id_column: id}]
        pruning:
          fractions: [0.5]
          policies: [keep_hard, random]
          retrain: {seeds: 3}
        ruleset: rules.yaml
        """.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func plantedErrorRiskIsFlaggedAndGroupBalancedIsRecommended() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dietaudit-recommend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.plantedFiles(in: folder)
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = folder.path
        options.jsonPath = folder.appendingPathComponent("report.json").path
        options.failOn = .fail
        let outcome = try AuditRunner().run(
            specPath: folder.appendingPathComponent("spec.yaml").path, options: options)
        let stored = try AuditDatabase(path: options.databasePath).loadRun(id: outcome.runId)

        // Both audits flag keep_hard on south: every south example removed, and
        // the retrained model loses accuracy there against random pruning.
        let south = stored.findings.filter { $0.policy == "keep_hard" && $0.group == "south" && $0.outcome == .breach }
        #expect(Set(south.map(\.ruleId)) == ["disproportionate-removal", "accuracy-cost"])
        let removal = try #require(south.first { $0.ruleId == "disproportionate-removal" })
        #expect(removal.value == 0)

        // The recommendation: group_balanced, which passes the ruleset.
        #expect(stored.recommendations.count == 1)
        let recommendation = try #require(stored.recommendations.first)
        #expect(recommendation.score == "imported:score")
        #expect(recommendation.policy == "keep_hard" && recommendation.fraction == 0.5)
        #expect(recommendation.remedy == "group_balanced")
        #expect(recommendation.passes)
        // Of group_balanced, class_balanced and keep_hard+offset0.1 (no quota: the
        // imported score trains no scoring model), only group_balanced passes.
        #expect(recommendation.message.hasSuffix("(the only passing remedy of 3 tried)."))
        let cost = try #require(recommendation.accuracyCost)
        #expect(abs(cost) < 0.1)
        #expect(try #require(recommendation.tvd) < 0.05)

        // The JSON and the Markdown report show it.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: options.jsonPath!)))
                as? [String: Any])
        let rows = try #require(json["recommendations"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["remedy"] as? String == "group_balanced")
        #expect(rows.first?["passes"] as? Bool == true)
        #expect(
            Set(rows.first?.keys.map { $0 } ?? [])
                == ["score", "policy", "fraction", "remedy", "passes", "accuracy_cost", "tvd", "message"])
        let markdown = try String(
            contentsOf: folder.appendingPathComponent("planted-recommendation.md"), encoding: .utf8)
        let summaryEnd = try #require(markdown.range(of: "## Recommendations"))
        #expect(markdown[..<summaryEnd.lowerBound].contains("use `group_balanced` at the same score and fraction"))
        #expect(!markdown[..<summaryEnd.lowerBound].contains("## Findings"))
    }
}
