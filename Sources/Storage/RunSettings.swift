import Auditing

/// The settings a run was made with, as structured data (the `run.settings`
/// JSON column): model, training, scores, test split, pruning, error risk and
/// compute. The report's methods section puts them into words
/// (`MethodsText` in Reporting).
///
/// Runs stored by earlier versions hold a JSON object of prose instead
/// (`{"Model": "softmax regression", …}`); decoding accepts that and keeps it
/// in ``legacyProse``, with every structured field `nil`.
public struct RunSettings: Sendable, Codable, Equatable {
    /// The model architecture.
    public var model: Model?
    /// How every model was trained.
    public var training: Training?
    /// The score names, in spec order.
    public var scores: [String]?
    /// The held-out fraction (stratified, seeded), or `nil` with a test file.
    public var testFraction: Double?
    /// The test file as the spec names it, or `nil` with a held-out fraction.
    public var testFile: String?
    /// Pruning fractions, in spec order.
    public var pruningFractions: [Double]?
    /// Pruning policies, in spec order.
    public var pruningPolicies: [PruningPolicy]?
    /// Retraining seeds of the error-risk audit (0: not measured).
    public var retrainSeeds: Int?
    /// The OpenBLAS kernel the run used.
    public var blasKernel: String?
    /// Cores the seeds ran on.
    public var cores: Int?
    /// `true` for an audit-only run (imported scores, no model, nothing
    /// trained: ``model`` and ``training`` are `nil`); `nil` for earlier runs.
    public var auditOnly: Bool?
    /// The imported training records an audit-only run computed scores from;
    /// `nil` without them (and for earlier runs).
    public var trainingRecords: TrainingRecords?
    /// The prose settings of a run stored before settings were structured.
    public var legacyProse: [String: String]?
    /// What the run reused from earlier runs' training; `nil` for runs
    /// stored before reuse existed and for audit-only runs.
    public var reuse: Reuse?

    /// Imported training records (`training_records` of an audit-only spec).
    public struct TrainingRecords: Sendable, Codable, Equatable {
        /// The file, seeds, epochs and values, e.g. `own.npy (3 seeds, epochs 0–6, logits)`.
        public var description: String
        /// The scores computed from them.
        public var scores: [String]

        public init(description: String, scores: [String]) {
            self.description = description
            self.scores = scores
        }
    }

