import Foundation
import Testing

@testable import AuditPipeline
@testable import Auditing
@testable import DietAuditCore
@testable import Storage

/// Reuse of scoring seeds and retrained models across runs of one database:
/// a second run of the same data, model and training trains nothing and
/// stores bit-identical results; more fractions retrain only the new kept
/// sets; a change of `training.epochs` reuses nothing; `--no-reuse` trains
/// everything afresh, with the same results.
@Suite(.serialized) struct ReuseRunTests {
    /// 240 rows, two features, a `region` attribute; the label follows x1 in
    /// north and x2 in south. Quota is listed so the held-out recall of the
    /// scoring models is read back too.
    static func writeSpec(
        in folder: URL, name: String = "spec.yaml", epochs: Int = 4, fractions: String = "[0.3]",
        ruleset: String = "rules.yaml"
    ) throws -> String {
        try """
        audit: reuse
        dataset:
          path: data.csv
          label: y
          id: id
          attributes: [region]
          test: {fraction: 0.25}
        model: {kind: mlp, hidden: [8]}
        training: {epochs: \(epochs), batch_size: 32, seeds: 2, seed: 3}
        scores: [{kind: el2n, epoch: 1}, {kind: forgetting}, {kind: input_norm}]
        pruning:
          fractions: \(fractions)
          policies: [keep_hard, random, quota]
          retrain: {seeds: 2}
        ruleset: \(ruleset)
        """.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder.appendingPathComponent(name).path
    }

    static func writeData(in folder: URL) throws {
        var generator = SeededGenerator(seed: 21, stream: "reuse-data")
        var rows = ["id,x1,x2,region,y"]
        for index in 0..<240 {
            let south = index % 3 == 0
            let x1 = generator.normal(), x2 = generator.normal()
            let label = (south ? x2 : x1) + 0.3 * generator.normal() > 0 ? "pos" : "neg"
            rows.append("r\(index),\(x1),\(x2),\(south ? "south" : "north"),\(label)")
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        for (file, threshold) in [("rules.yaml", 0.8), ("strict.yaml", 0.95)] {
            try """
            ruleset: t
            rules:
              - id: removal
                metric: retention_ratio
                applies_to: [attribute]
                fail_if: {below: \(threshold)}
              - id: cost
                metric: accuracy_delta_vs_random
                applies_to: [attribute]
                fail_if: {below: -0.05}
            """.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
    }

    /// Records every progress step.
    final class Steps: ProgressReporter, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var all: [String] { lock.withLock { recorded } }
        func begin(_ step: String) { lock.withLock { recorded.append(step) } }
        func advance(_ done: Int, of total: Int) {}
        func note(_ message: String) {}
    }

    struct Fixture {
        let folder: URL
        let options: RunOptions

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-reuse-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try ReuseRunTests.writeData(in: folder)
            var options = RunOptions()
            options.databasePath = folder.appendingPathComponent("runs.sqlite").path
            options.outputDirectory = folder.path
            options.failOn = nil
            self.options = options
        }

        func run(_ spec: String, reuse: Bool = true, progress: Steps = Steps()) throws -> StoredRun {
            var options = options
            options.reuse = reuse
            let outcome = try AuditRunner(progress: progress).run(specPath: spec, options: options)
            return try AuditDatabase(path: options.databasePath).loadRun(id: outcome.runId)
        }
    }

    /// The error-risk rows of one fraction (the baseline's too), comparable.
    static func errorRisk(_ run: StoredRun, fraction: Double) -> [ErrorRiskRow] {
        run.errorRisk.rows.filter { $0.fraction == nil || $0.fraction == fraction }
    }

    @Test func secondRunReusesEverythingAndMatches() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let spec = try Self.writeSpec(in: fixture.folder)
        let first = try fixture.run(spec)
        let firstReuse = try #require(first.run.settings.reuse)
        #expect(firstReuse.enabled && firstReuse.scoringSeeds == 2 && firstReuse.scoringSeedsReused == 0)
        // Baseline, keep_hard, random and quota at 0.3 (distinct kept sets) × 2 seeds.
        #expect(firstReuse.retrainedModels >= 6 && firstReuse.retrainedModelsReused == 0)

