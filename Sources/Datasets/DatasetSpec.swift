import DietAuditCore

/// The on-disk format of a data file.
public enum DataFormat: String, Sendable {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    case csv
    /// Weka's Attribute-Relation File Format (dense rows only).
    case arff
    /// The IDX format of MNIST: an images file and a labels file, optionally gzipped.
    case idx
    /// NumPy's `.npy` format: a features array file and a labels array file.
    case npy

    /// Whether the format is a table of named columns (CSV, ARFF) rather than
    /// an array of examples with a separate labels file (IDX, NPY).
    public var isTabular: Bool { self == .csv || self == .arff }
}

/// Which columns become model features.
public enum FeatureSelection: Sendable, Equatable {
    /// Every column except the label, the id, the sensitive attributes and the dropped ones.
    case auto
    /// Exactly these columns, in this order.
    case columns([String])
}

/// How the test split is obtained.
public enum TestSplitSpec: Sendable, Equatable {
    /// A stratified, seeded random share of the data file's rows (0 < fraction < 1),
    /// exactly as written in the spec (sizes are rounded half to even from it).
    case fraction(DecimalFraction)
    /// A separate file with the same columns; `path` is resolved, `displayPath` as written.
    case path(String, displayPath: String)
}

/// The `dataset` section of an audit spec, resolved and ready for ``prepareDataset(_:)``.
public struct DatasetSpec: Sendable {
    /// The data file to open (already resolved against the spec file's folder).
    public var path: String
    /// The data file as the user wrote it; used in messages.
    public var displayPath: String
    /// The file format; `nil` means "from the extension" (see ``detectFormat(fileName:)``).
    public var format: DataFormat?
    /// The label column (CSV, ARFF). IDX and NPY data take their labels from
    /// ``labelsPath`` instead and use this name only in messages.
    public var label: String
    /// IDX / NPY only: the labels file (one integer per example), already
    /// resolved against the spec file's folder.
    public var labelsPath: String?
    /// The labels file as the user wrote it; used in messages.
    public var labelsDisplayPath: String?
    /// IDX / NPY only: the expected shape of one example. When given it is checked
    /// against the file's dimensions; when `nil` it is inferred from them
    /// (N×H×W → H×W×1, N×H×W×C → H×W×C; N×F stays flat, no image shape).
    public var image: ImageShape?
    /// IDX / NPY only: the labels file of a separate test file (`test: .path`), resolved.
    public var testLabelsPath: String?
    /// The test labels file as the user wrote it; used in messages.
    public var testLabelsDisplayPath: String?
    /// The favourable / positive label value; enables binary-task metrics.
    public var positiveLabel: String?
    /// A column holding a unique id per row; `nil` means the 1-based row number.
    public var idColumn: String?
    /// The feature columns.
    public var features: FeatureSelection = .auto
    /// Columns never used as features.
    public var drop: [String] = []
    /// Sensitive attributes to audit, in report order.
    public var attributes: [String] = []
    /// Columns forced to be categorical even when every value is a number.
    public var categorical: [String] = []
    /// The text encoding of CSV and ARFF files (`dataset.encoding`).
    public var encoding: TextEncoding = .utf8
    /// Field values read as missing besides the empty field (`dataset.missing_values`),
    /// e.g. `["NA", "?"]`; compared exactly, after the reader's usual trimming.
    public var missingValues: [String] = []
    /// How numeric feature columns are scaled (tabular data).
    public var scaling: NumericScaling = .standard
    /// Rows to keep (tabular data); `nil` keeps every row.
    public var rowFilter: RowFilter?
    /// Whether pairwise intersections of attributes (and of each with class) are audited.
    public var intersections: Bool = true
    /// How the test split is made.
    public var test: TestSplitSpec = .fraction(0.2)
    /// An audit-only spec (no model, no training): only the label, id and
    /// attribute columns are read and typed, every row is audited, and nothing
    /// is encoded or held out (see ``prepareAuditOnlyDataset(_:)``).
    public var auditOnly: Bool = false
    /// The spec's base seed; the split draws from stream `"split"` of it.
    public var seed: UInt64 = 0
    /// Where each key was written in the audit spec, keyed `"label"`, `"positive_label"`,
    /// `"id"`, `"features"`, `"drop"`, `"attributes"`, `"categorical"`, `"test"`, `"path"`,
    /// `"format"`, `"encoding"`, `"missing_values"`, and for image data `"labels"`, `"image"`,
    /// `"test_labels"`. Errors about a key are reported there (or at the data file when absent).
    public var specLocations: [String: SourceLocation] = [:]

    public init(path: String, displayPath: String, label: String) {
        self.path = path
        self.displayPath = displayPath
        self.label = label
    }

    /// The location to blame for a problem with spec key `key`: where it was
    /// written, or else the data file itself.
    func location(ofKey key: String) -> SourceLocation {
        specLocations[key] ?? SourceLocation(file: displayPath)
    }

    /// How the table readers decode the data and test files.
    var readOptions: TableReadOptions {
        TableReadOptions(encoding: encoding, missingValues: Set(missingValues))
    }

    /// The data file's name without folders, as messages quote it (`german_credit.csv`).
    var fileName: String { baseName(of: displayPath) }
}

/// The last path component of `path` (`a/b/c.csv` → `c.csv`).
func baseName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}
