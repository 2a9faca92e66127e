/// EL2N (Paul et al. 2021) of each example from its class probabilities:
/// `‖p − onehot(y)‖₂ = sqrt(Σ_c (p_c − [c = y])²)`, computed in `Double`.
///
/// Range 0…√2: 0 when the model puts probability 1 on the label (ideal, "easy"),
/// √2 when it puts probability 1 on another class.
/// - Parameters:
///   - probabilities: row-major `examples × classCount` softmax outputs.
///   - labels: the class index of each example, in `0..<classCount`.
/// - Precondition: `probabilities.count == labels.count * classCount`.
public func el2nScores(probabilities: [Float], labels: [Int], classCount: Int) -> [Double] {
    precondition(probabilities.count == labels.count * classCount, "el2nScores: shapes do not match")
    return labels.enumerated().map { row, label in
        var sum = 0.0
        for c in 0..<classCount {
            let difference = Double(probabilities[row * classCount + c]) - (c == label ? 1 : 0)
            sum += difference * difference
        }
        return sum.squareRoot()
    }
}
