import Datasets
import DietAuditCore
import Testing

@testable import AuditPipeline

/// The quick joins of integer and text ids line scores up with the training
/// examples exactly when nothing is wrong, and give way (nil) to the join
/// that names problems at the first one.
@Suite struct CleanJoinTests {
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

    /// 100,000 integer ids (the two halves of the id range joined on two
    /// cores), shuffled: lined up exactly; one repeated or missing id, in
    /// either half, gives way.
    @Test func integerIdsOnBothCores() throws {
        let count = 100_000
        let train = ExampleIds(integers: (0..<count).map { Int64($0 * 3 - 1_000) })
        var generator = SeededGenerator(seed: 8, stream: "clean-join")
        let order = generator.permutation(count: count)
        let ids = order.map { Int64($0 * 3 - 1_000) }
        let values = order.map { Double($0) / 7 }
        let entries = ImportedScoreEntries(exampleIds: ExampleIds(integers: ids), values: values)
        let joined = try #require(joinCleanIntegerIds(entries, trainIds: train, testIds: []))
        #expect(joined == (0..<count).map { Double($0) / 7 })
        for slot in [0, count - 1] {
            var repeated = ids
            repeated[slot] = ids[(slot + 1) % count]
            let withRepeat = ImportedScoreEntries(exampleIds: ExampleIds(integers: repeated), values: values)
            #expect(joinCleanIntegerIds(withRepeat, trainIds: train, testIds: []) == nil)
            var missing = ids
            missing[slot] = 1  // not of the form 3k − 1,000
            let withMissing = ImportedScoreEntries(exampleIds: ExampleIds(integers: missing), values: values)
            #expect(joinCleanIntegerIds(withMissing, trainIds: train, testIds: []) == nil)
        }
    }
}
