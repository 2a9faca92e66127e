import DietAuditCore

/// Loads, checks, splits, encodes and groups the dataset that `spec` describes.
///
/// Steps: read the data file (and a separate test file); check every column the
/// spec names (``ColumnRoles``); read labels (``LabelColumn``) and ids
/// (``rowIds(spec:rows:)``); split (``stratifiedSplit``) unless a test file is
/// given; type each feature and attribute column (``ColumnKind``); encode
/// features fitted on the training rows (``FeatureEncoder``); build the
/// groupings (``makeGroupings``).
///
/// - Throws: ``InputError`` for any problem in the data or the spec, located at
///   the data file's line or the spec key concerned.
public func prepareDataset(_ spec: DatasetSpec) throws -> PreparedDataset {
    let format = try resolveFormat(of: spec.path, displayPath: spec.displayPath, declared: spec.format, spec: spec)
    guard format.isTabular else {
        if spec.rowFilter != nil {
            throw InputError("dataset.where selects rows of a table; \(format.rawValue) data has no columns to select on",
                             at: spec.location(ofKey: "where"))
        }
        return try prepareImageDataset(spec, format: format)
    }
    try rejectImageKeys(spec, format: format)
    var (trainTable, dataSHA256) = try readTable(path: spec.path, displayPath: spec.displayPath, format: format)
    var notes: [String] = []
    var sourceRows = trainTable.rowCount
    if let filter = spec.rowFilter {
        let filtered = try filter.apply(to: trainTable, spec: spec)
        notes.append("kept \(filtered.rowCount) of \(trainTable.rowCount) rows of \(trainTable.fileName) where \(filter.summary)")
        trainTable = filtered
    }
    let roles = try ColumnRoles(spec: spec, table: trainTable)

    var testTable: Table?
    var testSHA256: String?
    if case .path(let path, let displayPath) = spec.test {
        let detected = (try? resolveFormat(of: path, displayPath: displayPath, declared: nil, spec: spec)) ?? format
        let testFormat = detected.isTabular ? detected : format
        var (table, sha) = try readTable(path: path, displayPath: displayPath, format: testFormat)
        try checkSameColumns(train: trainTable, test: table, spec: spec)
        sourceRows += table.rowCount
        if let filter = spec.rowFilter {
            let filtered = try filter.apply(to: table, spec: spec)
            notes.append("kept \(filtered.rowCount) of \(table.rowCount) rows of \(table.fileName) where \(filter.summary)")
            table = filtered
        }
        testTable = table
        testSHA256 = sha
    }
    let rows = DataRows(first: trainTable, second: testTable, typesDeclared: format == .arff)
    let labels = try LabelColumn(spec: spec, rows: rows, classRowCount: trainTable.rowCount)
    if labels.classNames.count > manyClasses {
        notes.append("label '\(spec.label)' has \(labels.classNames.count) distinct values, each treated as a class; "
            + "DietAudit audits classification, so bin a continuous label first")
    }
    let ids = try rowIds(spec: spec, rows: rows)

    let (trainRows, testRows) = try trainTestRows(
        classOfRow: labels.classOfRow, classNames: labels.classNames, firstFileRows: trainTable.rowCount,
        rowCount: rows.rowCount, spec: spec)

    func typed(_ name: String) throws -> (name: String, kind: ColumnKind, values: [String?]) {
        (name, try ColumnKind.infer(column: name, in: rows, forcedCategorical: roles.categorical.contains(name)), rows.values(of: name))
    }
    let featureColumns = try roles.features.map(typed)
    let attributeColumns = try roles.attributes.map(typed)

    let encoder = FeatureEncoder(
        columns: featureColumns, trainRows: trainRows, allRows: trainRows + testRows, scaling: spec.scaling)
    func split(_ rowList: [Int]) -> EncodedSplit {
        EncodedSplit(
            ids: rowList.map { ids[$0] }, labels: rowList.map { labels.classOfRow[$0] },
            features: encoder.encode(rows: rowList), count: rowList.count, featureCount: encoder.featureCount)
    }

    for (column, count) in encoder.unseenTestRows(testRows) {
        notes.append(count == 1
            ? "1 test row has a '\(column)' level unseen in training; encoded as all zeros"
            : "\(count) test rows have a '\(column)' level unseen in training; encoded as all zeros")
    }

    var missing: [MissingSummary] = []
    for column in featureColumns + attributeColumns {
        let count = column.values.lazy.filter { $0 == nil }.count
        guard count > 0 else { continue }
        let handling: String
        if roles.attributes.contains(column.name) {
            handling = "group '\(missingLevel)'"
        } else {
            handling = column.kind.isNumeric ? "mean-imputed + indicator" : "own level '\(missingLevel)'"
        }
        missing.append(MissingSummary(column: column.name, count: count, handling: handling))
    }

    let groupings = makeGroupings(
        classNames: labels.classNames, classOfRow: labels.classOfRow, attributes: attributeColumns,
        intersections: spec.intersections, trainRows: trainRows, testRows: testRows)

    return PreparedDataset(
        featureNames: encoder.featureNames, classNames: labels.classNames, positiveClass: labels.positiveClass,
        train: split(trainRows), test: split(testRows), groupings: groupings,
        dataSHA256: dataSHA256, testSHA256: testSHA256, missing: missing,
        sourceRowCount: sourceRows, featureColumns: roles.features, notes: notes)
}

/// The declared format, or the one the file extension names.
/// - Throws: ``InputError`` at the spec's `format` (or `path`) key for an unknown extension.
func resolveFormat(of path: String, displayPath: String, declared: DataFormat?, spec: DatasetSpec) throws -> DataFormat {
    if let declared { return declared }
    if let format = detectFormat(fileName: path) { return format }
    throw InputError(
        "cannot tell the format of '\(displayPath)' from its extension; expected .csv, .arff, .npy or an IDX name "
            + "(.idx, -ubyte, optionally .gz), or set dataset.format",
        at: spec.specLocations["format"] ?? spec.location(ofKey: "path"))
}

/// Reads a data file once: its table and the SHA-256 of its bytes.
func readTable(path: String, displayPath: String, format: DataFormat) throws -> (Table, String) {
    let bytes = try readFileBytes(path: path, displayName: displayPath)
    let table: Table
    switch format {
    case .csv: table = try CSVReader.parse(bytes, displayName: displayPath)
    case .arff: table = try ARFFReader.parse(bytes, displayName: displayPath)
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
