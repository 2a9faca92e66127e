import DietAuditCore
import Learning
public enum ScoreKind: Sendable, Equatable { case el2n(epoch: Int), grand(epoch: Int), forgetting, inputNorm }
public struct ScoreSpec: Sendable, Equatable { public var kind: ScoreKind; public var name: String { "" }; public init(kind: ScoreKind) { self.kind = kind } }
public struct ScoreResult: Sendable { public var name: String; public var kind: String; public var epoch: Int?; public var perSeed: [[Double]]; public var mean: [Double]
  public init(name: String, kind: String, epoch: Int?, perSeed: [[Double]], mean: [Double]) { self.name = name; self.kind = kind; self.epoch = epoch; self.perSeed = perSeed; self.mean = mean } }
public struct ScoreValidity: Sendable, Equatable { public var score: String; public var seedStability: Double?; public var inputNormSpearman: Double?; public var classDependence: Double? }
public func computeScores(_ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int, model: ModelSpec, training: TrainingSpec, progress: ProgressReporter) throws -> [ScoreResult] { fatalError() }
public func scoreValidity(_ results: [ScoreResult], inputNorm: [Double], labels: [Int], classCount: Int) -> [ScoreValidity] { fatalError() }
public func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double? { nil }
