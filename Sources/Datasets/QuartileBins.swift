/// Bins a numeric attribute into (up to) four groups at the quartiles of its
/// training values, for auditing.
///
/// Edges are the 25th, 50th and 75th percentiles of the non-missing training
/// values, by linear interpolation between order statistics (numpy's default
/// `numpy.quantile(x, q)`: position q·(n − 1)). Repeated edges collapse. A value
/// x falls in bin k = number of edges ≤ x (numpy `searchsorted(edges, x, 'right')`),
/// so each bin is [edge_k, edge_{k+1}). Bins that no row falls in are dropped,
/// and each remaining bin is labelled by the smallest and largest actual value
/// in it (over training and test rows) as written in the file: `"19–26"`, or
/// just `"4"` when both are the same.
struct QuartileBins {
    /// Group label per row (`nil` where the value is missing).
    var labelOfRow: [String?]
    /// Labels in ascending order of their bins.
    var labels: [String]

    /// numpy-style linear-interpolation quantile of ascending `sorted` (non-empty).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    init(numbers: [Double?], texts: [String?], trainRows: [Int]) {
        let trainValues = trainRows.compactMap { numbers[$0] }.sorted()
        var edges: [Double] = []
        if !trainValues.isEmpty {
            for q in [0.25, 0.5, 0.75] {
                let edge = Self.quantile(trainValues, q)
                if edges.last != edge { edges.append(edge) }
            }
        }
        let binCount = edges.count + 1
        var binOfRow = [Int?](repeating: nil, count: numbers.count)
        var lowest = [(Double, String)?](repeating: nil, count: binCount)
        var highest = [(Double, String)?](repeating: nil, count: binCount)
        for (row, value) in numbers.enumerated() {
            guard let value else { continue }
            var bin = 0
            while bin < edges.count, edges[bin] <= value { bin += 1 }
            binOfRow[row] = bin
            if lowest[bin] == nil || value < lowest[bin]!.0 { lowest[bin] = (value, texts[row]!) }
            if highest[bin] == nil || value > highest[bin]!.0 { highest[bin] = (value, texts[row]!) }
        }
        var labelOfBin = [String?](repeating: nil, count: binCount)
        labels = []
        for bin in 0..<binCount {
            guard let low = lowest[bin], let high = highest[bin] else { continue }
            let label = low.0 == high.0 ? low.1 : "\(low.1)–\(high.1)"
            labelOfBin[bin] = label
            labels.append(label)
        }
        labelOfRow = binOfRow.map { $0.flatMap { labelOfBin[$0] } }
    }
}
