/// Encoded features of a set of examples: a dense row-major `rows × columns`
/// matrix of `Float`, one row per example.
public struct FeatureMatrix: Sendable, Equatable {
    /// `values[r * columns + c]` is feature `c` of example `r`.
    public var values: [Float]
    /// Number of examples.
    public var rows: Int
    /// Number of features per example.
    public var columns: Int

    /// - Precondition: `values.count == rows * columns`.
    public init(values: [Float], rows: Int, columns: Int) {
        precondition(
            rows >= 0 && columns >= 0 && values.count == rows * columns,
            "FeatureMatrix: \(values.count) values do not fill \(rows) × \(columns)")
        self.values = values
        self.rows = rows
        self.columns = columns
    }

    /// The features of example `row`.
    public func row(_ row: Int) -> ArraySlice<Float> {
        values[(row * columns)..<((row + 1) * columns)]
    }

    /// A matrix of only the given examples, in the given order.
    public func selecting(rows selected: [Int]) -> FeatureMatrix {
        var result = [Float]()
        result.reserveCapacity(selected.count * columns)
        for row in selected { result.append(contentsOf: self.row(row)) }
        return FeatureMatrix(values: result, rows: selected.count, columns: columns)
    }

    /// The Euclidean norm ‖x‖₂ of each row, accumulated in `Double`.
    /// Range ≥ 0; an all-zero row (or zero columns) gives 0.
    public func rowNorms() -> [Double] {
        (0..<rows).map { r in
            var sum = 0.0
            for value in row(r) { sum += Double(value) * Double(value) }
            return sum.squareRoot()
        }
    }
}
