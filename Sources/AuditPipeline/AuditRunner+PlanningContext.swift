import Auditing
import Datasets
import DietAuditCore
import Scoring

extension AuditRunner {
    /// What the planner needs besides scores: labels, the attribute × class
    /// cells of every training example (`group_balanced`), and each class's
    /// held-out error 1 − recall of the scoring models (`quota`). A class
    /// absent from the test split has no recall; it is given the mean error
    /// of the classes that have one (0.5 when none has).
    func planningContext(_ data: PreparedDataset, heldOutRecall: [Double?]?) -> PlanningContext {
        var errors: [Double]?
        if let recall = heldOutRecall {
            let known = recall.compactMap { $0.map { 1 - $0 } }
            let fallback = known.isEmpty ? 0.5 : known.reduce(0, +) / Double(known.count)
            errors = recall.map { $0.map { 1 - $0 } ?? fallback }
        }
        return PlanningContext(
            labels: data.train.labels, classCount: data.classNames.count,
            cells: PlanningContext.cells(from: data.groupings), classErrors: errors,
            ids: data.train.ids)
    }

    /// The random band of every (fraction, grouping, group), from the spec's
    /// `{policy: random, draws: K}`; empty without draws.
    func randomBands(_ data: PreparedDataset, spec: AuditSpec) -> [RandomBand] {
        guard spec.pruning.randomDraws > 0, spec.pruning.policies.contains(.random) else { return [] }
        return RandomBand.draw(
            trainCount: data.train.count, groupings: data.groupings, fractions: spec.pruning.fractions,
            draws: spec.pruning.randomDraws, seed: spec.training.seed)
    }
}
