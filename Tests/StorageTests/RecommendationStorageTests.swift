import DietAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import Rules
@testable import Storage

/// Recommendations are stored in table `recommendation` (migration "v9:
/// recommendations") and read back in order, nulls included.
@Suite struct RecommendationStorageTests {
    @Test func recommendationsRoundTrip() throws {
        let database = try AuditDatabase()
        var results = try Fixtures.plantedResults()
        results.recommendations = [
            Recommendation(
                score: "planted", policy: "keep_hard", fraction: 0.3, remedy: "group_balanced", passes: true,
                accuracyCost: -0.01, tvd: 0.002, message: "passes"),
            Recommendation(
                score: "planted", policy: "keep_hard+offset0.1", fraction: 0.5, remedy: nil, passes: false,
                accuracyCost: nil, tvd: nil, message: "none"),
        ]
        let id = try database.beginRun(Fixtures.plantedRunRecord())
        try database.completeRun(id: id, results: results)
        #expect(try database.loadRun(id: id).recommendations == results.recommendations)
        let columns = try database.writer.read { db in try db.columns(in: "recommendation").map(\.name) }
        #expect(
            columns == ["run_id", "score", "policy", "fraction", "remedy", "passes", "accuracy_cost", "tvd", "message"])
    }
}
