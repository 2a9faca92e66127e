/// The level that stands for a missing value in one-hot features and groupings.
public let missingLevel = "(missing)"

/// Sorts level strings for display and encoding: numerically when every level
/// (other than ``missingLevel``) is a plain decimal number — so `"2"` comes
/// before `"10"` — otherwise by Unicode code points; numerically equal strings
/// (`"1"`, `"1.0"`) are ordered by text. ``missingLevel`` always comes last.
func sortedLevels<S: Sequence>(_ levels: S) -> [String] where S.Element == String {
    var hasMissing = false
    var present: [String] = []
    for level in Set(levels) {
        if level == missingLevel { hasMissing = true } else { present.append(level) }
    }
    let numbers = present.map { DecimalNumber.parse($0) }
    var sorted: [String]
    if numbers.allSatisfy({ $0 != nil }) {
        sorted = zip(present, numbers).sorted { a, b in
            a.1! != b.1! ? a.1! < b.1! : a.0 < b.0
        }.map(\.0)
    } else {
        sorted = present.sorted()
    }
    if hasMissing { sorted.append(missingLevel) }
    return sorted
}
