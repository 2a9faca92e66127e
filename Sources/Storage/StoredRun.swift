import Auditing
import Rules
import Scoring

/// Everything stored about one run, read back for reports and exports.
public struct StoredRun: Sendable {
    public var run: RunRecord
    /// The number of training examples. Their ids and labels are not loaded
    /// with the run (ten million of them would cost gigabytes); read them with
    /// ``AuditDatabase/exampleColumns(runId:)`` or stream them with
    /// ``AuditDatabase/forEachExampleChunk(runId:chunkSize:_:)``.
    public var exampleCount: Int
    public var scores: [ScoreRow]
    public var validity: [ValidityRow]
    public var plans: [PlanRow]
    public var composition: [CompositionRow]
    public var attributes: [AttributeRow]
    public var findings: [Finding]
    /// Error-risk results; empty when the run retrained nothing.
    public var errorRisk: ErrorRiskAudit
    /// Random bands (`{policy: random, draws: K}`); empty without draws.
    public var randomBands: [RandomBandRow] = []
    /// One remedy recommendation per failing plan; empty when none fails.
    public var recommendations: [Recommendation] = []

    /// The run's id (always set for a stored run).
    public var id: Int64 { run.id ?? 0 }
}

/// The results of a run, ready to be written in one transaction.
public struct RunResults: Sendable {
    /// The training examples as rows (small runs and tests); used when
    /// ``exampleColumns`` is `nil`.
    public var examples: [ExampleRow]
    /// The training examples as columns (ids, labels, attribute groups), as stored.
    public var exampleColumns: ExampleColumns?
    public var scores: [ScoreResult]
    public var validity: [ScoreValidity]
    public var plans: [PruningPlan]
    public var composition: CompositionAudit
    public var errorRisk: ErrorRiskAudit
    public var findings: [Finding]
    public var gate: Gate
    public var timings: [StageTiming]
    /// Random bands of every (fraction, grouping, group); empty without draws.
    public var randomBands: [RandomBand]
    /// One remedy recommendation per failing plan.
    public var recommendations: [Recommendation]
    /// What the run trained, stored for later runs to reuse.
    public var reuseEntries = ReuseEntries()
    /// How much of the run's training was reused (written into the run's settings).
    public var reuse: RunSettings.Reuse?
    /// Plans counted in a SQL engine (no per-example bytes); empty in memory.
    public var countedPlans: [CountedPlan] = []

    public init(
        examples: [ExampleRow], scores: [ScoreResult], validity: [ScoreValidity], plans: [PruningPlan],
        composition: CompositionAudit, errorRisk: ErrorRiskAudit = ErrorRiskAudit(rows: [], attributes: []),
        findings: [Finding], gate: Gate, timings: [StageTiming], randomBands: [RandomBand] = [],
        recommendations: [Recommendation] = [], exampleColumns: ExampleColumns? = nil
    ) {
        self.exampleColumns = exampleColumns
        self.recommendations = recommendations
        self.randomBands = randomBands
        self.errorRisk = errorRisk
        self.examples = examples
        self.scores = scores
        self.validity = validity
        self.plans = plans
        self.composition = composition
        self.findings = findings
        self.gate = gate
        self.timings = timings
    }
}
