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
        clock.lap("train and score")
        progress.begin("checking the scores and ranking the examples by each score")
        let context = planningContext(data, heldOutRecall: scoring.heldOutRecall)
        let (rankings, validity, auditor, randomOrder) = try rankAndCheck(
            scores, data: data, features: features, context: context, spec: spec)
        let plans = makePlans(rankings: rankings, randomOrder: randomOrder, context: context, spec: spec)
        progress.begin("auditing the composition of \(plans.count) plans")
        let composition = auditor.audit(plans, progress: progress)
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
            findings: findings, plans: plans, rankings: rankings, context: context, auditor: auditor, inputs: inputs,
            errorRisk: errorRisk, reuse: reuse)
        clock.lap("evaluate remedies")
        let ids: ExampleColumns.Ids = data.train.ids.integers.map { .integers($0) } ?? .texts(Array(data.train.ids))
        let examples = ExampleColumns(
            ids: ids, labels: data.train.labels, classNames: data.classNames,
            attributes: data.groupings.filter { $0.kind == .attribute })
        var results = RunResults(
            examples: [], scores: scores, validity: validity, plans: plans, composition: composition,
            errorRisk: errorRisk, findings: findings, gate: gate, timings: clock.timings, randomBands: randomBands,
            recommendations: recommendations, exampleColumns: examples)
        results.reuseEntries = reuse.entries
        results.reuse = reuse.summary
        return results
    }

    /// Each score's ranking (``PruningPlanner/ranking(scores:scoreName:direction:seed:ids:)``
    /// with the classes and cells attached) and, beside the rankings on the
    /// second core, the scores' validity, the composition auditor (the cells
    /// of class × attributes every composition audit of the run uses) and the
    /// `random` order when the spec lists `random` (else empty).
    func rankAndCheck(
        _ scores: [ScoreResult], data: PreparedDataset, features: FeatureMatrix, context: PlanningContext,
        spec: AuditSpec
    ) throws -> ([ScoreRanking], [ScoreValidity], CompositionAuditor, [Int32]) {
        let seed = spec.training.seed
        let (rankings, (validity, auditor, randomOrder)) = try runBoth {
            scores.map { score in
                var ranking = PruningPlanner.ranking(
                    scores: score.mean, scoreName: score.name, direction: score.direction, seed: seed, ids: context.ids)
                ranking.attachParts(of: context)
                return ranking
            }
        } _: {
            // Without features (audit-only) every input norm is 0: no Spearman ρ, and no need to rank N zeros.
            let validity = scoreValidity(
                scores, inputNorm: data.train.featureCount > 0 ? features.rowNorms() : [],
                labels: data.train.labels, classCount: data.classNames.count)
            let randomOrder =
                spec.pruning.policies.contains(.random) ? PruningPlanner.randomOrder(context: context, seed: seed) : []
            return (validity, CompositionAuditor(groupings: data.groupings), randomOrder)
        }
        return (rankings, validity, auditor, randomOrder)
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
    /// plan per fraction (it does not depend on a score). Each score is ranked
    /// once (`rankings`, in score order); its plans are linear passes over it.
    /// The `random` plans are prefixes of `randomOrder`
    /// (``PruningPlanner/randomOrder(context:seed:)``).
    func makePlans(
        rankings: [ScoreRanking], randomOrder: [Int32], context: PlanningContext, spec: AuditSpec
    ) -> [PruningPlan] {
        let jobs = spec.pruning.listedPlans(scoreNames: rankings.compactMap(\.scoreName))
        let rankingOf = Dictionary(
            uniqueKeysWithValues: rankings.compactMap { ranking in
                ranking.scoreName.map { ($0, ranking) }
            })
        progress.begin("planning \(jobs.count) plans")
        let locked = LockedProgress(progress)
        // Plans are independent: made on all cores, in job order (the work never throws).
        return try! runParallelJobs(count: jobs.count, parallel: jobs.count > 1) { index in
            let job = jobs[index], seed = spec.training.seed
            let plan =
                if let score = job.score {
                    PruningPlanner.plan(
                        ranking: rankingOf[score]!, context: context, policy: job.policy, fraction: job.fraction,
                        seed: seed)
                } else {
                    PruningPlanner.randomPlan(order: randomOrder, policy: job.policy, fraction: job.fraction)
                }
            locked.finishedOne(of: jobs.count)
            return plan
        }
    }
}
