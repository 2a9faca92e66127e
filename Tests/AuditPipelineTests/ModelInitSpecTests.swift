import Foundation
import Testing

@testable import AuditPipeline
@testable import DietAuditCore
@testable import Learning

/// `model.init`: he_normal by default, torch or lecun_normal when asked,
/// anything else a located error with a did-you-mean.
@Suite struct ModelInitSpecTests {
    let base = "audit: x\ndataset: {path: d.csv, label: y}\n"

    func parse(_ text: String) throws -> AuditSpec { try parseSpec(text) }

    @Test func initialisationIsReadAndDefaultsToHeNormal() throws {
        #expect(try parse(base).model.initialization == .heNormal)
        #expect(try parse(base + "model: {kind: mlp, hidden: [8]}\n").model.initialization == .heNormal)
        #expect(try parse(base + "model: {kind: mlp, hidden: [8], init: torch}\n").model.initialization == .torch)
        let flax = try parse(base + "model: {kind: cnn, init: lecun_normal}\n").model
        #expect(flax.initialization == .lecunNormal)
        #expect(flax.kind == .cnn(channels: [16, 32]))
    }

    @Test func unknownInitialisationIsALocatedErrorWithDidYouMean() {
        do {
            _ = try parse(base + "model: {kind: mlp, init: he_norml}\n")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(
                error.description
                    == "a.yaml:3:26: model.init: 'he_norml' is not allowed; expected one of 'he_normal', 'torch', "
                    + "'lecun_normal'; did you mean 'he_normal'?")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
