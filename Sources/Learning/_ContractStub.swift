public enum ModelKind: Sendable, Equatable { case softmax; case mlp(hidden: [Int]) }
public struct ModelSpec: Sendable, Equatable { public var kind: ModelKind; public init(kind: ModelKind) { self.kind = kind } }
public struct OptimizerSpec: Sendable, Equatable { public var kind: String = "sgd"; public var learningRate: Float = 0.1; public var momentum: Float = 0.9; public var weightDecay: Float = 0.0005; public init() {} }
public struct TrainingSpec: Sendable, Equatable { public var epochs = 20; public var batchSize = 128; public var optimizer = OptimizerSpec(); public var seeds = 5; public var seed: UInt64 = 0; public init() {} }
public struct FeatureMatrix: Sendable { public var values: [Float]; public var rows: Int; public var columns: Int; public init(values: [Float], rows: Int, columns: Int) { self.values = values; self.rows = rows; self.columns = columns } }
