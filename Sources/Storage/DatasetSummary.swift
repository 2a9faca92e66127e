import DietAuditCore

/// The data a run audited, as stored with the run (JSON in `run.dataset`):
/// sizes, classes, groups, missing values. Enough for a report without the
/// data file.
public struct DatasetSummary: Sendable, Codable, Equatable {
    /// The data file as the spec named it.
    public var path: String
    /// Rows in the source file(s).
    public var sourceRows: Int
    public var trainCount: Int
    public var testCount: Int
    /// Source columns used as features.
    public var featureColumns: [String]
    /// Encoded feature count (after one-hot and missing indicators).
    public var featureCount: Int
    public var label: String
    public var positiveLabel: String?
    /// Every grouping (class, attributes, intersections) with its group counts.
    public var groupings: [GroupingSummary]
    public var missing: [MissingCount]
    /// Plain-language notes from data preparation.
    public var notes: [String]
    /// Whether the run was audit-only (imported scores, nothing trained);
    /// `nil` for runs stored before audit-only specs existed.
    public var auditOnly: Bool?
    /// Training examples dropped from the audit because an imported score
    /// with `on_missing: drop` had no usable value for them (counted once per
    /// example; `trainCount` is after the drops); `nil` for earlier runs.
    public var droppedExamples: Int?
    /// Every join problem of the imported scores that were dropped rather than
    /// refused; `nil` for earlier runs.
    public var joinProblems: [ScoreJoinProblem]?

    public init(
        path: String, sourceRows: Int, trainCount: Int, testCount: Int, featureColumns: [String],
        featureCount: Int, label: String, positiveLabel: String?, groupings: [GroupingSummary],
        missing: [MissingCount], notes: [String], auditOnly: Bool? = nil, droppedExamples: Int? = nil,
        joinProblems: [ScoreJoinProblem]? = nil
    ) {
        self.path = path
        self.sourceRows = sourceRows
        self.trainCount = trainCount
        self.testCount = testCount
        self.featureColumns = featureColumns
        self.featureCount = featureCount
        self.label = label
        self.positiveLabel = positiveLabel
        self.groupings = groupings
        self.missing = missing
        self.notes = notes
        self.auditOnly = auditOnly
        self.droppedExamples = droppedExamples
        self.joinProblems = joinProblems
    }
}

/// One grouping's groups with their sizes in each split.
public struct GroupingSummary: Sendable, Codable, Equatable {
    public var name: String
    /// Class, attribute or intersection, by its raw name (see ``groupingKind``).
    public var kind: String
    public var groups: [String]
    public var trainCounts: [Int]
    public var testCounts: [Int]

    public init(name: String, kind: String, groups: [String], trainCounts: [Int], testCounts: [Int]) {
        self.name = name
        self.kind = kind
        self.groups = groups
        self.trainCounts = trainCounts
        self.testCounts = testCounts
    }
}

/// Missing values of one source column and how they were handled.
public struct MissingCount: Sendable, Codable, Equatable {
    public var column: String
    public var count: Int
    public var handling: String

    public init(column: String, count: Int, handling: String) {
        self.column = column
        self.count = count
        self.handling = handling
    }
}

/// Seconds spent in each stage, in pipeline order.
public struct StageTiming: Sendable, Codable, Equatable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

extension GroupingSummary {
    /// ``kind`` as its enum; `nil` for a name this version does not know.
    public var groupingKind: GroupingKind? { GroupingKind(rawValue: kind) }
}
