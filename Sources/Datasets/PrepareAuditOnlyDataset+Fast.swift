import DietAuditCore

/// The audit-only table of a large, plain CSV file, read by ``ColumnScan``
/// (label, id and attribute columns only; no `String` per cell, no table in
/// memory), or `nil` when the file or the spec needs the full reader.
///
/// It gives exactly what ``prepareAuditOnlyDataset(_:format:)`` gives on the
/// same input: classes and attribute groups in ``sortedLevels(_:)`` order,
/// intersections as `makeGroupings` builds them, ids from the id column or
/// 1-based row numbers, the SHA-256 of the file's bytes. It declines (returns
/// `nil`) whenever the full reader might say something else — an error to
/// report, a missing value, `dataset.where`, `missing_values`, a numeric
/// attribute binned at quartiles, an attribute mixing numbers and text, a
/// name that collides with the intersection separator, a repeated id — so
/// every problem is still reported, at its line, by the full reader. Ids are
/// kept as integers when every one is canonical, else as text.
func prepareAuditOnlyDatasetFast(_ spec: DatasetSpec, progress: ProgressReporter) throws -> PreparedDataset? {
    guard spec.rowFilter == nil, spec.missingValues.isEmpty else { return nil }
    let attributes = spec.attributes
    var columns: [(name: String, kind: ScannedColumnKind)] = [(spec.label, .category)]
    columns += attributes.map { ($0, .category) }
    if let id = spec.idColumn { columns.append((id, .identifier)) }
    guard Set(columns.map(\.name)).count == columns.count else { return nil }
    progress.begin("reading \(spec.displayPath)")
    guard
        let scanned = try ColumnScan.scan(
            path: spec.path, displayName: spec.displayPath, columns: columns, progress: progress)
    else { return nil }
    let header = Table(
        columnNames: scanned.header, columns: scanned.header.map { _ in [] }, lineNumbers: [],
        fileName: spec.displayPath)
    guard (try? ColumnRoles(spec: spec, table: header)) != nil else { return nil }

    let rowCount = scanned.rowCount
    guard let label = orderedLevels(scanned.distinct[0], categorical: true) else { return nil }
    guard label.names.count >= 2, !label.names.contains(where: { $0.contains(Grouping.intersectionSeparator) }),
        spec.positiveLabel.map(label.names.contains) ?? true
    else { return nil }
    let classOfRow = scanned.codes[0].map { label.indexOfCode[Int($0)] }
    var parts: [GroupingPart] = [GroupingPart(name: "class", groups: label.names, codes: GroupCodes(classOfRow))]
    for (offset, name) in attributes.enumerated() {
        let distinct = scanned.distinct[offset + 1]
        guard
            !distinct.contains(where: { $0 == missingLevel || $0.contains(Grouping.intersectionSeparator) }),
            let levels = orderedLevels(distinct, categorical: spec.categorical.contains(name))
        else { return nil }
        let codes = GroupCodes(scanned.codes[offset + 1], through: levels.indexOfCode)
        parts.append(GroupingPart(name: name, groups: levels.names, codes: codes))
    }
    let ids: ExampleIds
    if spec.idColumn != nil {
        ids = scanned.identifiers[0]
        if let integers = ids.integers {
            guard allDistinct(integers) else { return nil }
        } else {
            guard TextIdIndex(ids.texts!).firstRepeat == nil else { return nil }
        }
    } else {
        ids = ExampleIds(integers: (0..<rowCount).map { Int64($0 + 1) })
    }
    let groupings = compactGroupings(parts, intersections: spec.intersections)
    return PreparedDataset(
        featureNames: [], classNames: label.names,
        positiveClass: spec.positiveLabel.flatMap { label.names.firstIndex(of: $0) },
        train: EncodedSplit(ids: ids, labels: classOfRow, features: [], count: rowCount, featureCount: 0),
        test: EncodedSplit(ids: [String](), labels: [], features: [], count: 0, featureCount: 0),
        groupings: groupings, dataSHA256: scanned.sha256, testSHA256: nil, missing: [],
        sourceRowCount: rowCount, featureColumns: [], notes: [])
}

