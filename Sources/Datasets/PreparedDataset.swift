import DietAuditCore

/// One split's examples, encoded for the models.
public struct EncodedSplit: Sendable {
    /// Example ids (the id column, or 1-based row numbers in the source file).
    public var ids: ExampleIds
    /// Class of each example: an index into ``PreparedDataset/classNames``.
    public var labels: [Int]
    /// Encoded features, row-major: `count × featureCount` values.
    public var features: [Float]
    /// Number of examples.
    public var count: Int
    /// Number of encoded features per example.
    public var featureCount: Int

    public init(ids: [String], labels: [Int], features: [Float], count: Int, featureCount: Int) {
        self.init(ids: ExampleIds(ids), labels: labels, features: features, count: count, featureCount: featureCount)
    }

    public init(ids: ExampleIds, labels: [Int], features: [Float], count: Int, featureCount: Int) {
        self.ids = ids
        self.labels = labels
        self.features = features
        self.count = count
        self.featureCount = featureCount
    }
}

/// How many values of one source column were missing and what was done about it.
public struct MissingSummary: Sendable, Equatable {
    /// The source column.
    public var column: String
    /// Missing values over training and test rows.
    public var count: Int
    /// `"mean-imputed + indicator"` (numeric feature), `"own level '(missing)'"`
    /// (categorical feature) or `"group '(missing)'"` (attribute).
    public var handling: String

    public init(column: String, count: Int, handling: String) {
        self.column = column
        self.count = count
        self.handling = handling
    }
}

/// A dataset loaded, split, encoded and grouped: everything the later stages need.
public struct PreparedDataset: Sendable {
    /// Encoded feature names: `"duration"`, `"purpose=radio/tv"`, `"age (missing)"`.
    public var featureNames: [String]
    /// Class names in class order (sorted; numerically when all are numbers).
    public var classNames: [String]
    /// Index of `positive_label` in ``classNames``, when the spec gives one.
    public var positiveClass: Int?
    public var train: EncodedSplit
    public var test: EncodedSplit
    /// `class`, each attribute in spec order, then the intersections (see `makeGroupings`).
    public var groupings: [Grouping]
    /// Lower-case hex SHA-256 of the data file's bytes (the training file when the
    /// test split is a separate file).
    public var dataSHA256: String
    /// SHA-256 of the separate test file, when there is one.
    public var testSHA256: String?
    /// Columns with missing values (features, then attributes) and their handling.
    public var missing: [MissingSummary]
    /// Rows read: training plus test examples.
    public var sourceRowCount: Int
    /// Source columns used as features, in order.
    public var featureColumns: [String]
    /// Plain-language notes for the report.
    public var notes: [String]
    /// The shape of one example for image data (IDX, NPY), when known; `nil` for tables.
    public var image: ImageShape? = nil
}
