import DietAuditCore
public enum PruningPolicy: String, Sendable, CaseIterable, Codable { case keepHard = "keep_hard", keepEasy = "keep_easy", random, classBalanced = "class_balanced" }
public struct PruningPlan: Sendable, Equatable { public var score: String?; public var policy: PruningPolicy; public var fraction: Double; public var removed: [Bool]; public var removedCount: Int }
public enum PruningPlanner { public static func plan(scores: [Double]?, scoreName: String?, labels: [Int], classCount: Int, policy: PruningPolicy, fraction: Double, seed: UInt64) -> PruningPlan { fatalError() } }
public struct CompositionRow: Sendable, Equatable, Codable {
    public var score: String?; public var policy: String; public var fraction: Double
    public var attribute: String; public var group: String; public var attributeKind: GroupingKind
    public var n: Int; public var removed: Int; public var kept: Int
    public var removalRate: Double; public var expectedRemoved: Double; public var excessRemoval: Double
    public var retentionRatio: Double?; public var removalRatio: Double?
    public var shareBefore: Double; public var shareAfter: Double?; public var representationRatio: Double?
    public var ciLow: Double; public var ciHigh: Double; public var pValue: Double; public var qValue: Double
    public static let metricNames: [String] = []
    public func value(of metric: String) -> Double? { nil }
}
public struct AttributeRow: Sendable, Equatable, Codable {
    public var score: String?; public var policy: String; public var fraction: Double
    public var attribute: String; public var attributeKind: GroupingKind
    public var tvd: Double; public var chi2: Double?; public var chi2PValue: Double?
    public static let metricNames: [String] = []
    public func value(of metric: String) -> Double? { nil }
}
public struct CompositionAudit: Sendable { public var rows: [CompositionRow]; public var attributes: [AttributeRow] }
public func auditComposition(plans: [PruningPlan], groupings: [Grouping]) -> CompositionAudit { fatalError() }
