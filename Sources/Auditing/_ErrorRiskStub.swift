import DietAuditCore
import Learning
public struct SeedSummary: Sendable, Equatable, Codable { public var mean: Double; public var std: Double?; public var ciLow: Double?; public var ciHigh: Double?; public init(values: [Double]) { mean = values[0]; std = nil; ciLow = nil; ciHigh = nil } }
public struct ErrorRiskRow: Sendable, Equatable {
    public var score: String?; public var policy: String; public var fraction: Double?
    public var attribute: String; public var attributeKind: GroupingKind; public var group: String
    public var n: Int; public var metrics: [String: SeedSummary]
    public init(score: String?, policy: String, fraction: Double?, attribute: String, attributeKind: GroupingKind, group: String, n: Int, metrics: [String: SeedSummary]) { self.score = score; self.policy = policy; self.fraction = fraction; self.attribute = attribute; self.attributeKind = attributeKind; self.group = group; self.n = n; self.metrics = metrics }
    public static let metricNames: [String] = ["accuracy", "accuracy_delta_vs_full", "accuracy_delta_vs_random", "selection_rate", "true_positive_rate", "false_positive_rate", "expected_calibration_error"]
    public func value(of metric: String) -> Double? { nil }
}
public struct ErrorRiskAttributeRow: Sendable, Equatable {
    public var score: String?; public var policy: String; public var fraction: Double?
    public var attribute: String; public var attributeKind: GroupingKind
    public var metrics: [String: SeedSummary]
    public init(score: String?, policy: String, fraction: Double?, attribute: String, attributeKind: GroupingKind, metrics: [String: SeedSummary]) { self.score = score; self.policy = policy; self.fraction = fraction; self.attribute = attribute; self.attributeKind = attributeKind; self.metrics = metrics }
    public static let metricNames: [String] = ["worst_group_accuracy", "accuracy_gap", "demographic_parity_difference", "equalized_odds_difference"]
    public func value(of metric: String) -> Double? { nil }
}
public struct ErrorRiskAudit: Sendable { public var rows: [ErrorRiskRow]; public var attributes: [ErrorRiskAttributeRow]; public init(rows: [ErrorRiskRow], attributes: [ErrorRiskAttributeRow]) { self.rows = rows; self.attributes = attributes } }
public struct ErrorRiskInputs {
    public var trainFeatures: FeatureMatrix; public var trainLabels: [Int]
    public var testFeatures: FeatureMatrix; public var testLabels: [Int]
    public var classCount: Int; public var positiveClass: Int?
    public var groupings: [Grouping]
    public var model: ModelSpec; public var training: TrainingSpec
    public var retrainSeeds: Int
    public init(trainFeatures: FeatureMatrix, trainLabels: [Int], testFeatures: FeatureMatrix, testLabels: [Int], classCount: Int, positiveClass: Int?, groupings: [Grouping], model: ModelSpec, training: TrainingSpec, retrainSeeds: Int) { fatalError() }
}
public func auditErrorRisk(plans: [PruningPlan], inputs: ErrorRiskInputs, progress: ProgressReporter, parallel: Bool = true) throws -> ErrorRiskAudit { fatalError() }