        // The same spec again: the same training, all of it reused.
        let steps = Steps()
        let second = try fixture.run(spec, progress: steps)
        let reuse = try #require(second.run.settings.reuse)
        #expect(reuse.scoringSeedsReused == 2 && reuse.scoringSourceRuns == [first.run.id!])
        #expect(reuse.retrainedModelsReused == firstReuse.retrainedModels)
        #expect(reuse.retrainedModels == firstReuse.retrainedModels && reuse.retrainedSourceRuns == [first.run.id!])
        #expect(steps.all.contains("scoring: 2 of 2 seeds reused from run \(first.run.id!)"))
        #expect(steps.all.contains { $0.hasPrefix("error risk: ") && $0.hasSuffix("reused from run \(first.run.id!)") })
        #expect(!steps.all.contains { $0.contains("scoring: training seed") })

        // Bit-identical: per-seed scores, plans, composition, error risk.
        #expect(second.scores == first.scores)
        #expect(second.plans == first.plans)
        #expect(second.composition == first.composition)
        #expect(second.errorRisk.rows == first.errorRisk.rows)
        #expect(second.errorRisk.attributes == first.errorRisk.attributes)
        // Nothing new was trained, so nothing new is stored.
        let stored = try AuditDatabase(path: fixture.options.databasePath).writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM retrained_reuse WHERE run_id = ?", arguments: [second.run.id])
        }
        #expect(stored == 0)

        // The methods section says where the results came from.
        let markdown = try String(contentsOf: fixture.folder.appendingPathComponent("reuse.md"), encoding: .utf8)
        #expect(markdown.contains("**Reuse**: scores reused from run \(first.run.id!) (2 of 2 scoring seeds)"))
        #expect(markdown.contains("retrained models: \(reuse.retrainedModels) of \(reuse.retrainedModels) reused"))

        // A stricter ruleset fails other plans, whose remedies are new kept
        // sets: the scoring and every model trained before are reused.
        let strict = try fixture.run(
            try Self.writeSpec(in: fixture.folder, name: "strict-spec.yaml", ruleset: "strict.yaml"))
        let strictReuse = try #require(strict.run.settings.reuse)
        #expect(strictReuse.scoringSeedsReused == 2)
        // At least the spec's own plans: baseline, keep_hard, random and quota × 2 seeds.
        #expect(strictReuse.retrainedModelsReused >= 8)
        let strictStored = try AuditDatabase(path: fixture.options.databasePath).writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM retrained_reuse WHERE run_id = ?", arguments: [strict.run.id])
        }
        #expect(strictStored == strictReuse.retrainedModels - strictReuse.retrainedModelsReused)
        #expect(strict.errorRisk.rows == first.errorRisk.rows)
    }

    @Test func extraFractionRetrainsOnlyNewKeptSets() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let first = try fixture.run(try Self.writeSpec(in: fixture.folder))
        let wider = try fixture.run(
            try Self.writeSpec(in: fixture.folder, name: "wider.yaml", fractions: "[0.3, 0.5]"))
        let reuse = try #require(wider.run.settings.reuse)
        let firstModels = try #require(first.run.settings.reuse).retrainedModels
        #expect(reuse.scoringSeedsReused == 2)
        #expect(reuse.retrainedModelsReused == firstModels)
        #expect(reuse.retrainedModels > firstModels)
        #expect(Self.errorRisk(wider, fraction: 0.3) == Self.errorRisk(first, fraction: 0.3))
    }

    @Test func changedEpochsReuseNothingAndNoReuseTrainsAfresh() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let spec = try Self.writeSpec(in: fixture.folder)
        let first = try fixture.run(spec)

        let longer = try fixture.run(try Self.writeSpec(in: fixture.folder, name: "longer.yaml", epochs: 5))
        let longerReuse = try #require(longer.run.settings.reuse)
        #expect(longerReuse.scoringSeedsReused == 0 && longerReuse.retrainedModelsReused == 0)
        #expect(longer.scores != first.scores)

        let steps = Steps()
        let fresh = try fixture.run(spec, reuse: false, progress: steps)
        let freshReuse = try #require(fresh.run.settings.reuse)
        #expect(!freshReuse.enabled && freshReuse.scoringSeedsReused == 0 && freshReuse.retrainedModelsReused == 0)
        #expect(steps.all.contains { $0.hasPrefix("scoring: training seed") })
        #expect(!steps.all.contains { $0.contains("reused") })
        // Trained afresh, and equal to the first run bit for bit.
        #expect(fresh.scores == first.scores)
        #expect(fresh.errorRisk.rows == first.errorRisk.rows)
        #expect(fresh.recommendations == first.recommendations)
        let markdown = try String(contentsOf: fixture.folder.appendingPathComponent("reuse.md"), encoding: .utf8)
        #expect(markdown.contains("**Reuse**: off (--no-reuse): every model was trained afresh"))
    }
}
