import Foundation
import Testing

@testable import AuditPipeline
@testable import Datasets
@testable import DietAuditCore

/// An audit of image data given as IDX files (MNIST layout), end to end
/// through the library: spec keys `labels` and `image`, class-only groupings.
@Suite struct ImageDataRunTests {
    /// An IDX file: magic 0x00 0x00 type dims, big-endian sizes, then bytes.
    static func idx(dimensions: [Int], bytes: [UInt8]) -> Data {
        var data = Data([0, 0, 0x08, UInt8(dimensions.count)])
        for size in dimensions { data.append(contentsOf: withUnsafeBytes(of: UInt32(size).bigEndian) { Array($0) }) }
        data.append(contentsOf: bytes)
        return data
    }

    @Test func idxAuditRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededGenerator(seed: 1)
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for example in 0..<60 {
            let label = UInt8(example % 3)
            labels.append(label)
            for pixel in 0..<16 {
                pixels.append(UInt8((pixel % 3 == Int(label) ? 200 : 20) + generator.uniform(below: 40)))
            }
        }
        try Self.idx(dimensions: [60, 4, 4], bytes: pixels).write(
            to: folder.appendingPathComponent("images.idx3-ubyte"))
        try Self.idx(dimensions: [60], bytes: labels).write(to: folder.appendingPathComponent("labels.idx1-ubyte"))
        try """
        audit: tiny-images
        dataset:
          path: images.idx3-ubyte
          labels: labels.idx1-ubyte
          image: {height: 4, width: 4}
          test: {fraction: 0.25}
        model: {kind: softmax}
        training: {epochs: 3, seeds: 2, batch_size: 16}
        scores: [{kind: el2n, epoch: 1}, {kind: input_norm}]
        pruning: {fractions: [0.5], policies: [keep_hard, random]}
        """.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = folder.appendingPathComponent("out").path
        let outcome = try AuditRunner().run(specPath: folder.appendingPathComponent("spec.yaml").path, options: options)
        let stored = try StoredRuns(databasePath: options.databasePath).database.loadRun(id: outcome.runId)
        #expect(stored.run.dataset.trainCount == 45 && stored.run.dataset.testCount == 15)
        #expect(stored.run.dataset.featureCount == 16)
        #expect(stored.run.dataset.groupings.map(\.name) == ["class"])
        #expect(stored.scores.map(\.name) == ["el2n@1", "input_norm"])
    }

    @Test func imageKeysParse() throws {
        let spec = try AuditSpec.parse(
            """
            audit: mnist
            dataset:
              path: train-images-idx3-ubyte.gz
              labels: train-labels-idx1-ubyte.gz
              image: {height: 28, width: 28}
              test: {path: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}
            training: {}
            """, file: "m.yaml", folder: URL(fileURLWithPath: "/data"))
        #expect(spec.dataset.labelsPath == "/data/train-labels-idx1-ubyte.gz")
        #expect(spec.dataset.image == ImageShape(height: 28, width: 28, channels: 1))
        #expect(spec.dataset.testLabelsPath == "/data/t10k-labels-idx1-ubyte.gz")
        #expect(spec.dataset.label == "label")
    }
}
