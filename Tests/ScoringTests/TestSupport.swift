import DietAuditCore
import DietAuditTestSupport
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
    static func blobs(
        classes: Int = 3, perClass: Int = 100, dimensions: Int = 5,
        flipped: [Int] = []
    ) -> (features: FeatureMatrix, labels: [Int]) {
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

    /// The real digits data, from the shared test fixtures.
    static var digitsPath: String? { Fixtures.digitsPath }

    static func digits() throws -> (features: FeatureMatrix, labels: [Int]) { try Fixtures.digits() }
}
