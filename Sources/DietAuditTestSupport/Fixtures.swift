import Auditing
import DietAuditCore
import Foundation
import Rules
import Scoring
import Storage

/// Small, fully known inputs shared by several test targets.
public enum Fixtures {
    /// A generated training set with a planted skew: 1,000 examples; group
    /// `female` of `sex` (every fifth example, 20%) gets systematically low
    /// scores; the class (2 levels) is drawn independently of sex.
    public struct Planted {
        public var labels: [Int] = []
        public var sex: [Int] = []
        public var scores: [Double] = []
        public var groupings: [Grouping] = []
    }

    public static func planted(count: Int = 1000) -> Planted {
        var generator = SeededGenerator(seed: 5, stream: "planted")
        var data = Planted()
        for index in 0..<count {
            let isFemale = index % 5 == 0
            data.sex.append(isFemale ? 0 : 1)
            data.labels.append(generator.uniform(below: 2))
            data.scores.append(isFemale ? generator.unitDouble() * 0.3 : 0.2 + generator.unitDouble())
        }
        let intersection = zip(data.sex, data.labels).map { $0 * 2 + $1 }
        data.groupings = [
            Grouping(name: "class", kind: .class, groups: ["0", "1"], train: data.labels, test: []),
            Grouping(name: "sex", kind: .attribute, groups: ["female", "male"], train: data.sex, test: []),
            Grouping(
                name: "sex×class", kind: .intersection, groups: ["female×0", "female×1", "male×0", "male×1"],
                train: intersection, test: []),
        ]
        return data
    }

    /// keep_hard by the planted score and random, both at 30%.
    public static func plantedPlans(_ data: Planted) -> [PruningPlan] {
        [
            PruningPlanner.plan(
                scores: data.scores, scoreName: "planted", direction: .harder, labels: data.labels, classCount: 2,
                policy: .keepHard, fraction: 0.3, seed: 0),
            PruningPlanner.plan(
                scores: nil, scoreName: nil, direction: .harder, labels: data.labels, classCount: 2,
                policy: .random, fraction: 0.3, seed: 0),
        ]
    }

    /// The composition audit of ``plantedPlans(_:)``.
    public static func plantedAudit() -> CompositionAudit {
        let data = planted()
        return auditComposition(plans: plantedPlans(data), groupings: data.groupings)
    }

    /// A run row for the planted data, with fixed dates and fingerprints.
    public static func plantedRunRecord() -> RunRecord {
        let data = planted()
        let summary = DatasetSummary(
            path: "planted.csv", sourceRows: 1250, trainCount: 1000, testCount: 250, featureColumns: ["x1", "x2"],
            featureCount: 2, label: "y", positiveLabel: "1",
            groupings: data.groupings.map {
                GroupingSummary(
                    name: $0.name, kind: $0.kind.rawValue, groups: $0.groups, trainCounts: $0.trainCounts,
                    testCounts: $0.groups.map { _ in 0 })
            },
            missing: [MissingCount(column: "x2", count: 3, handling: "mean-imputed + indicator")],
            notes: ["planted data for tests"])
        return RunRecord(
            audit: "planted|audit", startedAt: Date(timeIntervalSince1970: 1_700_000_000), toolVersion: "test",
            dataSha256: String(repeating: "d", count: 64), testSha256: nil,
            specSha256: String(repeating: "5", count: 64),
            rulesetSha256: String(repeating: "r", count: 64), specPath: "planted.yaml", specText: "audit: planted",
            rulesetName: "default", rulesetPath: "(built-in default)", rulesetText: Ruleset.defaultText, seed: 0,
            failOn: "fail", dataset: summary,
            settings: RunSettings(legacyProse: ["Model": "softmax regression", "Training": "fixed scores, no training"])
        )
    }

