import Datasets
import DietAuditCore
import Testing

@testable import AuditPipeline

/// The quick join of text ids lines scores up with the training examples
/// exactly when nothing is wrong, and gives way (nil) to the join that names
/// problems at the first one.
@Suite struct CleanTextJoinTests {
    static let train = ExampleIds(["b", "a", "c", "müsli", "d"])

    @Test func shuffledEntriesLineUp() throws {
        let entries = ImportedScoreEntries(ids: ["müsli", "d", "a", "c", "b"], values: [4, 5, 2, 3, 1])
        let values = try #require(joinCleanTextIds(entries, trainIds: Self.train, testIds: []))
        #expect(values == [1, 2, 3, 4, 5])
        // The general join, which the quick one serves, gives the same with no problem.
        let joined = joinImportedScore(entries, name: "s", trainIds: Self.train, testIds: [])
        #expect(joined.values == [1, 2, 3, 4, 5] && joined.problems.isEmpty)
    }

    @Test(arguments: [
        (["b", "a", "c", "müsli", "müsli"], [1.0, 2, 3, 4, 5]),  // a duplicate id, "d" missing
        (["b", "a", "c", "müsli", "e"], [1.0, 2, 3, 4, 5]),  // an id not in the dataset
        (["b", "a", "c", "müsli", "d"], [1.0, 2, .nan, 4, 5]),  // a value that is not finite
        (["b", "a", "c", "müsli"], [1.0, 2, 3, 4]),  // one entry short
    ])
    func problemsGiveWay(ids: [String], values: [Double]) {
        let entries = ImportedScoreEntries(ids: ids, values: values)
        #expect(joinCleanTextIds(entries, trainIds: Self.train, testIds: []) == nil)
        #expect(!joinImportedScore(entries, name: "s", trainIds: Self.train, testIds: []).problems.isEmpty)
    }

    @Test func repeatedTrainingIdsGiveWay() {
        let entries = ImportedScoreEntries(ids: ["a", "b"], values: [1, 2])
        #expect(joinCleanTextIds(entries, trainIds: ExampleIds(["a", "a"]), testIds: []) == nil)
    }
}
