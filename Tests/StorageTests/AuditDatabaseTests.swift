import DietAuditTestSupport
import Foundation
import Testing

@testable import Auditing
@testable import DietAuditCore
@testable import Rules
@testable import Scoring
@testable import Storage

/// Round trips through an in-memory database.
@Suite struct AuditDatabaseTests {
    static func record() -> RunRecord {
        let summary = DatasetSummary(
            path: "d.csv", sourceRows: 6, trainCount: 4, testCount: 2, featureColumns: ["x"], featureCount: 1,
            label: "y", positiveLabel: nil,
            groupings: [
                GroupingSummary(
                    name: "class", kind: "class", groups: ["a", "b"], trainCounts: [2, 2], testCounts: [1, 1])
            ],
            missing: [MissingCount(column: "x", count: 1, handling: "mean-imputed + indicator")], notes: [])
        return RunRecord(
            audit: "t", startedAt: Date(timeIntervalSince1970: 1_700_000_000), toolVersion: "test", dataSha256: "d",
            testSha256: nil, specSha256: "s", rulesetSha256: "r", specPath: "a.yaml", specText: "audit: t",
            rulesetName: "default", rulesetPath: "(built-in)", rulesetText: "", seed: 3, failOn: "fail",
            dataset: summary, settings: RunSettings(legacyProse: ["Model": "softmax"]))
    }

    static func results() -> RunResults {
        let labels = [0, 0, 1, 1]
        let plan = PruningPlanner.plan(
            scores: [0.1, 0.2, 0.3, 0.4], scoreName: "el2n@2", direction: .harder, labels: labels, classCount: 2,
            policy: .keepHard, fraction: 0.5, seed: 0)
        let audit = auditComposition(
            plans: [plan],
            groupings: [
                Grouping(name: "class", kind: .class, groups: ["a", "b"], train: labels, test: [0, 1])
            ])
        let score = ScoreResult(
            name: "el2n@2", kind: "el2n", epoch: 2, perSeed: [[0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.5]])
        let finding = Finding(
            ruleId: "r", severity: .warn, score: "el2n@2", policy: "keep_hard", fraction: 0.5,
            attribute: "class", group: "a", metric: "retention_ratio", value: 0, threshold: 0.8,
            comparison: "below", message: "m")
        return RunResults(
            examples: (0..<4).map { ExampleRow(position: $0, exampleId: "id\($0)", label: $0 < 2 ? "a" : "b") },
            scores: [score],
            validity: [
                ScoreValidity(score: "el2n@2", seedStability: 0.9, inputNormSpearman: nil, classDependence: 0.5)
            ],
            plans: [plan], composition: audit, findings: [finding], gate: Gate(findings: [finding], failOn: .warn),
            timings: [StageTiming(stage: "train and score", seconds: 1.5)])
    }

    @Test func runRoundTrips() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(Self.record())
        #expect(try database.loadRun(id: id).run.status == .running)
        let results = Self.results()
        try database.completeRun(id: id, results: results)
        let stored = try database.loadRun(id: id)
        #expect(stored.run.status == .complete)
        #expect(stored.run.gatePassed == false)
        #expect(stored.run.dataset == Self.record().dataset)
        #expect(stored.run.settings == RunSettings(legacyProse: ["Model": "softmax"]))
        #expect(stored.run.timings == results.timings)
        #expect(stored.exampleCount == 4)
        #expect(try database.examples(runId: id) == results.examples)
        #expect(stored.scores.map(\.result.perSeed) == [results.scores[0].perSeed])
        #expect(stored.scores.map(\.result.mean) == [results.scores[0].mean])
        #expect(stored.composition == results.composition.rows)
        #expect(stored.attributes == results.composition.attributes)
        #expect(stored.findings == results.findings)
        #expect(stored.validity.map(\.seedStability) == [0.9])
        #expect(stored.plans.map(\.removedCount) == [2])
    }

    @Test func columnsAreNamedAsInTheJSON() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(Self.record())
        try database.completeRun(id: id, results: Self.results())
        let columns = try database.writer.read { db in try db.columns(in: "composition").map(\.name) }
        #expect(columns.contains("removal_rate") && columns.contains("q_value") && columns.contains("group"))
        let retention = try database.writer.read { db in
            try Double?.fetchOne(db, sql: "SELECT retention_ratio FROM composition WHERE \"group\" = 'a'")
        }
        #expect(retention == 0)
    }

    @Test func failedRunKeepsReason() throws {
        let database = try AuditDatabase()
        let id = try database.beginRun(Self.record())
        try database.failRun(id: id, message: "boom")
        let run = try database.loadRun(id: id).run
        #expect(run.status == .failed && run.errorMessage == "boom")
        #expect(try database.runs().map(\.id) == [id])
    }

    @Test func unknownRunIsAnInputError() throws {
        let database = try AuditDatabase()
        #expect(throws: InputError.self) { try database.loadRun(id: 42) }
    }

    @Test func migratorOnlyGrows() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: url) }
        let first = try AuditDatabase(path: url.path)
        let id = try first.beginRun(Self.record())
        let reopened = try AuditDatabase(path: url.path)
        #expect(try reopened.loadRun(id: id).run.audit == "t")
    }
}

@Suite struct ErrorRiskStorageTests {
    @Test func errorRiskRoundTrips() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let expected = Fixtures.plantedErrorRisk()
        #expect(stored.errorRisk.rows == expected.rows)
        #expect(stored.errorRisk.attributes == expected.attributes)
    }
}
