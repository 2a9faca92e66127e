import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// Names that would collide with `class` and with intersection names `a×b` / `x×y`.
@Suite struct NameCollisionTests {
    static let specLocation = SourceLocation(file: "audits/a.yaml", line: 7, column: 15)

    private func spec(_ csv: String, attributes: [String]) throws -> DatasetSpec {
        var spec = try TestData.spec(csv: csv, name: "d.csv")
        spec.attributes = attributes
        spec.specLocations["attributes"] = Self.specLocation
        spec.test = .fraction(0.25)
        return spec
    }

    static func rows(_ make: (Int) -> String, header: String) -> String {
        ([header] + (0..<12).map(make)).joined(separator: "\n") + "\n"
    }

    @Test func attributeNamedClassIsRejected() throws {
        let csv = Self.rows(
            { "\($0),\($0 % 3 == 0 ? "first" : "second"),\($0 % 2 == 0 ? "a" : "b")" }, header: "x,class,y")
        #expect(
            TestData.inputError { try prepareDataset(try spec(csv, attributes: ["class"])) }
                == InputError(
                    "attribute 'class' collides with the grouping 'class', which is always the label 'y'; "
                        + "rename the column (e.g. 'class_y' or 'class_attribute') and list the new name",
                    at: Self.specLocation))
        // As a plain feature it is fine.
        #expect(try prepareDataset(try spec(csv, attributes: [])).featureNames.contains("class=first"))
    }

    @Test func attributeNameWithSeparatorIsRejected() throws {
        let csv = Self.rows({ "\($0),u,\($0 % 2 == 0 ? "a" : "b")" }, header: "x,sex×age,y")
        let error = TestData.inputError { try prepareDataset(try spec(csv, attributes: ["sex×age"])) }
        #expect(error?.location == Self.specLocation)
        #expect(error?.message.hasPrefix("attribute 'sex×age' contains '×'") == true)
    }

    @Test func attributeValueWithSeparatorIsLocated() throws {
        let csv = Self.rows({ "\($0),\($0 == 5 ? "f×young" : "m"),\($0 % 2 == 0 ? "a" : "b")" }, header: "x,sex,y")
        #expect(
            TestData.inputError { try prepareDataset(try spec(csv, attributes: ["sex"])) }
                == InputError(
                    "attribute value 'f×young' in column 'sex' contains '×', the separator of intersection groups "
                        + "('x×y'); recode the value without '×' (e.g. with 'x')",
                    at: SourceLocation(file: "d.csv", line: 7, key: "sex")))
        // Not an attribute: just a feature's level, no grouping, no error.
        #expect(try prepareDataset(try spec(csv, attributes: [])).groupings.map(\.name) == ["class"])
    }

    @Test func classNameWithSeparatorIsLocated() throws {
        let csv = Self.rows({ "\($0),m,\($0 % 2 == 0 ? "a" : "b×c")" }, header: "x,sex,y")
        let error = TestData.inputError { try prepareDataset(try spec(csv, attributes: ["sex"])) }
        #expect(error?.location == SourceLocation(file: "d.csv", line: 3, key: "y"))
        #expect(error?.message.hasPrefix("class name 'b×c' in column 'y' contains '×'") == true)
    }

    @Test func attributeValueNamedLikeTheMissingGroupIsLocated() throws {
        let csv = Self.rows(
            { "\($0),\($0 == 3 ? "(missing)" : $0 == 4 ? "" : "m"),\($0 % 2 == 0 ? "a" : "b")" }, header: "x,sex,y")
        let error = TestData.inputError { try prepareDataset(try spec(csv, attributes: ["sex"])) }
        #expect(error?.location == SourceLocation(file: "d.csv", line: 5, key: "sex"))
        #expect(
            error?.message.hasPrefix("attribute value '(missing)' in column 'sex' is the name of the group")
                == true)
        var listed = try spec(csv, attributes: ["sex"])
        listed.missingValues = ["(missing)"]
        let sex = try #require(try prepareDataset(listed).groupings.first { $0.name == "sex" })
        #expect(sex.groups == ["m", "(missing)"])
    }
}
