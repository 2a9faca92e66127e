/// The share of a score's variance explained by the class label: the
/// correlation ratio η² = SS_between / SS_total, with
/// `SS_total = Σ_i (v_i − v̄)²` and `SS_between = Σ_c n_c (v̄_c − v̄)²`
/// over the classes present.
///
/// Range 0…1. 0: every class has the same mean score (pruning by it does not
/// single out classes by itself); 1: the score is constant within each class
/// (it only encodes the class). Lower is usually what an auditor wants.
/// - Parameters:
///   - values: one score value per example.
///   - labels: each example's class; any integer, classes need not be contiguous.
/// - Returns: `nil` when the counts differ, there are no examples, a value is
///   not finite, or `SS_total` is 0 (constant score: nothing to explain).
public func classDependence(_ values: [Double], labels: [Int]) -> Double? {
    guard values.count == labels.count, !values.isEmpty, values.allSatisfy({ $0.isFinite }) else { return nil }
    let mean = values.reduce(0, +) / Double(values.count)
    var sums = [Int: (sum: Double, count: Int)]()
    var total = 0.0
    for (value, label) in zip(values, labels) {
        sums[label, default: (0, 0)].sum += value
        sums[label, default: (0, 0)].count += 1
        total += (value - mean) * (value - mean)
    }
    guard total > 0 else { return nil }
    var between = 0.0
    for label in sums.keys.sorted() {
        let (sum, count) = sums[label]!
        let difference = sum / Double(count) - mean
        between += Double(count) * difference * difference
    }
    return min(1, max(0, between / total))
}
