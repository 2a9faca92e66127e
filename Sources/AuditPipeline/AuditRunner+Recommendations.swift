import Auditing
import Datasets
import DietAuditCore
import Learning
import Rules
import Scoring

extension AuditRunner {
    /// The error-risk audit's inputs for a run's data and spec (the same
    /// retraining seeds serve the spec's plans and the remedies).
    func errorRiskInputs(_ inputs: CheckedInputs) -> ErrorRiskInputs {
        let data = inputs.data, spec = inputs.spec
        return ErrorRiskInputs(
            trainFeatures: FeatureMatrix(
                values: data.train.features, rows: data.train.count, columns: data.train.featureCount),
            trainLabels: data.train.labels,
            testFeatures: FeatureMatrix(
                values: data.test.features, rows: data.test.count, columns: data.test.featureCount),
            testLabels: data.test.labels, classCount: data.classNames.count, positiveClass: data.positiveClass,
            groupings: data.groupings, model: spec.model, training: spec.training,
            retrainSeeds: spec.pruning.retrainSeeds)
    }

    /// One ``Recommendation`` per plan with a fail-severity breach.
    ///
    /// For each failing plan, the remedies of
    /// ``Auditing/PruningPolicy/remedies(at:quotaAvailable:)`` (quota when the
    /// scoring models' held-out recall is known) are planned at the same score
    /// and fraction — whether or not the spec listed them — and audited for
    /// composition. When the run retrains, each remedy plan the spec did not
    /// list and whose composition passes the ruleset is retrained with the
    /// spec's retraining seeds, together with the random plan of its fraction,
    /// so its `accuracy_delta_vs_*` are paired like the others' (a remedy that
    /// fails on composition cannot pass, so it is not retrained and has no
    /// accuracy cost). Each remedy is then judged by the ruleset
    /// (``Rules/Ruleset/assessRemedy(_:score:fraction:composition:errorRisk:)``)
    /// and one is chosen (``Rules/Recommendation/choose(score:policy:fraction:among:)``).
    /// Nothing is retrained when no plan fails.
    func recommend(
        findings: [Finding], plans: [PruningPlan], rankings: [ScoreRanking], context: PlanningContext,
        auditor: CompositionAuditor, inputs: CheckedInputs, errorRisk: ErrorRiskAudit, reuse: ReuseSession
    ) throws -> [Recommendation] {
        let failing = FailingPlan.among(findings)
        guard !failing.isEmpty else { return [] }
        progress.begin("evaluating remedies for \(failing.count) failing plan\(failing.count == 1 ? "" : "s")")
        let spec = inputs.spec
        var remediesOf: [FailingPlan: [PruningPolicy]] = [:]
        var jobs: [(ranking: ScoreRanking, policy: PruningPolicy, fraction: DecimalFraction)] = []
        var planned = Set<String>()
        for plan in failing {
            guard let policy = PruningPolicy(rawValue: plan.policy),
                let fraction = spec.pruning.fractions.first(where: { $0.doubleValue == plan.fraction }),
                let ranking = rankings.first(where: { $0.scoreName == plan.score })
            else { continue }
            let remedies = policy.remedies(at: fraction, quotaAvailable: context.classErrors != nil)
            remediesOf[plan] = remedies
            for remedy in remedies
            where planned.insert(Self.planKey(score: plan.score, policy: remedy.rawValue, fraction: plan.fraction))
                .inserted
            {
                jobs.append((ranking, remedy, fraction))
            }
        }
        // Remedy plans are independent: made on all cores, in job order (the work never throws).
        let remedyPlans = try! runParallelJobs(count: jobs.count, parallel: jobs.count > 1) { index in
            PruningPlanner.plan(
                ranking: jobs[index].ranking, context: context, policy: jobs[index].policy,
                fraction: jobs[index].fraction, seed: spec.training.seed)
        }
        let composition = auditor.audit(remedyPlans)
        // A remedy that already fails on composition cannot pass: it is not retrained.
        let passesComposition = remedyPlans.filter { plan in
            inputs.ruleset.assessRemedy(
                plan.policy, score: plan.score ?? "", fraction: plan.fraction, composition: composition,
                errorRisk: ErrorRiskAudit(rows: [], attributes: [])
            ).passes
        }
        let risk = try remedyErrorRisk(
            passesComposition, plans: plans, inputs: inputs, errorRisk: errorRisk, reuse: reuse)
        return failing.map { plan in
            let assessments = (remediesOf[plan] ?? []).map { remedy in
                inputs.ruleset.assessRemedy(
                    remedy, score: plan.score, fraction: plan.fraction, composition: composition, errorRisk: risk)
            }
            return Recommendation.choose(
                score: plan.score, policy: plan.policy, fraction: plan.fraction, among: assessments)
        }
    }

    /// The run's error-risk rows plus those of every remedy plan the spec did
    /// not list (retrained with the random plan of its fraction, which the
    /// paired `accuracy_delta_vs_random` needs); the run's rows alone when it
    /// did not retrain.
    private func remedyErrorRisk(
        _ remedyPlans: [PruningPlan], plans: [PruningPlan], inputs: CheckedInputs, errorRisk: ErrorRiskAudit,
        reuse: ReuseSession
    ) throws -> ErrorRiskAudit {
        guard inputs.spec.pruning.retrainSeeds > 0 else { return errorRisk }
        let listed = Set(plans.map(Self.planKey))
        let fresh = remedyPlans.filter { !listed.contains(Self.planKey($0)) }
        guard !fresh.isEmpty else { return errorRisk }
        // One random order serves every fraction (its plans are prefixes of it).
        let randomOrder = PruningPlanner.randomOrder(
            context: PlanningContext(
                labels: inputs.data.train.labels, classCount: inputs.data.classNames.count, ids: inputs.data.train.ids),
            seed: inputs.spec.training.seed)
        let randomPlans = Set(fresh.map(\.fraction)).sorted().compactMap { fraction -> PruningPlan? in
            guard let decimal = inputs.spec.pruning.fractions.first(where: { $0.doubleValue == fraction }) else {
                return nil
            }
            return PruningPlanner.randomPlan(order: randomOrder, policy: .random, fraction: decimal)
        }
        let audit = try auditErrorRisk(plans: fresh + randomPlans, inputs: errorRiskInputs(inputs), reuse: reuse)
        let freshKeys = Set(fresh.map(Self.planKey))
        let knownRandom = Set(errorRisk.rows.filter { $0.policy == "random" }.compactMap(\.fraction))
        func wanted(_ score: String?, _ policy: String, _ fraction: Double?) -> Bool {
            guard let fraction else { return false }
            if policy == PruningPolicy.random.rawValue { return !knownRandom.contains(fraction) }
            return freshKeys.contains(Self.planKey(score: score, policy: policy, fraction: fraction))
        }
        return ErrorRiskAudit(
            rows: errorRisk.rows + audit.rows.filter { wanted($0.score, $0.policy, $0.fraction) },
            attributes: errorRisk.attributes + audit.attributes.filter { wanted($0.score, $0.policy, $0.fraction) })
    }

    static func planKey(_ plan: PruningPlan) -> String {
        planKey(score: plan.score, policy: plan.policy.rawValue, fraction: plan.fraction)
    }

    static func planKey(score: String?, policy: String, fraction: Double) -> String {
        [score ?? "", policy, "\(fraction)"].joined(separator: "\u{0}")
    }
}
