import DietAuditCore

/// Turns the values of IDX / NPY examples into model features, one feature per
/// value (named `p0`, `p1`, … in C order), fitted on the training rows only.
///
/// - ubyte data (IDX type 0x08, NPY `|u1`), the usual 8-bit pixels: x / 255,
///   so every feature lies in [0, 1]; not standardised, so images keep their
///   relative intensities.
/// - Any other type: standardised per feature exactly like a numeric CSV
///   column (``FeatureEncoder``): z = (x − mean) / std with the mean and the
///   population std (divide by n) of the training rows; std 0 divides by 1.
///
/// The rule follows the data file's type; a separate test file is encoded with it.
struct ImageFeatureEncoder {
    enum Scaling: Equatable {
        case divideBy255
        case standardise(mean: [Double], scale: [Double])
    }

    /// Rows `0..<first.count` are the data file's examples, the rest the test file's.
    let first: NumericArray
    let second: NumericArray?
    let featureCount: Int
    private(set) var scaling: Scaling = .divideBy255

    /// Fits the scaling on `trainRows`.
    /// - Throws: ``InputError`` at the file for a NaN or infinite value.
    init(first: NumericArray, second: NumericArray?, featureCount: Int, trainRows: [Int], allRows: [Int]) throws {
        self.first = first
        self.second = second
        self.featureCount = featureCount
        for row in allRows { try checkFinite(row: row) }
        guard first.elementType != .uint8 else { return }
        var mean = [Double](repeating: 0, count: featureCount)
        var squares = [Double](repeating: 0, count: featureCount)
        for row in trainRows {
            for feature in 0..<featureCount { mean[feature] += value(row: row, feature: feature) }
        }
        let n = Double(max(trainRows.count, 1))
        for feature in 0..<featureCount { mean[feature] /= n }
        for row in trainRows {
            for feature in 0..<featureCount {
                let deviation = value(row: row, feature: feature) - mean[feature]
                squares[feature] += deviation * deviation
            }
        }
        let scale = squares.map { sum -> Double in
            let std = (sum / n).squareRoot()
            return std > 0 ? std : 1
        }
        scaling = .standardise(mean: mean, scale: scale)
    }

    /// The raw value of `feature` in example `row`.
    func value(row: Int, feature: Int) -> Double {
        let firstCount = first.shape[0]
        return row < firstCount
            ? first.value(at: row * featureCount + feature)
            : second!.value(at: (row - firstCount) * featureCount + feature)
    }

    private func checkFinite(row: Int) throws {
        let array = row < first.shape[0] ? first : second!
        guard !array.elementType.isInteger else { return }
        for feature in 0..<featureCount where !value(row: row, feature: feature).isFinite {
            let example = row < first.shape[0] ? row : row - first.shape[0]
            throw InputError(
                "value \(feature + 1) of example \(example + 1) is \(value(row: row, feature: feature)); features must "
                    + "be finite numbers",
                at: SourceLocation(file: array.fileName))
        }
    }

    /// The row-major encoded features of `rows`.
    func encode(rows: [Int]) -> [Float] {
        var output = [Float](repeating: 0, count: rows.count * featureCount)
        for (position, row) in rows.enumerated() {
            let base = position * featureCount
            switch scaling {
            case .divideBy255:
                for feature in 0..<featureCount {
                    output[base + feature] = Float(value(row: row, feature: feature) / 255)
                }
            case .standardise(let mean, let scale):
                for feature in 0..<featureCount {
                    output[base + feature] = Float((value(row: row, feature: feature) - mean[feature]) / scale[feature])
                }
            }
        }
        return output
    }

    /// The report note describing the scaling.
    var note: String {
        scaling == .divideBy255
            ? "8-bit pixel values scaled to [0, 1] (divided by 255)"
            : "features standardised with the training mean and standard deviation of each value"
    }
}