/// One grouping's name, groups and every example's group, before intersections.
struct GroupingPart {
    var name: String
    var groups: [String]
    var codes: GroupCodes
}

/// The distinct values of a column in ``sortedLevels(_:)`` order and, per
/// scan code, the index in that order; `nil` when the full reader would bin
/// the column at quartiles (numbers, more than 10 distinct) or might refuse
/// it (numbers mixed with text).
func orderedLevels(_ distinct: [String], categorical: Bool) -> (names: [String], indexOfCode: [Int])? {
    if !categorical {
        let numeric = distinct.map { DecimalNumber.parse($0) != nil }
        let numbers = numeric.filter { $0 }.count
        if numbers > 0 && numbers < distinct.count { return nil }
        if numbers == distinct.count && distinct.count > maxDistinctNumericLevels { return nil }
    }
    let names = sortedLevels(distinct)
    let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return (names, distinct.map { position[$0]! })
}

/// Whether no value repeats (sorts a copy: O(N log N), 8 bytes per value).
func allDistinct(_ values: [Int64]) -> Bool {
    let sorted = values.sorted()
    for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] { return false }
    return true
}

/// The groupings of `parts` (class first, then each attribute) in the order
/// and with the groups `makeGroupings` gives for training rows only: with
/// `intersections`, each attribute pair a×b (spec order), then each attribute
/// with class; an intersection's groups are the cells that occur, ordered by
/// the first part's group, then the second's.
func compactGroupings(_ parts: [GroupingPart], intersections: Bool) -> [Grouping] {
    var result = parts.enumerated().map { offset, part in
        Grouping(
            name: part.name, kind: offset == 0 ? .class : .attribute, groups: part.groups, trainCodes: part.codes,
            test: [])
    }
    guard intersections else { return result }
    let attributes = Array(parts.dropFirst())
    var pairs: [(GroupingPart, GroupingPart)] = []
    for i in attributes.indices {
        for j in attributes.indices where j > i { pairs.append((attributes[i], attributes[j])) }
    }
    for part in attributes { pairs.append((part, parts[0])) }
    let separator = Grouping.intersectionSeparator
    for (first, second) in pairs {
        let (groups, codes) = intersectionCodes(first, second)
        result.append(
            Grouping(
                name: first.name + separator + second.name, kind: .intersection, groups: groups, trainCodes: codes,
                test: []))
    }
    return result
}

/// The groups of the intersection `first`×`second` that occur (ordered by
/// the first part's group, then the second's) and each example's cell.
private func intersectionCodes(_ first: GroupingPart, _ second: GroupingPart) -> ([String], GroupCodes) {
    let width = second.groups.count, count = first.codes.count
    // Each example's cell in the full grid first.groups × second.groups.
    var grid = [Int32](repeating: 0, count: count)
    if let left = first.codes.narrowBytes, let right = second.codes.narrowBytes {
        for row in 0..<count { grid[row] = Int32(left[row]) * Int32(width) + Int32(right[row]) }
    } else {
        for row in 0..<count { grid[row] = Int32(first.codes[row] * width + second.codes[row]) }
    }
    var occurs = [Bool](repeating: false, count: first.groups.count * width)
    for cell in grid { occurs[Int(cell)] = true }
    var cellIndex = [Int](repeating: -1, count: occurs.count)
    var groups: [String] = []
    for cell in occurs.indices where occurs[cell] {
        cellIndex[cell] = groups.count
        groups.append(first.groups[cell / width] + Grouping.intersectionSeparator + second.groups[cell % width])
    }
    if groups.count <= Int(UInt8.max) + 1 {
        let table = cellIndex.map { UInt8(truncatingIfNeeded: $0) }
        return (groups, GroupCodes(bytes: grid.map { table[Int($0)] }))
    }
    let table = cellIndex.map { Int32(truncatingIfNeeded: $0) }
    return (groups, GroupCodes(wide: grid.map { table[Int($0)] }))
}
