import Auditing
import Datasets
import DietAuditCore
import Foundation
import Rules
import SQLEngines
import Scoring
import Storage

extension AuditRunner {
    /// Plans, composition, findings, gate and remedies of an engine audit,
    /// from its cell counts.
    func engineResults(
        _ inputs: EngineInputs, failOn: Severity?, previous: PreviousRun?, clock: inout StageClock
    ) -> RunResults {
        let spec = inputs.spec
        let plans = engineListedPlans(inputs)
        let groupings = inputs.cells.groupings, sizes = inputs.counts.cellSizes
        let composition = auditComposition(countedPlans: plans, cellSizes: sizes, groupings: groupings)
        clock.lap("audit composition")
        let findings = inputs.ruleset.ruleset.evaluate(
            composition, errorRisk: ErrorRiskAudit(rows: [], attributes: []), previous: previous)
        let gate = Gate(findings: findings, failOn: failOn)
        clock.lap("apply ruleset")
        let recommendations = engineRecommendations(findings: findings, inputs: inputs)
        clock.lap("evaluate remedies")
        let scores = spec.scores.map { request in
            ScoreResult(
                name: request.name, kind: ScoreResult.importedKind, epoch: nil, direction: request.direction,
                perSeed: [[]])
        }
        var results = RunResults(
            examples: [], scores: scores, validity: [], plans: [], composition: composition, findings: findings,
            gate: gate, timings: clock.timings, recommendations: recommendations)
        results.countedPlans = plans
        return results
    }

    /// The spec's plans in the order the in-memory path makes them
    /// (``PruningSpec/listedPlans(scoreNames:)``).
    func engineListedPlans(_ inputs: EngineInputs) -> [CountedPlan] {
        inputs.spec.pruning.listedPlans(scoreNames: inputs.spec.scores.map(\.name)).map {
            countedPlan(inputs, score: $0.score, policy: $0.policy, fraction: $0.fraction)
        }
    }

    /// One plan: from the engine's counts, or for `group_balanced` from the
    /// cell sizes (``Auditing/PruningPlanner/groupBalancedCounts(cellSizes:fraction:seed:)``,
    /// cells numbered as ``Auditing/PlanningContext/cells(from:)`` numbers them).
    func countedPlan(_ inputs: EngineInputs, score: String?, policy: PruningPolicy, fraction: DecimalFraction)
        -> CountedPlan
    {
        let removed: [Int]
        if policy.kind == .groupBalanced {
            let groupings = inputs.cells.groupings.filter { $0.kind == .attribute || $0.kind == .class }
            let keys = inputs.counts.cellSizes.indices.map { cell in groupings.map { $0.train[cell] } }
            let numbers = PlanningContext.cellNumbers(of: keys)
            var sizes = [Int](repeating: 0, count: numbers.count)
            for (cell, key) in keys.enumerated() { sizes[numbers[key]!] += inputs.counts.cellSizes[cell] }
            let perNumber = PruningPlanner.groupBalancedCounts(
                cellSizes: sizes, fraction: fraction, seed: inputs.spec.training.seed)
            removed = keys.map { perNumber[numbers[$0]!] }
        } else {
            let key = CountsPlanKey(score: score, policy: policy, fraction: fraction)
            removed = inputs.counts.removed[key]!
        }
        return CountedPlan(score: score, policy: policy, fraction: fraction.doubleValue, removedPerCell: removed)
    }

