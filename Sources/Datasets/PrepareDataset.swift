import DietAuditCore

/// Loads, checks, splits, encodes and groups the dataset that `spec` describes.
///
/// Steps: read the data file (and a separate test file) with the spec's encoding
/// and missing-value tokens (``loadTables(spec:format:)``); check every column the
/// spec names (``ColumnRoles``); read labels (``LabelColumn``) and ids
/// (``rowIds(spec:rows:)``); split (``stratifiedSplit``) unless a test file is
/// given; type each feature and attribute column (``ColumnKind``); check that no
/// group name collides with the names of intersections (``checkGroupNames``);
/// encode features fitted on the training rows (``FeatureEncoder``); build the
/// groupings (``makeGroupings``).
///
/// An audit-only spec over a plain CSV file takes the fast column scan
/// (``prepareAuditOnlyDatasetFast(_:progress:)``), which reports the rows read
/// to `progress`; anything it declines goes through the full reader.
///
/// - Throws: ``InputError`` for any problem in the data or the spec, located at
///   the data file's line or the spec key concerned.
public func prepareDataset(_ spec: DatasetSpec, progress: ProgressReporter = SilentProgress()) throws
    -> PreparedDataset
{
    let format = try resolveFormat(of: spec.path, displayPath: spec.displayPath, declared: spec.format, spec: spec)
    guard format.isTabular else {
        if spec.auditOnly {
            throw InputError(
                "an audit-only spec reads a table of ids, labels and attributes (csv or arff), not \(format.rawValue) "
                    + "examples; list the labels in a CSV file (e.g. id,label) and import the scores",
                at: spec.location(ofKey: "path"))
        }
        if spec.rowFilter != nil {
            throw InputError(
                "dataset.where selects rows of a table; \(format.rawValue) data has no columns to select on",
                at: spec.location(ofKey: "where"))
        }
        return try prepareImageDataset(spec, format: format)
    }
    try rejectImageKeys(spec, format: format)
    if spec.auditOnly {
        if format == .csv, let fast = try prepareAuditOnlyDatasetFast(spec, progress: progress) { return fast }
        return try prepareAuditOnlyDataset(spec, format: format)
    }
    let tables = try loadTables(spec: spec, format: format)
    var notes = tables.notes
    let roles = try ColumnRoles(spec: spec, table: tables.train)
    let rows = DataRows(first: tables.train, second: tables.test, typesDeclared: format == .arff)
    let labels = try LabelColumn(spec: spec, rows: rows, classRowCount: tables.train.rowCount)
    if labels.classNames.count > manyClasses {
        notes.append(
            "label '\(spec.label)' has \(labels.classNames.count) distinct values, each treated as a class; "
                + "DietAudit audits classification, so bin a continuous label first")
    }
    let ids = try rowIds(spec: spec, rows: rows)
    let (trainRows, testRows) = try trainTestRows(
        classOfRow: labels.classOfRow, classNames: labels.classNames, firstFileRows: tables.train.rowCount,
        rowCount: rows.rowCount, spec: spec)

    func typed(_ name: String) throws -> TypedColumn {
        let kind = try ColumnKind.infer(column: name, in: rows, forcedCategorical: roles.categorical.contains(name))
        return TypedColumn(name: name, kind: kind, values: rows.values(of: name))
    }
    let featureColumns = try roles.features.map(typed)
    let attributeColumns = try roles.attributes.map(typed)
    try checkGroupNames(labels: labels, attributes: attributeColumns, rows: rows, spec: spec)

    let encoder = FeatureEncoder(
        columns: featureColumns.map { ($0.name, $0.kind, $0.values) }, trainRows: trainRows,
        allRows: trainRows + testRows, scaling: spec.scaling)
    func split(_ rowList: [Int]) -> EncodedSplit {
        EncodedSplit(
            ids: rowList.map { ids[$0] }, labels: rowList.map { labels.classOfRow[$0] },
            features: encoder.encode(rows: rowList), count: rowList.count, featureCount: encoder.featureCount)
    }
    notes += unseenLevelNotes(encoder.unseenTestRows(testRows))
    let groupings = makeGroupings(
        classNames: labels.classNames, classOfRow: labels.classOfRow,
        attributes: attributeColumns.map { ($0.name, $0.kind, $0.values) },
        intersections: spec.intersections, trainRows: trainRows, testRows: testRows)

    return PreparedDataset(
        featureNames: encoder.featureNames, classNames: labels.classNames, positiveClass: labels.positiveClass,
        train: split(trainRows), test: split(testRows), groupings: groupings,
        dataSHA256: tables.dataSHA256, testSHA256: tables.testSHA256,
        missing: missingSummaries(features: featureColumns, attributes: attributeColumns),
        sourceRowCount: tables.sourceRowCount, featureColumns: roles.features, notes: notes)
}

/// A feature or attribute column with its inferred kind.
struct TypedColumn {
    var name: String
    var kind: ColumnKind
    var values: [String?]
}

/// The data file and the optional separate test file, read and filtered.
struct LoadedTables {
    var train: Table
    var test: Table?
    var dataSHA256: String
    var testSHA256: String?
    /// Rows in the files before `dataset.where`.
    var sourceRowCount: Int
    /// What filtering kept, for the report.
    var notes: [String]
}

