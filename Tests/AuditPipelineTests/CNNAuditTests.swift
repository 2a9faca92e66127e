import Foundation
import Reporting
import Testing

@testable import AuditPipeline
@testable import DietAuditCore
@testable import Learning
@testable import Storage

/// A cnn audit of the digits table: `dataset.image` lays the 64 pixel columns
/// out as 8×8×1 for the convolutions.
@Suite struct CNNAuditTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func writeSpec(_ body: String, in folder: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("spec.yaml").path
        try
            ("audit: digits-cnn\ndataset:\n  path: \(Self.root.path)/datasets/digits.csv\n  label: label\n  scaling: "
            + "minmax\n"
            + body)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func cnnAuditRunsOnPixelColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-cnn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try writeSpec(
            """
              image: {height: 8, width: 8}
            model: {kind: cnn, channels: [4]}
            training: {epochs: 2, seeds: 2, batch_size: 64, optimizer: {learning_rate: 0.05}}
            scores: [{kind: grand, epoch: 0}, {kind: el2n, epoch: 1}]
            pruning: {fractions: [0.5], policies: [keep_hard, random], retrain: {seeds: 0}}
            """, in: folder)
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = nil
        let outcome = try AuditRunner().run(specPath: spec, options: options)
        let stored = try AuditDatabase(path: options.databasePath).loadRun(id: outcome.runId)
        #expect(stored.scores.map(\.name) == ["grand@0", "el2n@1"])
        #expect(
            MethodsText.lines(stored.run.settings)["Model"]?.hasPrefix("CNN with 3×3 convolution blocks of 4 channels")
                == true)
        #expect(MethodsText.lines(stored.run.settings)["Model"]?.hasSuffix("on 8×8×1 inputs") == true)
    }

    @Test func cnnNeedsAMatchingImageShape() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-cnn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try writeSpec("model: {kind: cnn}\n", in: folder)
        #expect(throws: InputError.self) { try AuditRunner().validate(specPath: missing) }
        do {
            _ = try AuditRunner().validate(specPath: missing)
        } catch let error as InputError {
            #expect(error.message.hasPrefix("a cnn model needs the shape of one example"))
        }
        let wrong = try writeSpec("  image: {height: 7, width: 7}\nmodel: {kind: cnn}\n", in: folder)
        do {
            _ = try AuditRunner().validate(specPath: wrong)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(
                error.message.hasPrefix(
                    "dataset.image is 7×7×1 = 49 values per example, but the data encode to 64 features"))
            #expect(error.location?.line == 6)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dietaudit.sqlite").path))
    }

    @Test func cnnSpecKeys() throws {
        let spec = try AuditSpec.parse(
            "audit: x\ndataset: {path: d.csv, label: y}\nmodel: {kind: cnn, channels: [8, 16]}\n",
            file: "a.yaml", folder: URL(fileURLWithPath: "/"))
        #expect(spec.model.kind == .cnn(channels: [8, 16]))
        #expect(throws: InputError.self) {
            try AuditSpec.parse(
                "audit: x\ndataset: {path: d.csv, label: y}\nmodel: {kind: cnn, hidden: [8]}\n", file: "a.yaml",
                folder: URL(fileURLWithPath: "/"))
        }
    }
}
