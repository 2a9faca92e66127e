import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// The fast audit-only reader (``prepareAuditOnlyDatasetFast(_:progress:)``)
/// gives exactly what the full reader gives, and declines whatever it does not
/// handle so that the full reader reports it.
@Suite struct FastAuditOnlyReaderTests {
    static let germanCredit = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/german_credit.csv").path

    static func spec(path: String, label: String, id: String? = nil, attributes: [String]) -> DatasetSpec {
        var spec = DatasetSpec(path: path, displayPath: (path as NSString).lastPathComponent, label: label)
        spec.auditOnly = true
        spec.idColumn = id
        spec.attributes = attributes
        spec.intersections = true
        return spec
    }

    /// Every field both readers fill, compared.
    static func expectSame(_ fast: PreparedDataset, _ full: PreparedDataset) {
        #expect(fast.classNames == full.classNames)
        #expect(fast.positiveClass == full.positiveClass)
        #expect(fast.train.labels == full.train.labels)
        #expect(Array(fast.train.ids) == Array(full.train.ids))
        #expect(fast.train.count == full.train.count && fast.test.count == 0 && full.test.count == 0)
        #expect(fast.groupings.map(\.name) == full.groupings.map(\.name))
        #expect(fast.groupings.map(\.kind) == full.groupings.map(\.kind))
        #expect(fast.groupings.map(\.groups) == full.groupings.map(\.groups))
        #expect(fast.groupings.map { Array($0.train) } == full.groupings.map { Array($0.train) })
        #expect(fast.dataSHA256 == full.dataSHA256)
        #expect(fast.sourceRowCount == full.sourceRowCount)
        #expect(fast.missing == full.missing && fast.notes == full.notes)
    }

    @Test func germanCreditReadsTheSame() throws {
        var spec = Self.spec(
            path: Self.germanCredit, label: "class",
            attributes: ["sex", "age_group", "foreign_worker", "housing", "job", "num_dependents"])
        spec.positiveLabel = "bad"
        let fast = try #require(try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()))
        let full = try prepareAuditOnlyDataset(spec, format: .csv)
        Self.expectSame(fast, full)
        #expect(fast.train.count == 1000)
        #expect(fast.groupings.count == 1 + 6 + 15 + 6)  // class, attributes, pairs, each with class
        #expect(fast.train.ids.integers != nil)  // row numbers, kept as integers
    }

    /// Integer ids in shuffled order, a numeric attribute with ten levels
    /// (ordered as numbers: 2 before 10), a categorical one, numeric labels.
    @Test func plantedFileReadsTheSame() throws {
        var lines = ["id,label,level,colour,note"]
        for row in 0..<200 {
            let id = (row * 37) % 200 - 50
            lines.append("\(id),\(row % 3 * 5),\(row % 10 + 1),\(["red", "green", "blue"][row % 3]),n\(row)")
        }
        let path = try TestData.write(lines.joined(separator: "\n"), name: "planted.csv")  // no final line feed
        let spec = Self.spec(path: path, label: "label", id: "id", attributes: ["level", "colour"])
        let fast = try #require(try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()))
        let full = try prepareAuditOnlyDataset(spec, format: .csv)
        Self.expectSame(fast, full)
        #expect(fast.groupings[1].groups == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"])
        #expect(fast.train.ids.integers?.prefix(3) == [-50, -13, 24])
    }

    /// Text ids, and ids that start as integers and turn to text later (`007`
    /// is not a canonical integer, so every id is then kept as written): the
    /// fast reader keeps them as text, as the full reader does.
    @Test(arguments: [
        "id,label,a\nimg_3,x,p\nimg_1,y,r\nimg_2,x,q\n",
        "id,label,a\n12,x,p\n-4,y,r\n007,x,q\n5,y,p\n",
    ])
    func textIdsReadTheSame(text: String) throws {
        let path = try TestData.write(text, name: "text-ids.csv")
        let spec = Self.spec(path: path, label: "label", id: "id", attributes: ["a"])
        let fast = try #require(try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()))
        Self.expectSame(fast, try prepareAuditOnlyDataset(spec, format: .csv))
        #expect(fast.train.ids.integers == nil)
        #expect(fast.train.ids.texts?.first == text.split(separator: "\n")[1].split(separator: ",")[0].description)
    }

