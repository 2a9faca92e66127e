import Foundation
import Learning

/// The digits set (`datasets/digits.csv`: 64 pixel columns `p0…p63` with
/// values 0–16, then `label` 0–9), standardised column by column as the
/// audit's encoder does (mean 0, standard deviation 1; a constant column
/// becomes all zeros).
///
/// Parsed with a plain comma split: the file is all small integers with a
/// header line, so the full CSV reader of `Datasets` is not needed here.
public struct DigitsData: Sendable {
    public let features: FeatureMatrix
    public let labels: [Int]

    /// Loads `<repository>/datasets/digits.csv`, the repository being found
    /// from this source file's location (`Benchmarks/Sources/BenchmarkData/`).
    public init() throws {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.appendingPathComponent("datasets/digits.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",")
        let columns = header.count - 1
        var values: [Float] = []
        values.reserveCapacity(lines.count * columns)
        var labels: [Int] = []
        for line in lines {
            let fields = line.split(separator: ",")
            precondition(
                fields.count == columns + 1, "digits.csv: expected \(columns + 1) fields, found \(fields.count)")
            for field in fields.dropLast() { values.append(Float(field)!) }
            labels.append(Int(fields.last!)!)
        }
        let rows = labels.count
        for column in 0..<columns {
            var sum = 0.0, squares = 0.0
            for row in 0..<rows { sum += Double(values[row * columns + column]) }
            let mean = sum / Double(rows)
            for row in 0..<rows { squares += pow(Double(values[row * columns + column]) - mean, 2) }
            let deviation = (squares / Double(rows)).squareRoot()
            for row in 0..<rows {
                let index = row * columns + column
                values[index] = deviation > 0 ? Float((Double(values[index]) - mean) / deviation) : 0
            }
        }
        self.features = FeatureMatrix(values: values, rows: rows, columns: columns)
        self.labels = labels
    }
}
