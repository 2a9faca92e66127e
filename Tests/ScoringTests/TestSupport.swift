import DietAuditCore
import Foundation
import Learning
@testable import Scoring

/// Counts progress calls.
final class CountingProgress: ProgressReporter {
    var steps = [String]()
    var advances = 0
    func begin(_ step: String) { steps.append(step) }
    func advance(_ done: Int, of total: Int) { advances += 1 }
    func note(_ message: String) {}
}

enum ScoringTestData {
    /// Gaussian blobs: class c centred at 4·e_c in `dimensions` dimensions, σ 0.5,
    /// rows interleaved by class; then the labels of `flipped` rows are moved
    /// to the next class (planted mislabelled examples).
    static func blobs(classes: Int = 3, perClass: Int = 100, dimensions: Int = 5,
                      flipped: [Int] = []) -> (features: FeatureMatrix, labels: [Int]) {
        var generator = SeededGenerator(seed: 21, stream: "blobs")
        var values = [Float](), labels = [Int]()
        for _ in 0..<perClass {
            for c in 0..<classes {
                for d in 0..<dimensions { values.append(Float((d == c ? 4 : 0) + 0.5 * generator.normal())) }
                labels.append(c)
            }
        }
        for row in flipped { labels[row] = (labels[row] + 1) % classes }
        return (FeatureMatrix(values: values, rows: labels.count, columns: dimensions), labels)
    }

    /// The UCI/scikit-learn digits (8×8 images, pixel values 0…16), scaled by
    /// 1/16, from `<repo>/../shared/datasets/digits.csv` or `<repo>/datasets/digits.csv`.
    static let digitsPath: String? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            repo.deletingLastPathComponent().appendingPathComponent("shared/datasets/digits.csv").path,
            repo.appendingPathComponent("datasets/digits.csv").path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static func digits() throws -> (features: FeatureMatrix, labels: [Int]) {
        let text = try String(contentsOfFile: digitsPath!, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",")
        precondition(header.count == 65 && header.last == "label", "unexpected digits.csv header")
        var values = [Float](), labels = [Int]()
        for line in lines {
            let fields = line.split(separator: ",")
            values.append(contentsOf: fields.prefix(64).map { Float($0)! / 16 })
            labels.append(Int(fields[64])!)
        }
        return (FeatureMatrix(values: values, rows: labels.count, columns: 64), labels)
    }
}