    /// Error-risk rows for the planted data, built from fixed per-seed values
    /// (3 retraining seeds): the planted plan costs `female` about 17 points of
    /// accuracy against random pruning; random pruning costs nobody.
    public static func plantedErrorRisk() -> ErrorRiskAudit {
        func row(
            _ score: String?, _ policy: String, _ fraction: Double?, _ group: String, _ n: Int,
            _ metrics: [ErrorRiskMetric: [Double]]
        ) -> ErrorRiskRow {
            ErrorRiskRow(
                score: score, policy: policy, fraction: fraction, attribute: "sex", attributeKind: .attribute,
                group: group, n: n, metrics: metrics.mapValues { SeedSummary(values: $0) })
        }
        let rows = [
            row(nil, ErrorRiskRow.fullPolicy, nil, "female", 50, [.accuracy: [0.80, 0.82, 0.78]]),
            row(nil, ErrorRiskRow.fullPolicy, nil, "male", 200, [.accuracy: [0.85, 0.86, 0.84]]),
            row(
                "planted", "keep_hard", 0.3, "female", 50,
                [
                    .accuracy: [0.62, 0.65, 0.60], .accuracyDeltaVsFull: [-0.18, -0.17, -0.18],
                    .accuracyDeltaVsRandom: [-0.17, -0.16, -0.19],
                ]),
            row(
                "planted", "keep_hard", 0.3, "male", 200,
                [
                    .accuracy: [0.85, 0.85, 0.84], .accuracyDeltaVsFull: [0.0, -0.01, 0.0],
                    .accuracyDeltaVsRandom: [0.01, -0.01, 0.0],
                ]),
            row(
                nil, "random", 0.3, "female", 50,
                [.accuracy: [0.79, 0.81, 0.79], .accuracyDeltaVsFull: [-0.01, -0.01, 0.01]]),
            row(
                nil, "random", 0.3, "male", 200,
                [.accuracy: [0.84, 0.86, 0.84], .accuracyDeltaVsFull: [-0.01, 0.0, 0.0]]),
        ]
        let attributes = [
            ErrorRiskAttributeRow(
                score: nil, policy: ErrorRiskRow.fullPolicy, fraction: nil, attribute: "sex", attributeKind: .attribute,
                metrics: [
                    .worstGroupAccuracy: SeedSummary(values: [0.80, 0.82, 0.78]),
                    .accuracyGap: SeedSummary(values: [0.05, 0.04, 0.06]),
                ]),
            ErrorRiskAttributeRow(
                score: "planted", policy: "keep_hard", fraction: 0.3, attribute: "sex", attributeKind: .attribute,
                metrics: [
                    .worstGroupAccuracy: SeedSummary(values: [0.62, 0.65, 0.60]),
                    .accuracyGap: SeedSummary(values: [0.23, 0.20, 0.24]),
                ]),
        ]
        return ErrorRiskAudit(rows: rows, attributes: attributes)
    }

    /// Results for the planted data under the built-in default ruleset.
    public static func plantedResults(failOn: Severity? = .fail) throws -> RunResults {
        let data = planted()
        let plans = plantedPlans(data)
        let audit = auditComposition(plans: plans, groupings: data.groupings)
        let errorRisk = plantedErrorRisk()
        let findings = try Ruleset.builtInDefault().evaluate(audit, errorRisk: errorRisk)
        let score = ScoreResult(name: "planted", kind: "imported", epoch: nil, perSeed: [data.scores])
        return RunResults(
            examples: data.labels.indices.map {
                ExampleRow(position: $0, exampleId: "row\($0 + 1)", label: String(data.labels[$0]))
            },
            scores: [score],
            validity: [
                ScoreValidity(score: "planted", seedStability: nil, inputNormSpearman: 0.12, classDependence: 0.001)
            ],
            plans: plans, composition: audit, errorRisk: errorRisk, findings: findings,
            gate: Gate(findings: findings, failOn: failOn),
            timings: [StageTiming(stage: "train and score", seconds: 0.25)])
    }

    /// The planted run stored in a fresh in-memory database.
    public static func storedPlantedRun() throws -> (AuditDatabase, StoredRun) {
        let database = try AuditDatabase()
        let id = try database.beginRun(plantedRunRecord())
        try database.completeRun(
            id: id, results: plantedResults(), finishedAt: Date(timeIntervalSince1970: 1_700_000_060))
        return (database, try database.loadRun(id: id))
    }
}