    /// The model architecture.
    public struct Model: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case softmax, mlp, cnn }
        public var kind: Kind
        /// Hidden layer widths (mlp) or convolution channels (cnn); empty for softmax.
        public var widths: [Int]
        /// `8×8×1` for a cnn's input, when known.
        public var inputShape: String?
        /// `model.init` (`he_normal`, `torch`, `lecun_normal`); `nil` in runs
        /// stored before the option existed, which used `he_normal`.
        public var initialization: String?

        enum CodingKeys: String, CodingKey {
            case kind, widths
            case inputShape = "input_shape"
            case initialization = "init"
        }

        public init(kind: Kind, widths: [Int], inputShape: String?, initialization: String? = nil) {
            self.kind = kind; self.widths = widths; self.inputShape = inputShape
            self.initialization = initialization
        }
    }

    /// Training settings.
    public struct Training: Sendable, Codable, Equatable {
        public var epochs: Int
        public var batchSize: Int
        /// `sgd` or `adam`.
        public var optimizer: String
        public var learningRate: Float
        public var momentum: Float
        public var weightDecay: Float
        public var beta1: Float
        public var beta2: Float
        public var epsilon: Float
        public var schedule: Schedule
        public var seeds: Int
        public var seed: UInt64

        public init(
            epochs: Int, batchSize: Int, optimizer: String, learningRate: Float, momentum: Float,
            weightDecay: Float, beta1: Float, beta2: Float, epsilon: Float, schedule: Schedule, seeds: Int,
            seed: UInt64
        ) {
            self.epochs = epochs; self.batchSize = batchSize; self.optimizer = optimizer
            self.learningRate = learningRate; self.momentum = momentum; self.weightDecay = weightDecay
            self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.schedule = schedule
            self.seeds = seeds; self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case epochs
            case batchSize = "batch_size"
            case optimizer
            case learningRate = "learning_rate"
            case momentum
            case weightDecay = "weight_decay"
            case beta1, beta2, epsilon, schedule, seeds, seed
        }
    }

    /// The learning-rate schedule.
    public enum Schedule: Sendable, Codable, Equatable {
        case constant
        case step(everyEpochs: Int, factor: Float)
        case cosine(minimum: Float)
    }

    public init(
        model: Model, training: Training, scores: [String], testFraction: Double?, testFile: String?,
        pruningFractions: [Double], pruningPolicies: [PruningPolicy], retrainSeeds: Int, blasKernel: String,
        cores: Int
    ) {
        self.model = model; self.training = training; self.scores = scores
        self.testFraction = testFraction; self.testFile = testFile
        self.pruningFractions = pruningFractions; self.pruningPolicies = pruningPolicies
        self.retrainSeeds = retrainSeeds; self.blasKernel = blasKernel; self.cores = cores
    }

    /// Settings known only as prose (runs of earlier versions, test fixtures).
    public init(legacyProse: [String: String]) {
        self.legacyProse = legacyProse
    }

    enum CodingKeys: String, CodingKey {
        case model, training, scores
        case testFraction = "test_fraction"
        case testFile = "test_file"
        case pruningFractions = "pruning_fractions"
        case pruningPolicies = "pruning_policies"
        case retrainSeeds = "retrain_seeds"
        case blasKernel = "blas_kernel"
        case cores
        case auditOnly = "audit_only"
        case trainingRecords = "training_records"
        case reuse
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard
            container.contains(.model) || container.contains(.training) || container.contains(.scores)
                || container.contains(.auditOnly)
        else {
            legacyProse = try decoder.singleValueContainer().decode([String: String].self)
            return
        }
        model = try container.decodeIfPresent(Model.self, forKey: .model)
        training = try container.decodeIfPresent(Training.self, forKey: .training)
        scores = try container.decodeIfPresent([String].self, forKey: .scores)
        testFraction = try container.decodeIfPresent(Double.self, forKey: .testFraction)
        testFile = try container.decodeIfPresent(String.self, forKey: .testFile)
        pruningFractions = try container.decodeIfPresent([Double].self, forKey: .pruningFractions)
        pruningPolicies = try container.decodeIfPresent([PruningPolicy].self, forKey: .pruningPolicies)
        retrainSeeds = try container.decodeIfPresent(Int.self, forKey: .retrainSeeds)
        blasKernel = try container.decodeIfPresent(String.self, forKey: .blasKernel)
        cores = try container.decodeIfPresent(Int.self, forKey: .cores)
        auditOnly = try container.decodeIfPresent(Bool.self, forKey: .auditOnly)
        trainingRecords = try container.decodeIfPresent(TrainingRecords.self, forKey: .trainingRecords)
        reuse = try container.decodeIfPresent(Reuse.self, forKey: .reuse)
    }

    public func encode(to encoder: Encoder) throws {
        if let legacyProse {
            var single = encoder.singleValueContainer()
            try single.encode(legacyProse)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(training, forKey: .training)
        try container.encodeIfPresent(scores, forKey: .scores)
        try container.encodeIfPresent(testFraction, forKey: .testFraction)
        try container.encodeIfPresent(testFile, forKey: .testFile)
        try container.encodeIfPresent(pruningFractions, forKey: .pruningFractions)
        try container.encodeIfPresent(pruningPolicies, forKey: .pruningPolicies)
        try container.encodeIfPresent(retrainSeeds, forKey: .retrainSeeds)
        try container.encodeIfPresent(blasKernel, forKey: .blasKernel)
        try container.encodeIfPresent(cores, forKey: .cores)
        try container.encodeIfPresent(auditOnly, forKey: .auditOnly)
        try container.encodeIfPresent(trainingRecords, forKey: .trainingRecords)
        try container.encodeIfPresent(reuse, forKey: .reuse)
    }
}
