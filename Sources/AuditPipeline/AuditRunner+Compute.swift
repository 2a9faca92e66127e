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
    /// `reuse` supplies stored training and collects what is trained (`nil`:
    /// neither).
    func compute(
        _ inputs: CheckedInputs, failOn: Severity?, previous: PreviousRun? = nil, reuse: ReuseSession? = nil,
        clock: inout StageClock
    ) throws -> RunResults {
        let spec = inputs.spec, data = inputs.data
        let reuse = reuse ?? ReuseSession.none(progress: progress)
        let features = FeatureMatrix(
            values: data.train.features, rows: data.train.count, columns: data.train.featureCount)
        let computedSpecs = spec.scores.compactMap { request -> ScoreSpec? in
            if case .computed(let scoreSpec) = request { return scoreSpec }
            return nil
        }
        let heldOut =
            !computedSpecs.isEmpty  // quota, and the quota remedy, read the held-out recall
            ? HeldOutSplit(
                features: FeatureMatrix(
                    values: data.test.features, rows: data.test.count, columns: data.test.featureCount),
                labels: data.test.labels) : nil
        let scoring =
            computedSpecs.isEmpty || inputs.recordScores != nil
            ? ScoringOutcome(scores: inputs.recordScores ?? [], heldOutRecall: nil)
            : try computeScoring(
                computedSpecs, features: features, labels: data.train.labels, classCount: data.classNames.count,
                model: spec.model, training: spec.training, heldOut: heldOut, progress: progress,
                reusing: try reuse.knownScoringSeeds(training: spec.training))
        reuse.recordScoring(scoring)
        let computed = scoring.scores
        var scores: [ScoreResult] = []
        for request in spec.scores {
            if let values = inputs.imported[request.name] {
                scores.append(
                    ScoreResult(
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
        let context = planningContext(data, heldOutRecall: scoring.heldOutRecall)
        let plans = makePlans(scores: scores, context: context, spec: spec)
        let composition = auditComposition(plans: plans, groupings: data.groupings)
        let randomBands = randomBands(data, spec: spec)
        clock.lap("plan and audit composition")
        var errorRisk = ErrorRiskAudit(rows: [], attributes: [])
        if spec.pruning.retrainSeeds > 0 {
            errorRisk = try auditErrorRisk(plans: plans, inputs: errorRiskInputs(inputs), reuse: reuse)
            clock.lap("retrain and audit error risk")
        }
        let findings = inputs.ruleset.evaluate(composition, errorRisk: errorRisk, previous: previous)
        let gate = Gate(findings: findings, failOn: failOn)
        clock.lap("apply ruleset")
        let recommendations = try recommend(
            findings: findings, plans: plans, scores: scores, context: context, inputs: inputs, errorRisk: errorRisk,
            reuse: reuse)
        clock.lap("evaluate remedies")
        let examples = data.train.ids.indices.map { index in
            ExampleRow(
                position: index, exampleId: data.train.ids[index], label: data.classNames[data.train.labels[index]])
        }
        var results = RunResults(
            examples: examples, scores: scores, validity: validity, plans: plans, composition: composition,
            errorRisk: errorRisk, findings: findings, gate: gate, timings: clock.timings, randomBands: randomBands,
            recommendations: recommendations)
        results.reuseEntries = reuse.entries
        results.reuse = reuse.summary
        return results
    }

    /// The error-risk audit of `plans`, with every model `reuse` knows handed
    /// in and every model trained handed back to it.
    func auditErrorRisk(plans: [PruningPlan], inputs: ErrorRiskInputs, reuse: ReuseSession) throws -> ErrorRiskAudit {
        let known = try reuse.knownModels(RetrainedModelID.needed(plans: plans, inputs: inputs))
        let audit = try Auditing.auditErrorRisk(plans: plans, inputs: inputs, progress: progress, reusing: known)
        reuse.recordRetraining(audit)
        return audit
    }

    /// One plan per (score, score-based policy, fraction), and one `random`
    /// plan per fraction (it does not depend on a score).
    func makePlans(scores: [ScoreResult], context: PlanningContext, spec: AuditSpec) -> [PruningPlan] {
        var plans: [PruningPlan] = []
        for score in scores {
            for policy in spec.pruning.policies where policy != .random {
                for fraction in spec.pruning.fractions {
                    plans.append(
                        PruningPlanner.plan(
                            scores: score.mean, scoreName: score.name, direction: score.direction, context: context,
                            policy: policy, fraction: fraction, seed: spec.training.seed))
                }
            }
        }
        if spec.pruning.policies.contains(.random) {
            for fraction in spec.pruning.fractions {
                plans.append(
                    PruningPlanner.plan(
                        scores: nil, scoreName: nil, direction: .harder, context: context,
                        policy: .random, fraction: fraction, seed: spec.training.seed))
            }
        }
        return plans
    }
}
