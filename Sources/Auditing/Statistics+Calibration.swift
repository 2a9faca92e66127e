extension Statistics {
    /// The number of equal-width confidence bins of the error-risk audit's ECE.
    public static let calibrationBinCount = 15

    /// Expected calibration error of top-label predictions (Guo et al. 2017).
    ///
    /// Each example has a confidence c ∈ [0, 1] (the probability the model
    /// gives its predicted class) and whether the prediction is correct. With
    /// B equal-width bins — bin i (0-based) covers (i/B, (i+1)/B], and the
    /// first bin also holds c = 0, i.e. bin = max(0, ⌈c·B⌉ − 1) — and nᵢ
    /// examples in bin i out of n:
    ///
    ///     ECE = Σᵢ (nᵢ / n) · | accᵢ − confᵢ |
    ///
    /// where accᵢ is the share of correct predictions in bin i and confᵢ the
    /// mean confidence there; empty bins contribute nothing.
    ///
    /// Range: [0, 1]. Ideal: 0 (confidence matches accuracy in every bin).
    ///
    /// Edge cases: no examples gives `nil`. Confidences outside [0, 1] (from
    /// rounding) are clamped into the first or last bin.
    ///
    /// - Precondition: one `correct` flag per confidence, `binCount` ≥ 1, no NaN.
    public static func expectedCalibrationError(
        confidences: [Double], correct: [Bool], binCount: Int = calibrationBinCount
    ) -> Double? {
        precondition(confidences.count == correct.count, "expectedCalibrationError needs one flag per confidence")
        precondition(binCount >= 1, "expectedCalibrationError needs at least one bin")
        guard !confidences.isEmpty else { return nil }
        var counts = [Int](repeating: 0, count: binCount)
        var correctCounts = counts
        var confidenceSums = [Double](repeating: 0, count: binCount)
        for (confidence, isCorrect) in zip(confidences, correct) {
            precondition(!confidence.isNaN, "expectedCalibrationError needs numeric confidences")
            let bin = min(binCount - 1, max(0, Int((confidence * Double(binCount)).rounded(.up)) - 1))
            counts[bin] += 1
            if isCorrect { correctCounts[bin] += 1 }
            confidenceSums[bin] += confidence
        }
        let total = Double(confidences.count)
        var error = 0.0
        for bin in 0..<binCount where counts[bin] > 0 {
            let count = Double(counts[bin])
            error += count / total * abs(Double(correctCounts[bin]) / count - confidenceSums[bin] / count)
        }
        return error
    }
}
