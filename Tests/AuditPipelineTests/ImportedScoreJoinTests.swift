import DietAuditTestSupport
import Foundation
import Testing

@testable import AuditPipeline
@testable import Datasets
@testable import DietAuditCore
@testable import Storage

/// Joining imported scores to the dataset: every join problem counted with at
/// most five example ids, an error by default (located at the score entry),
/// dropped for every score with `on_missing: drop`; NPY ids as int64, int32
/// and unicode strings.
@Suite struct ImportedScoreJoinTests {
    /// A folder with `labels.csv`: ids e1…e40, label a (e1–e20) / b (e21–e40).
    final class Workspace {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("dietaudit-join-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let rows = (1...40).map { "e\($0),\($0 <= 20 ? "a" : "b")" }
            try write("labels.csv", "id,y\n" + rows.joined(separator: "\n") + "\n")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ name: String, _ text: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func write(_ name: String, _ data: Data) throws {
            try data.write(to: folder.appendingPathComponent(name))
        }

        /// A score CSV with `rows` as (id, score text).
        func scores(_ name: String, _ rows: [(String, String)], column: String = "score") throws {
            try write(name, "id,\(column)\n" + rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n")
        }

        /// An audit-only spec over labels.csv with `scores` lines.
        func spec(_ scores: String) throws -> String {
            let path = folder.appendingPathComponent("spec.yaml").path
            try ("audit: join\ndataset: {path: labels.csv, label: y, id: id}\nscores:\n" + scores)
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    func failure(_ path: String) -> String? {
        do {
            _ = try AuditRunner().validate(specPath: path)
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    static let allRows = (1...40).map { ("e\($0)", String($0)) }

    @Test func missingIdsAreCountedWithFiveExamples() throws {
        let space = try Workspace()
        try space.scores("s.csv", Array(Self.allRows.dropFirst(7)))
        let found = failure(try space.spec("  - {kind: imported, path: s.csv, column: score, id_column: id}\n"))
        #expect(
            found?.hasSuffix(
                "/spec.yaml:4:5: scores[0]: score 'imported:score' does not line up with the training examples: "
                    + "7 training examples have no score in s.csv (ids e1, e2, e3, e4, e5, …); fix the file, or add "
                    + "on_missing: drop to this score to leave the affected training examples out of the audit "
                    + "(for every score)") == true, "\(found ?? "nil")")
    }

    @Test func duplicateUnknownAndNonFiniteAreCounted() throws {
        let space = try Workspace()
        var rows = Self.allRows
        rows[2].1 = "nan"; rows[3].1 = ""; rows[4].1 = "-inf"
        rows += [("e10", "3"), ("e11", "4"), ("x1", "1"), ("x2", "2"), ("x2", "5")]
        try space.scores("s.csv", rows)
        let found = failure(try space.spec("  - {kind: imported, path: s.csv, column: score, id_column: id}\n"))
        #expect(found?.contains("3 ids appear more than once in s.csv (ids e10, e11, x2)") == true, "\(found ?? "")")
        #expect(found?.contains("2 ids in s.csv are not in the dataset (ids x1, x2)") == true)
        #expect(found?.contains("3 training examples have a NaN or infinite score (ids e3, e4, e5)") == true)
        #expect(found?.contains("have no score") == false)
    }

    @Test func dropLeavesAffectedExamplesOutOfEveryScore() throws {
        let space = try Workspace()
        var rows = Array(Self.allRows.dropFirst(2))  // e1, e2 missing
        rows[0].1 = "nan"  // e3
        rows += [("e9", "1"), ("ghost", "1")]
        try space.scores("s.csv", rows)
        try space.scores("full.csv", Self.allRows, column: "full")
        let path = try space.spec(
            "  - {kind: imported, path: s.csv, column: score, id_column: id, on_missing: drop}\n"
                + "  - {kind: imported, path: full.csv, column: full, id_column: id}\n")
        let inputs = try AuditRunner().checkInputs(specPath: path)
        #expect(inputs.droppedExamples == 4)  // e1, e2 (missing), e3 (NaN), e9 (duplicate)
        #expect(inputs.data.train.count == 36)
        #expect(!inputs.data.train.ids.contains("e9"))
        #expect(inputs.imported["imported:full"]?.count == 36)
        #expect(inputs.imported["imported:full"]?.first == 4)  // e4's score
        #expect(inputs.data.groupings[0].trainCounts == [16, 20])
        #expect(
            inputs.joinProblems.map { "\($0.problem) \($0.count) \($0.droppedExamples) \($0.examples)" } == [
                "missing 2 2 [\"e1\", \"e2\"]", "duplicate_id 1 1 [\"e9\"]", "unknown_id 1 0 [\"ghost\"]",
                "not_finite 1 1 [\"e3\"]",
            ])
        #expect(try AuditRunner().validate(specPath: path).contains("36 examples (4 dropped by on_missing: drop)"))
    }

    @Test func npyVectorAlignedByRowsAndItsWrongLength() throws {
        let space = try Workspace()
        try space.write("v.npy", NPYWriter.float64((1...40).map(Double.init)))
        let path = try space.spec("  - {kind: imported, path: v.npy, name: v}\n")
        let inputs = try AuditRunner().checkInputs(specPath: path)
        #expect(inputs.imported["imported:v"] == (1...40).map(Double.init))
        try space.write("short.npy", NPYWriter.float32((1...33).map(Float.init)))
        let found = failure(try space.spec("  - {kind: imported, path: short.npy, name: v, on_missing: drop}\n"))
        #expect(
            found?.hasSuffix(
                "/spec.yaml:4:5: scores[0]: score 'imported:v' does not line up with the training examples: "
                    + "short.npy is 7 values off one per dataset row (no value for id e34, no value for id e35, "
                    + "no value for id e36, no value for id e37, no value for id e38, …); without ids an NPY score "
                    + "must hold exactly one value per row, in file order: give ids (an NPY file of ids)") == true,
            "\(found ?? "nil")")
        try space.write("long.npy", NPYWriter.float64((1...41).map(Double.init)))
        let long = failure(try space.spec("  - {kind: imported, path: long.npy, name: v}\n"))
        #expect(long?.contains("long.npy is 1 value off one per dataset row (extra entry 41)") == true, "\(long ?? "")")
    }

    @Test func npyNonFiniteValuesAreDroppedOrRefused() throws {
        let space = try Workspace()
        var values = (1...40).map(Double.init)
        values[0] = .nan; values[39] = .infinity
        try space.write("v.npy", NPYWriter.float64(values))
        let refused = failure(try space.spec("  - {kind: imported, path: v.npy, name: v}\n"))
        #expect(refused?.contains("2 training examples have a NaN or infinite score (ids e1, e40)") == true)
        let inputs = try AuditRunner().checkInputs(
            specPath: try space.spec("  - {kind: imported, path: v.npy, name: v, on_missing: drop}\n"))
        #expect(inputs.imported["imported:v"] == (2...39).map(Double.init))
        #expect(inputs.droppedExamples == 2)
    }

    /// Ids in reverse order, as int64, int32 (numbers e1 → 1) and unicode.
    @Test func npyIdsOfEveryKindJoinOnTheirValue() throws {
        let space = try Workspace()
        try space.write(
            "labels.csv",
            "id,y\n" + (1...40).map { "\($0),\($0 <= 20 ? "a" : "b")" }.joined(separator: "\n") + "\n")
        let reversed = Array((1...40).reversed())
        try space.write("v.npy", NPYWriter.float64(reversed.map { Double($0) * 10 }))
        try space.write("i64.npy", NPYWriter.int64(reversed.map(Int64.init)))
        try space.write("i32.npy", NPYWriter.int32(reversed.map(Int32.init)))
        try space.write("u.npy", NPYWriter.unicode(reversed.map(String.init)))
        for ids in ["i64.npy", "i32.npy", "u.npy"] {
            let inputs = try AuditRunner().checkInputs(
                specPath: try space.spec("  - {kind: imported, path: v.npy, name: v, ids: \(ids)}\n"))
            #expect(inputs.imported["imported:v"] == (1...40).map { Double($0) * 10 }, "\(ids)")
        }
        let strings = try readNPYIds(path: space.folder.appendingPathComponent("u.npy").path, displayPath: "u.npy")
        #expect(strings.prefix(2) == ["40", "39"])
        try space.write("f.npy", NPYWriter.float64(reversed.map(Double.init)))
        let floatIds = failure(try space.spec("  - {kind: imported, path: v.npy, name: v, ids: f.npy}\n"))
        #expect(floatIds == "f.npy: ids must be integers or strings, not float64; floating-point ids are not exact")
        try space.write("few.npy", NPYWriter.int64([1, 2]))
        let few = failure(try space.spec("  - {kind: imported, path: v.npy, name: v, ids: few.npy}\n"))
        #expect(few?.hasPrefix("few.npy: 2 ids for 40 scores in v.npy") == true, "\(few ?? "")")
    }

    @Test func unicodeIdsMatchStringIdColumn() throws {
        let space = try Workspace()
        var generator = SeededGenerator(seed: 7, stream: "test")
        let ids = (1...40).map { "e\($0)" }.shuffled(using: &generator)
        try space.write("v.npy", NPYWriter.float64(ids.map { Double($0.dropFirst())! }))
        try space.write("u.npy", NPYWriter.unicode(ids))
        let inputs = try AuditRunner().checkInputs(
            specPath: try space.spec("  - {kind: imported, path: v.npy, name: v, ids: u.npy}\n"))
        #expect(inputs.imported["imported:v"] == (1...40).map(Double.init))
    }
}
