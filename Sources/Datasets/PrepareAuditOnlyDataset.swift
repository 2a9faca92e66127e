import DietAuditCore

/// Loads the table of an audit-only spec: the label, id and attribute columns,
/// nothing else.
///
/// Every row (after `dataset.where`) is a training example in file order; the
/// test split is empty and no feature is encoded (``PreparedDataset/featureNames``
/// and each split's features are empty). Column names are checked as for a
/// full run (``ColumnRoles``), labels read by ``LabelColumn``, ids by
/// ``rowIds(spec:rows:)``, attributes typed by ``ColumnKind`` and grouped by
/// `makeGroupings`.
/// - Throws: ``InputError`` for any problem in those columns, located at the
///   data file's line or the spec key concerned.
func prepareAuditOnlyDataset(_ spec: DatasetSpec, format: DataFormat) throws -> PreparedDataset {
    let tables = try loadTables(spec: spec, format: format)
    let roles = try ColumnRoles(spec: spec, table: tables.train)
    let rows = DataRows(first: tables.train, second: nil, typesDeclared: format == .arff)
    let labels = try LabelColumn(spec: spec, rows: rows, classRowCount: tables.train.rowCount)
    let ids = try rowIds(spec: spec, rows: rows)
    let attributeColumns = try roles.attributes.map { name in
        let kind = try ColumnKind.infer(column: name, in: rows, forcedCategorical: roles.categorical.contains(name))
        return TypedColumn(name: name, kind: kind, values: rows.values(of: name))
    }
    try checkGroupNames(labels: labels, attributes: attributeColumns, rows: rows, spec: spec)
    let allRows = Array(0..<rows.rowCount)
    let groupings = makeGroupings(
        classNames: labels.classNames, classOfRow: labels.classOfRow,
        attributes: attributeColumns.map { ($0.name, $0.kind, $0.values) },
        intersections: spec.intersections, trainRows: allRows, testRows: [])
    return PreparedDataset(
        featureNames: [], classNames: labels.classNames, positiveClass: labels.positiveClass,
        train: EncodedSplit(ids: ids, labels: labels.classOfRow, features: [], count: ids.count, featureCount: 0),
        test: EncodedSplit(ids: [], labels: [], features: [], count: 0, featureCount: 0), groupings: groupings,
        dataSHA256: tables.dataSHA256, testSHA256: nil,
        missing: missingSummaries(features: [], attributes: attributeColumns),
        sourceRowCount: tables.sourceRowCount, featureColumns: [], notes: tables.notes)
}