    /// One recommendation per plan with a fail-severity breach, as the
    /// in-memory path gives an audit-only run (composition only, nothing
    /// retrained): each remedy counted, audited and judged by the ruleset.
    func engineRecommendations(findings: [Finding], inputs: EngineInputs) -> [Recommendation] {
        let failing = FailingPlan.among(findings)
        guard !failing.isEmpty else { return [] }
        let spec = inputs.spec
        var remediesOf: [FailingPlan: [PruningPolicy]] = [:]
        var remedyPlans: [CountedPlan] = [], planned = Set<String>()
        for plan in failing {
            guard let policy = PruningPolicy(rawValue: plan.policy),
                let fraction = spec.pruning.fractions.first(where: { $0.doubleValue == plan.fraction })
            else { continue }
            let remedies = policy.remedies(at: fraction, quotaAvailable: false)
            remediesOf[plan] = remedies
            for remedy in remedies {
                let counted = countedPlan(inputs, score: plan.score, policy: remedy, fraction: fraction)
                let key = Self.planKey(score: counted.score, policy: remedy.rawValue, fraction: counted.fraction)
                if planned.insert(key).inserted { remedyPlans.append(counted) }
            }
        }
        let composition = auditComposition(
            countedPlans: remedyPlans, cellSizes: inputs.counts.cellSizes, groupings: inputs.cells.groupings)
        let noRisk = ErrorRiskAudit(rows: [], attributes: [])
        return failing.map { plan in
            let assessments = (remediesOf[plan] ?? []).map { remedy in
                inputs.ruleset.ruleset.assessRemedy(
                    remedy, score: plan.score, fraction: plan.fraction, composition: composition, errorRisk: noRisk)
            }
            return Recommendation.choose(
                score: plan.score, policy: plan.policy, fraction: plan.fraction, among: assessments)
        }
    }

    /// The run row of an engine audit: sizes and groups from the cells, the
    /// engine's provenance.
    func engineRunRecord(_ inputs: EngineInputs, options: RunOptions) -> RunRecord {
        let spec = inputs.spec, sizes = inputs.counts.cellSizes
        let summary = DatasetSummary(
            path: inputs.provenance.table, sourceRows: sizes.reduce(0, +), trainCount: sizes.reduce(0, +),
            testCount: 0, featureColumns: [], featureCount: 0, label: spec.dataset.label, positiveLabel: nil,
            groupings: inputs.cells.groupings.map { grouping in
                var counts = [Int](repeating: 0, count: grouping.groups.count)
                for (cell, group) in grouping.train.enumerated() { counts[group] += sizes[cell] }
                return GroupingSummary(
                    name: grouping.name, kind: grouping.kind.rawValue, groups: grouping.groups, trainCounts: counts,
                    testCounts: [Int](repeating: 0, count: grouping.groups.count))
            },
            missing: [], notes: [engineNote(inputs.provenance)], auditOnly: true)
        var record = RunRecord(
            audit: spec.name, startedAt: Date(), toolVersion: options.toolVersion, dataSha256: inputs.dataSHA256,
            testSha256: nil, specSha256: spec.sha256, rulesetSha256: Fingerprint.sha256(inputs.ruleset.text),
            specPath: spec.file, specText: spec.text, rulesetName: inputs.ruleset.ruleset.name,
            rulesetPath: inputs.ruleset.display, rulesetText: inputs.ruleset.text,
            seed: Int64(bitPattern: spec.training.seed), failOn: options.failOn?.rawValue ?? "never",
            dataset: summary, settings: settings(spec))
        record.engine = inputs.provenance.engine
        record.engineVersion = inputs.provenance.version
        record.engineTable = inputs.provenance.table
        record.engineQuerySha256 = inputs.provenance.querySHA256
        record.engineBytes = Int64(inputs.provenance.bytesMoved)
        return record
    }

    /// The data section's sentence on where the audit ran.
    func engineNote(_ provenance: EngineProvenance) -> String {
        if provenance.engine == "PostgreSQL" {
            return "The audit ran in the engine: PostgreSQL \(provenance.version ?? "") ranked and counted table "
                + "\(provenance.table) (counting query SHA-256 \(provenance.querySHA256 ?? "")); only the cell "
                + "counts (\(provenance.bytesMoved) bytes) left it."
        }
        return "The audit read a counts table computed in a SQL engine (\(provenance.table), "
            + "\(provenance.bytesMoved) bytes); the examples never left the engine."
    }
}
