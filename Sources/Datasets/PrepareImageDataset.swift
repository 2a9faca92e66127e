import DietAuditCore

/// ``prepareDataset(_:)`` for IDX and NPY data: an examples file and a labels file.
///
/// - Labels: the integers in the labels file; class names are their decimal
///   strings, in numeric order. Test labels must be classes of the data file.
/// - Ids: row numbers `"1"`…`"N"` within each file.
/// - Features: one per value of an example (``ImageFeatureEncoder``).
/// - Image shape: ``DatasetSpec/image`` checked, or inferred (``ImageShape/resolve(declared:data:location:)``).
/// - Groupings: `class` only — image files carry no attribute columns.
/// - Split: as for tables; a separate test file needs ``DatasetSpec/testLabelsPath``.
/// - Throws: ``InputError`` for column-based spec keys (attributes, id, features
///   list, drop, categorical), a missing labels file, and any problem in the files.
func prepareImageDataset(_ spec: DatasetSpec, format: DataFormat) throws -> PreparedDataset {
    try rejectColumnKeys(spec, format: format)
    guard let labelsPath = spec.labelsPath else {
        throw InputError(
            "\(format.rawValue) data needs a labels file with one integer per example; set dataset.labels",
            at: spec.location(ofKey: "path"))
    }
    let data = try LabelledArray(
        examplesPath: spec.path, examplesName: spec.displayPath,
        labelsPath: labelsPath, labelsName: spec.labelsDisplayPath ?? labelsPath, format: format)
    var test: LabelledArray?
    if case .path(let path, let displayPath) = spec.test {
        guard let testLabelsPath = spec.testLabelsPath else {
            throw InputError(
                "a separate \(format.rawValue) test file needs its labels file too; set dataset.test.labels",
                at: spec.location(ofKey: "test"))
        }
        let testData = try LabelledArray(
            examplesPath: path, examplesName: displayPath,
            labelsPath: testLabelsPath, labelsName: spec.testLabelsDisplayPath ?? testLabelsPath, format: format)
        guard Array(testData.examples.shape.dropFirst()) == Array(data.examples.shape.dropFirst()) else {
            throw InputError(
                "the test examples are \(testData.exampleShapeText) but those of \(spec.fileName) are "
                    + "\(data.exampleShapeText); "
                    + "both files must hold examples of one shape",
                at: SourceLocation(file: displayPath))
        }
        test = testData
    }
    let image = try ImageShape.resolve(declared: spec.image, data: data, location: spec.location(ofKey: "image"))
    let classes = try ImageClasses(spec: spec, data: data, test: test)

    let rowCount = data.count + (test?.count ?? 0)
    let (trainRows, testRows) = try trainTestRows(
        classOfRow: classes.classOfRow, classNames: classes.names, firstFileRows: data.count, rowCount: rowCount,
        spec: spec)
    let encoder = try ImageFeatureEncoder(
        first: data.examples, second: test?.examples, featureCount: data.valueCount,
        trainRows: trainRows, allRows: Array(0..<rowCount))
    let ids = (0..<rowCount).map { String($0 < data.count ? $0 + 1 : $0 - data.count + 1) }
    func split(_ rows: [Int]) -> EncodedSplit {
        EncodedSplit(
            ids: rows.map { ids[$0] }, labels: rows.map { classes.classOfRow[$0] },
            features: encoder.encode(rows: rows), count: rows.count, featureCount: encoder.featureCount)
    }
    let featureNames = (0..<data.valueCount).map { "p\($0)" }
    let groupings = makeGroupings(
        classNames: classes.names, classOfRow: classes.classOfRow, attributes: [],
        intersections: false, trainRows: trainRows, testRows: testRows)
    return PreparedDataset(
        featureNames: featureNames, classNames: classes.names, positiveClass: classes.positiveClass,
        train: split(trainRows), test: split(testRows), groupings: groupings,
        dataSHA256: data.sha256, testSHA256: test?.sha256, missing: [],
        sourceRowCount: rowCount, featureColumns: featureNames, notes: [encoder.note], image: image)
}

/// Image files have no named columns: spec keys that name columns are errors.
/// - Throws: ``InputError`` at the first such key written.
private func rejectColumnKeys(_ spec: DatasetSpec, format: DataFormat) throws {
    let name = format.rawValue
    if !spec.attributes.isEmpty {
        throw InputError(
            "image formats carry no attribute columns, so \(name) data cannot audit "
                + "\(listForMessage(spec.attributes)); "
                + "remove dataset.attributes (only the 'class' grouping is audited)",
            at: spec.location(ofKey: "attributes"))
    }
    if let id = spec.idColumn {
        throw InputError(
            "\(name) data has no columns, so there is no id column '\(id)'; remove dataset.id (ids are row numbers)",
            at: spec.location(ofKey: "id"))
    }
    if case .columns(let columns) = spec.features {
        throw InputError(
            "\(name) data has no columns to choose as features (found \(listForMessage(columns))); "
                + "remove dataset.features: every value of an example is a feature",
            at: spec.location(ofKey: "features"))
    }
    if spec.encoding != .utf8 {
        throw InputError(
            "\(name) data is binary, so dataset.encoding (\(spec.encoding.rawValue)) cannot apply; remove it",
            at: spec.location(ofKey: "encoding"))
    }
    let keyed = [("drop", spec.drop), ("categorical", spec.categorical), ("missing_values", spec.missingValues)]
    for (key, list) in keyed where !list.isEmpty {
        throw InputError(
            "\(name) data has no columns, so dataset.\(key) (\(listForMessage(list))) cannot apply; remove it",
            at: spec.location(ofKey: key))
    }
}
