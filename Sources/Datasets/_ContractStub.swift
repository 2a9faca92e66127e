import DietAuditCore
public enum DataFormat: String, Sendable { case csv, arff }
public enum FeatureSelection: Sendable, Equatable { case auto; case columns([String]) }
public enum TestSplitSpec: Sendable, Equatable { case fraction(Double); case path(String, displayPath: String) }
public struct DatasetSpec: Sendable {
    public var path: String; public var displayPath: String; public var format: DataFormat?
    public var label: String; public var positiveLabel: String?; public var idColumn: String?
    public var features: FeatureSelection = .auto; public var drop: [String] = []; public var attributes: [String] = []
    public var categorical: [String] = []; public var intersections: Bool = true
    public var test: TestSplitSpec = .fraction(0.2); public var seed: UInt64 = 0
    public var specLocations: [String: SourceLocation] = [:]
    public init(path: String, displayPath: String, label: String) { self.path = path; self.displayPath = displayPath; self.label = label }
}
public struct EncodedSplit: Sendable { public var ids: [String]; public var labels: [Int]; public var features: [Float]; public var count: Int; public var featureCount: Int }
public struct MissingSummary: Sendable, Equatable { public var column: String; public var count: Int; public var handling: String }
public struct PreparedDataset: Sendable {
    public var featureNames: [String]; public var classNames: [String]; public var positiveClass: Int?
    public var train: EncodedSplit; public var test: EncodedSplit; public var groupings: [Grouping]
    public var dataSHA256: String; public var testSHA256: String?; public var missing: [MissingSummary]
    public var sourceRowCount: Int; public var featureColumns: [String]; public var notes: [String]
}
public func prepareDataset(_ spec: DatasetSpec) throws -> PreparedDataset { fatalError() }
public func readImportedScores(path: String, displayPath: String, column: String, idColumn: String?) throws -> [String: Double] { fatalError() }
