import Foundation
import Testing

@testable import AuditPipeline
@testable import Storage

/// The shipped digits audit (MLP 64-128-10, 5 seeds × 20 epochs, min–max
/// pixels), run through the library. Two known results of the data-diet
/// literature must show: GraNd at initialisation mostly ranks by the input
/// norm, and keeping the hardest half by EL2N skews the class make-up.
@Suite struct DigitsAuditTests {
    @Test func grandAtInitTracksInputNormAndEL2NSkewsClasses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dietaudit-digits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = RunOptions()
        options.databasePath = folder.appendingPathComponent("runs.sqlite").path
        options.outputDirectory = nil
        let outcome = try AuditRunner().run(
            specPath: root.appendingPathComponent("audits/digits.yaml").path, options: options)
        let stored = try AuditDatabase(path: options.databasePath).loadRun(id: outcome.runId)

        let grand = try #require(stored.validity.first { $0.score == "grand@0" })
        #expect(try #require(grand.inputNormSpearman) > 0.9)
        let el2n = try #require(stored.validity.first { $0.score == "el2n@2" })
        #expect(abs(try #require(el2n.inputNormSpearman)) < 0.3)

        let shift = try #require(
            stored.attributes.first {
                $0.score == "el2n@2" && $0.policy == "keep_hard" && $0.fraction == 0.5 && $0.attribute == "class"
            })
        #expect(shift.tvd > 0.15)
        #expect(try #require(shift.chi2PValue) < 1e-20)
        let random = try #require(stored.attributes.first { $0.policy == "random" && $0.fraction == 0.5 })
        #expect(random.tvd < 0.05)
    }
}
