import Foundation
import Testing

@testable import Storage

/// An audit-only run's settings: no model or training, `audit_only: true`.
@Suite struct AuditOnlySettingsTests {
    static var settings: RunSettings {
        var settings = RunSettingsTests.settings
        settings.model = nil; settings.training = nil; settings.testFraction = nil
        settings.blasKernel = nil; settings.cores = nil; settings.retrainSeeds = 0
        settings.scores = ["imported:clip", "imported:el2n@20"]
        settings.auditOnly = true
        return settings
    }

    @Test func roundTripsWithAuditOnlyFlag() throws {
        let data = try JSONEncoder().encode(Self.settings)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["audit_only"] as? Bool == true)
        #expect(object["model"] == nil && object["training"] == nil)
        #expect(try JSONDecoder().decode(RunSettings.self, from: data) == Self.settings)
        #expect(
            try JSONDecoder().decode(RunSettings.self, from: JSONEncoder().encode(RunSettingsTests.settings))
                .auditOnly == nil)
    }
}