    /// Each of these files is left to the full reader.
    @Test(arguments: [
        "id,label,a\n1,x,\"q\"\n2,y,r\n",  // a quote
        "id,label,a\n1,x,\n2,y,r\n",  // a missing attribute
        "id,label,a\n1,x,p\n1,y,r\n",  // a repeated id
        "id,label,a\n7,x,p\n007,y,r\n07,x,q\n007,y,r\n",  // a repeated text id, after integers
        "id,label,a\r\n1,x,p\r\n2,y,r\r\n",  // CRLF line ends
        "id,label,a\n1,x,p\n\n2,y,r\n",  // a blank line
        "id,label,a\n1,x,p,extra\n2,y,r\n",  // a row with another field count
        "id,label,a\n1,x,caf\u{E9}\n2,y,r\n",  // a non-ASCII byte
        "id,label,a\n1,x,1\n2,y,r\n",  // an attribute mixing numbers and text
        "id,label,a\n1,x,p×q\n2,y,r\n",  // the intersection separator in a value
        "id,label,a\n1,x,p\n2,x,r\n",  // a single class
    ])
    func declines(text: String) throws {
        let path = try TestData.write(text, name: "declined.csv")
        let spec = Self.spec(path: path, label: "label", id: "id", attributes: ["a"])
        #expect(try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()) == nil)
    }

    /// A numeric attribute with more than ten levels is binned at quartiles by
    /// the full reader, so the fast one declines it.
    @Test func declinesQuartileBinnedAttributes() throws {
        let rows = (0..<40).map { "\($0),\($0 % 2),\($0)" }
        let path = try TestData.write((["id,label,age"] + rows).joined(separator: "\n") + "\n", name: "ages.csv")
        let spec = Self.spec(path: path, label: "label", id: "id", attributes: ["age"])
        #expect(try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()) == nil)
        #expect(try prepareDataset(spec).groupings[1].groups.count == 4)
    }

    /// 1,500 small random files: ids, labels and attribute values drawn from
    /// tokens that matter (integers canonical or not, text, non-ASCII, a
    /// quote, an empty field, the intersection separator, numbers), and now
    /// and then a CR, an extra field or a blank line. Whenever the fast reader
    /// accepts a file, the full reader accepts it too and reads exactly the same.
    @Test func randomFilesReadTheSameOrAreDeclined() throws {
        var generator = SeededGenerator(seed: 21, stream: "fast-reader-differential")
        func pick(_ tokens: [String]) -> String { tokens[Int(generator.next() % UInt64(tokens.count))] }
        // Mostly well-formed, so that many files pass; each odd token is rare.
        let idForms = ["", "", "", "-", "img_", "00", "é", "\"", "dup"]
        let labels = [String](repeating: "x", count: 4) + [String](repeating: "y", count: 4) + ["1", "2", ""]
        let values = (0..<12).map { ["p", "q", "r"][$0 % 3] } + ["1", "2", "12", "p×q", "é", "\"p\"", "", "-1.5"]
        let noise = [String](repeating: "", count: 20) + ["\r", ",extra", "\n"]
        var accepted = 0
        for round in 0..<1_500 {
            var text = "id,label,a\n"
            for row in 0..<(2 + Int(generator.next() % 6)) {
                let form = pick(idForms)
                let id = form == "dup" ? "1" : form == "\"" ? "\"\(row)\"" : form + String(row + 1)
                text += id + "," + pick(labels) + "," + pick(values) + pick(noise) + "\n"
            }
            let path = try TestData.write(text, name: "random-\(round).csv")
            let spec = Self.spec(path: path, label: "label", id: "id", attributes: ["a"])
            guard let fast = try prepareAuditOnlyDatasetFast(spec, progress: SilentProgress()) else { continue }
            accepted += 1
            let full = try #require(try? prepareAuditOnlyDataset(spec, format: .csv), "full reader refused \(text)")
            Self.expectSame(fast, full)
        }
        #expect(accepted > 20, "the fast reader must accept some files for this test to bite (\(accepted))")
    }

    @Test func canonicalIntegers() {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("17", 17), ("-3", -3), ("9223372036854775807", .max), ("-9223372036854775807", -.max),
            ("007", nil), ("-0", nil), ("+5", nil), ("", nil), ("-", nil), ("1.0", nil), ("9223372036854775808", nil),
            ("12a", nil),
        ]
        for (text, expected) in cases {
            #expect(ExampleIds.canonicalInteger(Array(text.utf8)) == expected, "\(text)")
        }
    }
}
