import DietAuditCore

/// The groupings of a dataset known only by its cells (class × every
/// attribute value), as a SQL engine's counts describe it: every cell stands
/// for its examples, so a grouping's `train` gives each cell's group.
public struct CellGroupings: Sendable {
    /// Class names in class order, sorted as a file's labels are (``LabelColumn``).
    public var classNames: [String]
    /// Each cell's class index.
    public var classOfCell: [Int]
    /// `class`, each attribute, then the intersections, exactly as
    /// `makeGroupings` builds them from the examples' values: each attribute's
    /// values are its groups (text as the engine returns it, `(missing)` for
    /// NULL; no quartile bins), sorted alike.
    public var groupings: [Grouping]

    /// - Parameters:
    ///   - cells: each cell's label value, then one value per attribute.
    ///   - attributes: the attribute names, in spec order.
    public init(cells: [[String?]], attributes: [String], intersections: Bool) {
        let labels = cells.map { $0[0] ?? missingLevel }
        classNames = sortedLevels(labels)
        let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
        classOfCell = labels.map { classIndex[$0]! }
        let columns = attributes.enumerated().map { index, name in
            (name: name, kind: ColumnKind.categorical, values: cells.map { $0[index + 1] })
        }
        groupings = makeGroupings(
            classNames: classNames, classOfRow: classOfCell, attributes: columns, intersections: intersections,
            trainRows: Array(cells.indices), testRows: [])
    }
}
