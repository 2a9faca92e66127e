/// The logit margin of each example (Pleiss et al. 2020, eq. 1):
/// `z_y − max_{c≠y} z_c`, the true class's logit minus the largest other
/// logit, computed in `Double` from the `Float` logits.
///
/// Range: any real number. Positive when the example is classified correctly
/// with room to spare, 0 on a tie with another class, negative when another
/// class wins (the more negative, the more the model "believes" another label).
/// - Parameters:
///   - logits: row-major `examples × classCount` logits (pre-softmax outputs).
///   - labels: the class index of each example, in `0..<classCount`.
/// - Precondition: `classCount >= 2` (with one class there is no other logit)
///   and `logits.count == labels.count * classCount`.
public func marginScores(logits: [Float], labels: [Int], classCount: Int) -> [Double] {
    precondition(classCount >= 2, "marginScores: a margin needs at least two classes")
    precondition(logits.count == labels.count * classCount, "marginScores: shapes do not match")
    return labels.enumerated().map { row, label in
        margin(logits: logits[(row * classCount)..<((row + 1) * classCount)], label: label)
    }
}

/// The margin of one row of logits (see ``marginScores(logits:labels:classCount:)``).
func margin(logits row: ArraySlice<Float>, label: Int) -> Double {
    let first = row.startIndex
    var largestOther = -Float.infinity
    for (offset, value) in row.enumerated() where offset != label && value > largestOther {
        largestOther = value
    }
    return Double(row[first + label]) - Double(largestOther)
}

/// The probability each example's own label receives: `p_y`, read from
/// row-major `examples × classCount` softmax outputs and widened to `Double`.
/// Range 0…1, 1 = the model is certain of the label.
/// - Precondition: `probabilities.count == labels.count * classCount`.
public func trueClassProbabilities(probabilities: [Float], labels: [Int], classCount: Int) -> [Double] {
    precondition(probabilities.count == labels.count * classCount, "trueClassProbabilities: shapes do not match")
    return labels.enumerated().map { row, label in Double(probabilities[row * classCount + label]) }
}
