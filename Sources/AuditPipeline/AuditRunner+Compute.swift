import Auditing
import Datasets
import DietAuditCore
import Learning
import Rules
import Scoring
import Storage

extension AuditRunner {
    /// Scores, plans, composition audit, findings and gate; `previous` is what
    /// `compare_to: previous` rules compare with (`nil`: the audit's first run).
    func compute(_ inputs: CheckedInputs, failOn: Severity?, previous: PreviousRun? = nil,
                 clock: inout StageClock) throws -> RunResults {
        let spec = inputs.spec, data = inputs.data
        let features = FeatureMatrix(values: data.train.features, rows: data.train.count, columns: data.train.featureCount)
        let computedSpecs = spec.scores.compactMap { request -> ScoreSpec? in
            if case .computed(let scoreSpec) = request { return scoreSpec }
            return nil
        }
        let computed = computedSpecs.isEmpty ? [] : try computeScores(
            computedSpecs, features: features, labels: data.train.labels, classCount: data.classNames.count,
            model: spec.model, training: spec.training, progress: progress)
        var scores: [ScoreResult] = []
        for request in spec.scores {
            if let values = inputs.imported[request.name] {
                scores.append(ScoreResult(
                    name: request.name, kind: ScoreResult.importedKind, epoch: nil, direction: request.direction,
                    perSeed: [values]))
            } else if let result = computed.first(where: { $0.name == request.name }) {
                scores.append(result)
            }
        }
        let validity = scoreValidity(
            scores, inputNorm: features.rowNorms(), labels: data.train.labels, classCount: data.classNames.count)
        clock.lap("train and score")

        progress.begin("planning and auditing composition")
        let plans = makePlans(scores: scores, labels: data.train.labels, classCount: data.classNames.count, spec: spec)
        let composition = auditComposition(plans: plans, groupings: data.groupings)
        clock.lap("plan and audit composition")
        var errorRisk = ErrorRiskAudit(rows: [], attributes: [])
        if spec.pruning.retrainSeeds > 0 {
            let inputs = ErrorRiskInputs(
                trainFeatures: features, trainLabels: data.train.labels,
                testFeatures: FeatureMatrix(values: data.test.features, rows: data.test.count, columns: data.test.featureCount),
                testLabels: data.test.labels, classCount: data.classNames.count, positiveClass: data.positiveClass,
                groupings: data.groupings, model: spec.model, training: spec.training,
                retrainSeeds: spec.pruning.retrainSeeds)
            errorRisk = try auditErrorRisk(plans: plans, inputs: inputs, progress: progress)
            clock.lap("retrain and audit error risk")
        }
        let findings = inputs.ruleset.evaluate(composition, errorRisk: errorRisk, previous: previous)
        let gate = Gate(findings: findings, failOn: failOn)
        clock.lap("apply ruleset")
        let examples = data.train.ids.indices.map { index in
            ExampleRow(position: index, exampleId: data.train.ids[index], label: data.classNames[data.train.labels[index]])
        }
        return RunResults(
            examples: examples, scores: scores, validity: validity, plans: plans, composition: composition,
            errorRisk: errorRisk, findings: findings, gate: gate, timings: clock.timings)
    }

    /// One plan per (score, score-based policy, fraction), and one `random`
    /// plan per fraction (it does not depend on a score).
    func makePlans(scores: [ScoreResult], labels: [Int], classCount: Int, spec: AuditSpec) -> [PruningPlan] {
        var plans: [PruningPlan] = []
        for score in scores {
            for policy in spec.pruning.policies where policy != .random {
                for fraction in spec.pruning.fractions {
                    plans.append(PruningPlanner.plan(
                        scores: score.mean, scoreName: score.name, direction: score.direction, labels: labels, classCount: classCount,
                        policy: policy, fraction: fraction, seed: spec.training.seed))
                }
            }
        }
        if spec.pruning.policies.contains(.random) {
            for fraction in spec.pruning.fractions {
                plans.append(PruningPlanner.plan(
                    scores: nil, scoreName: nil, direction: .harder, labels: labels, classCount: classCount,
                    policy: .random, fraction: fraction, seed: spec.training.seed))
            }
        }
        return plans
    }
}