/// Reads the data file and a separate test file (same columns required), each
/// filtered by `dataset.where`.
/// - Throws: ``InputError`` for unreadable or malformed files, mismatched columns,
///   or a filter that keeps no row.
func loadTables(spec: DatasetSpec, format: DataFormat) throws -> LoadedTables {
    let (table, dataSHA256) = try readTable(
        path: spec.path, displayPath: spec.displayPath, format: format, options: spec.readOptions)
    var loaded = LoadedTables(
        train: table, test: nil, dataSHA256: dataSHA256, testSHA256: nil, sourceRowCount: table.rowCount, notes: [])
    func filtered(_ table: Table) throws -> Table {
        guard let filter = spec.rowFilter else { return table }
        let kept = try filter.apply(to: table, spec: spec)
        loaded.notes.append(
            "kept \(kept.rowCount) of \(table.rowCount) rows of \(table.fileName) where \(filter.summary)")
        return kept
    }
    loaded.train = try filtered(table)
    if case .path(let path, let displayPath) = spec.test {
        let detected = (try? resolveFormat(of: path, displayPath: displayPath, declared: nil, spec: spec)) ?? format
        let testFormat = detected.isTabular ? detected : format
        let (testTable, sha) = try readTable(
            path: path, displayPath: displayPath, format: testFormat, options: spec.readOptions)
        try checkSameColumns(train: loaded.train, test: testTable, spec: spec)
        loaded.sourceRowCount += testTable.rowCount
        loaded.test = try filtered(testTable)
        loaded.testSHA256 = sha
    }
    return loaded
}

/// One note per feature column with test levels unseen in training.
func unseenLevelNotes(_ unseen: [(column: String, count: Int)]) -> [String] {
    unseen.map { column, count in
        count == 1
            ? "1 test row has a '\(column)' level unseen in training; encoded as all zeros"
            : "\(count) test rows have a '\(column)' level unseen in training; encoded as all zeros"
    }
}

/// How many values each feature and attribute column misses, and how they are handled.
func missingSummaries(features: [TypedColumn], attributes: [TypedColumn]) -> [MissingSummary] {
    let attributeNames = Set(attributes.map(\.name))
    var missing: [MissingSummary] = []
    for column in features + attributes {
        let count = column.values.lazy.filter { $0 == nil }.count
        guard count > 0 else { continue }
        let handling: String
        if attributeNames.contains(column.name) {
            handling = "group '\(missingLevel)'"
        } else {
            handling = column.kind.isNumeric ? "mean-imputed + indicator" : "own level '\(missingLevel)'"
        }
        missing.append(MissingSummary(column: column.name, count: count, handling: handling))
    }
    return missing
}

/// The declared format, or the one the file extension names.
/// - Throws: ``InputError`` at the spec's `format` (or `path`) key for an unknown extension.
func resolveFormat(of path: String, displayPath: String, declared: DataFormat?, spec: DatasetSpec) throws -> DataFormat
{
    if let declared { return declared }
    if let format = detectFormat(fileName: path) { return format }
    throw InputError(
        "cannot tell the format of '\(displayPath)' from its extension; expected .csv, .arff, .npy or an IDX name "
            + "(.idx, -ubyte, optionally .gz), or set dataset.format",
        at: spec.specLocations["format"] ?? spec.location(ofKey: "path"))
}

/// Reads a data file once: its table and the SHA-256 of its bytes.
func readTable(
    path: String, displayPath: String, format: DataFormat, options: TableReadOptions = .init()
) throws -> (Table, String) {
    let bytes = try readFileBytes(path: path, displayName: displayPath)
    let table: Table
    switch format {
    case .csv: table = try CSVReader.parse(bytes, displayName: displayPath, options: options)
    case .arff: table = try ARFFReader.parse(bytes, displayName: displayPath, options: options)
    case .idx, .npy: preconditionFailure("image formats are read by prepareImageDataset, not as tables")
    }
    return (table, Fingerprint.sha256(bytes))
}

/// Above this many classes the report notes that the label may be continuous.
let manyClasses = 50

/// A separate test file must have exactly the data file's columns (any order).
/// - Throws: ``InputError`` at the test file naming the missing and extra columns.
func checkSameColumns(train: Table, test: Table, spec: DatasetSpec) throws {
    let trainSet = Set(train.columnNames), testSet = Set(test.columnNames)
    guard trainSet != testSet else { return }
    var problems: [String] = []
    let missing = train.columnNames.filter { !testSet.contains($0) }
    let extra = test.columnNames.filter { !trainSet.contains($0) }
    if !missing.isEmpty { problems.append("missing \(listForMessage(missing))") }
    if !extra.isEmpty { problems.append("extra \(listForMessage(extra))") }
    throw InputError(
        "the test file must have the same columns as \(spec.fileName): " + problems.joined(separator: "; "),
        at: SourceLocation(file: test.fileName, line: 1))
}

/// `labels`, `image` and test labels belong to IDX / NPY data only.
/// - Throws: ``InputError`` at the key, naming the format found.
func rejectImageKeys(_ spec: DatasetSpec, format: DataFormat) throws {
    let keys: [(key: String, given: Bool, text: String)] = [
        ("labels", spec.labelsPath != nil, "dataset.labels"), ("image", spec.image != nil, "dataset.image"),
        ("test", spec.testLabelsPath != nil, "dataset.test.labels"),
    ]
    for entry in keys where entry.given {
        throw InputError(
            "\(entry.text) applies only to idx and npy data, but \(spec.fileName) is \(format.rawValue); "
                + "name the label column with dataset.label instead",
            at: spec.location(ofKey: entry.key))
    }
}
