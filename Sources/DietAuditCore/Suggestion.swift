/// "Did you mean" support: the closest candidate to a misspelt name.

/// The edit distance between two strings counting insertions, deletions,
/// substitutions and swaps of adjacent characters as 1 each (optimal string
/// alignment distance), so `lable` is one edit from `label`.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                best = min(best, table[i - 2][j - 2] + 1)
            }
            table[i][j] = best
        }
    }
    return table[a.count][b.count]
}

/// The candidate closest to `word` (case-insensitive edit distance), if it is
/// close enough to be a plausible typo: at most a third of the word's length,
/// and at least 1 edit allowed; `nil` otherwise.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let allowed = max(1, max(word.count, candidate.count) / 3)
    return distance <= allowed ? candidate : nil
}

/// `"; did you mean 'x'?"` when a close candidate exists, otherwise `""`: ready
/// to append to an error message.
public func didYouMean(_ word: String, among candidates: [String]) -> String {
    guard let match = closestMatch(to: word, among: candidates) else { return "" }
    return "; did you mean '\(match)'?"
}

/// Candidates listed for an error message: `'a', 'b', 'c'`, shortened with
/// `… (N more)` past `limit`.
public func listForMessage(_ candidates: [String], limit: Int = 12) -> String {
    let shown = candidates.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
    return candidates.count > limit ? shown + ", … (\(candidates.count - limit) more)" : shown
}
