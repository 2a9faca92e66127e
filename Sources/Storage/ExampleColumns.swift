import DietAuditCore
import Foundation

/// The per-example data of a run as stored (table `example_data`, migration
/// "v10: per-example blobs"; layout in docs/STORAGE.md): ids, labels and the
/// audited attributes' groups, one blob per column.
public struct ExampleColumns: Sendable, Equatable {
    /// Example ids: integers when every id is one (stored as Int64), else text.
    public enum Ids: Sendable, Equatable {
        case integers([Int64])
        case texts([String])

        public var count: Int {
            switch self {
            case .integers(let values): values.count
            case .texts(let values): values.count
            }
        }

        /// The id of example `position` as text.
        public subscript(position: Int) -> String {
            switch self {
            case .integers(let values): String(values[position])
            case .texts(let values): values[position]
            }
        }
    }

    public var ids: Ids
    /// Class index of each example, into ``classNames``.
    public var labels: [Int]
    public var classNames: [String]
    /// The groupings of kind `attribute` (their codes per example); intersections
    /// and the class are not repeated (they follow from these and the labels).
    public var attributes: [Grouping]

    public init(ids: Ids, labels: [Int], classNames: [String], attributes: [Grouping] = []) {
        precondition(ids.count == labels.count, "one label per id")
        self.ids = ids
        self.labels = labels
        self.classNames = classNames
        self.attributes = attributes
    }

    /// The columns of example rows (old-style), class names in first-appearance order.
    public init(rows: [ExampleRow]) {
        var classIndex: [String: Int] = [:]
        var names: [String] = []
        var labels: [Int] = []
        labels.reserveCapacity(rows.count)
        for row in rows {
            if let index = classIndex[row.label] {
                labels.append(index)
            } else {
                classIndex[row.label] = names.count
                labels.append(names.count)
                names.append(row.label)
            }
        }
        self.init(ids: .texts(rows.map(\.exampleId)), labels: labels, classNames: names)
    }

    /// Example rows (position, id, label) of these columns.
    public var rows: [ExampleRow] {
        labels.indices.map { ExampleRow(position: $0, exampleId: ids[$0], label: classNames[labels[$0]]) }
    }
}
