/// Turns feature columns into a dense `Float` matrix, with every statistic
/// fitted on the training rows only.
///
/// - Numeric column x: z = (x − offset) / scale by ``NumericScaling`` (by
///   default the standard score, with the mean and population std of the
///   non-missing training values; std 0 divides by 1). A missing value becomes
///   the training mean, encoded the same way, and, when the column has any
///   missing value in training or test, an extra indicator column
///   `"<col> (missing)"` is 1 for it, else 0.
/// - Categorical column: one-hot over the training levels (sorted, see
///   `sortedLevels`), named `"<col>=<level>"`; a missing value is the level
///   `(missing)`. A test level absent from training encodes as all zeros and is
///   counted in ``unseenTestRows``.
struct FeatureEncoder {
    enum Plan {
        case numeric(offset: Double, scale: Double, fill: Double, indicator: Bool)
        case oneHot(levels: [String: Int], count: Int)
    }

    struct Column {
        var name: String
        var kind: ColumnKind
        var values: [String?]
        var plan: Plan
    }

    private(set) var columns: [Column] = []
    private(set) var featureNames: [String] = []

    /// Fits every column on `trainRows`; `allRows` (train and test) decides whether
    /// a numeric column needs a missing-value indicator.
    init(
        columns input: [(name: String, kind: ColumnKind, values: [String?])], trainRows: [Int], allRows: [Int],
        scaling: NumericScaling = .standard
    ) {
        for (name, kind, values) in input {
            switch kind {
            case .numeric(let numbers):
                var sum = 0.0, count = 0
                for row in trainRows { if let x = numbers[row] { sum += x; count += 1 } }
                let mean = count > 0 ? sum / Double(count) : 0
                var squares = 0.0
                for row in trainRows { if let x = numbers[row] { squares += (x - mean) * (x - mean) } }
                let std = count > 0 ? (squares / Double(count)).squareRoot() : 0
                let present = trainRows.compactMap { numbers[$0] }
                let (offset, scale) = scaling.transform(
                    mean: mean, std: std, minimum: present.min() ?? 0, maximum: present.max() ?? 0)
                let indicator = allRows.contains { values[$0] == nil }
                columns.append(
                    Column(
                        name: name, kind: kind, values: values,
                        plan: .numeric(
                            offset: offset, scale: scale, fill: (mean - offset) / scale, indicator: indicator)))
                featureNames.append(name)
                if indicator { featureNames.append("\(name) (missing)") }
            case .categorical:
                let levels = sortedLevels(trainRows.map { values[$0] ?? missingLevel })
                let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
                columns.append(
                    Column(name: name, kind: kind, values: values, plan: .oneHot(levels: index, count: levels.count)))
                featureNames.append(contentsOf: levels.map { "\(name)=\($0)" })
            }
        }
    }

    var featureCount: Int { featureNames.count }

    /// The row-major encoded features of `rows`.
    func encode(rows: [Int]) -> [Float] {
        var output = [Float](repeating: 0, count: rows.count * featureCount)
        var offset = 0
        for column in columns {
            switch column.plan {
            case .numeric(let shift, let scale, let fill, let indicator):
                guard case .numeric(let numbers) = column.kind else {
                    preconditionFailure("numeric plan on a categorical column")
                }
                for (position, row) in rows.enumerated() {
                    let base = position * featureCount + offset
                    if let x = numbers[row] {
                        output[base] = Float((x - shift) / scale)
                    } else {
                        output[base] = Float(fill)
                        if indicator { output[base + 1] = 1 }
                    }
                }
                offset += indicator ? 2 : 1
            case .oneHot(let levels, let count):
                for (position, row) in rows.enumerated() {
                    if let level = levels[column.values[row] ?? missingLevel] {
                        output[position * featureCount + offset + level] = 1
                    }
                }
                offset += count
            }
        }
        return output
    }

    /// For each categorical column, how many of `rows` have a level the training rows lack.
    func unseenTestRows(_ rows: [Int]) -> [(column: String, count: Int)] {
        columns.compactMap { column in
            guard case .oneHot(let levels, _) = column.plan else { return nil }
            let count = rows.filter { levels[column.values[$0] ?? missingLevel] == nil }.count
            return count > 0 ? (column.name, count) : nil
        }
    }
}
