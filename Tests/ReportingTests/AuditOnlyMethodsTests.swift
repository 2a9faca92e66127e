import Foundation
import Testing

@testable import Reporting
@testable import Storage

/// The methods section of an audit-only run says nothing was trained.
@Suite struct AuditOnlyMethodsTests {
    @Test func methodsSayNothingWasTrained() throws {
        let json =
            #"{"scores": ["imported:clip", "imported:el2n@20"], "pruning_fractions": [0.1], "#
            + #""pruning_policies": ["keep_hard"], "retrain_seeds": 0, "audit_only": true}"#
        let settings = try JSONDecoder().decode(RunSettings.self, from: Data(json.utf8))
        let lines = MethodsText.lines(settings)
        #expect(lines["Model"] == "none: audit-only spec; the scores were imported and nothing was trained")
        #expect(lines["Scores"] == "imported:clip, imported:el2n@20, imported as given")
        #expect(lines["Error risk"] == "not measured (audit-only: no model to retrain)")
        #expect(lines["Pruning"] == "fractions 10%; policies keep_hard")
        #expect(lines["Training"] == nil && lines["Test split"] == nil && lines["Compute"] == nil)
    }
}
