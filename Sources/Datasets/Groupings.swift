import DietAuditCore

/// Most distinct values a numeric attribute may have and still be audited
/// value by value; above it, it is binned at its training quartiles.
let maxDistinctNumericLevels = 10

/// The group label of every row for one attribute, and the groups in order.
///
/// - Categorical: the value itself, `(missing)` for a missing one; groups sorted
///   (numerically when all are numbers), `(missing)` last.
/// - Numeric with at most 10 distinct values: likewise, value by value.
/// - Numeric with more: ``QuartileBins`` of the training rows, `(missing)` last.
func attributeLevels(kind: ColumnKind, values: [String?], trainRows: [Int]) -> (groups: [String], labelOfRow: [String])
{
    if case .numeric(let numbers) = kind, Set(values.compactMap { $0 }).count > maxDistinctNumericLevels {
        let bins = QuartileBins(numbers: numbers, texts: values, trainRows: trainRows)
        let labelOfRow = bins.labelOfRow.map { $0 ?? missingLevel }
        let groups = bins.labels + (labelOfRow.contains(missingLevel) ? [missingLevel] : [])
        return (groups, labelOfRow)
    }
    let labelOfRow = values.map { $0 ?? missingLevel }
    return (sortedLevels(labelOfRow), labelOfRow)
}

/// One grouping over all rows, split into its training and test parts.
private func grouping(
    name: String, kind: GroupingKind, groups: [String], groupOfRow: [Int], trainRows: [Int], testRows: [Int]
) -> Grouping {
    Grouping(
        name: name, kind: kind, groups: groups,
        train: trainRows.map { groupOfRow[$0] }, test: testRows.map { groupOfRow[$0] })
}

/// Every grouping audited, in order: `class`; each attribute in spec order;
/// then, with `intersections`, every attribute pair a×b (i < j, spec order)
/// followed by each attribute with class (a×class). An intersection's groups
/// are the cells `x×y` that occur in training or test rows, ordered by the
/// first part's group index, then the second's.
func makeGroupings(
    classNames: [String], classOfRow: [Int],
    attributes: [(name: String, kind: ColumnKind, values: [String?])],
    intersections: Bool, trainRows: [Int], testRows: [Int]
) -> [Grouping] {
    struct Part { var name: String; var groups: [String]; var groupOfRow: [Int] }
    let classPart = Part(name: "class", groups: classNames, groupOfRow: classOfRow)
    var parts: [Part] = []
    for attribute in attributes {
        let levels = attributeLevels(kind: attribute.kind, values: attribute.values, trainRows: trainRows)
        let index = Dictionary(uniqueKeysWithValues: levels.groups.enumerated().map { ($1, $0) })
        parts.append(
            Part(name: attribute.name, groups: levels.groups, groupOfRow: levels.labelOfRow.map { index[$0]! }))
    }
    var result = [
        grouping(
            name: "class", kind: .class, groups: classNames, groupOfRow: classOfRow, trainRows: trainRows,
            testRows: testRows)
    ]
    for part in parts {
        result.append(
            grouping(
                name: part.name, kind: .attribute, groups: part.groups, groupOfRow: part.groupOfRow,
                trainRows: trainRows, testRows: testRows))
    }
    guard intersections else { return result }

    var pairs: [(Part, Part)] = []
    for i in parts.indices { for j in parts.indices where j > i { pairs.append((parts[i], parts[j])) } }
    for part in parts { pairs.append((part, classPart)) }
    let separator = Grouping.intersectionSeparator
    let usedRows = trainRows + testRows
    for (first, second) in pairs {
        let width = second.groups.count
        var occurs = [Bool](repeating: false, count: first.groups.count * width)
        for row in usedRows { occurs[first.groupOfRow[row] * width + second.groupOfRow[row]] = true }
        var cellIndex = [Int](repeating: -1, count: occurs.count)
        var groups: [String] = []
        for cell in occurs.indices where occurs[cell] {
            cellIndex[cell] = groups.count
            groups.append(first.groups[cell / width] + separator + second.groups[cell % width])
        }
        let groupOfRow = first.groupOfRow.indices.map { row in
            cellIndex[first.groupOfRow[row] * width + second.groupOfRow[row]]
        }
        result.append(
            grouping(
                name: first.name + separator + second.name, kind: .intersection, groups: groups,
                groupOfRow: groupOfRow, trainRows: trainRows, testRows: testRows))
    }
    return result
}
