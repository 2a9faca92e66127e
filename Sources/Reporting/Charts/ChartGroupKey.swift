/// A group's identity in charts: attribute (grouping) and group label.
struct GroupKey: Hashable {
    var attribute: String
    var group: String

    /// The label drawn for the group: `sex: female`, `class: bad`.
    var label: String { attribute + ": " + group }
}

/// The distinct elements of `items` in order of first appearance.
func chartUnique<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}
