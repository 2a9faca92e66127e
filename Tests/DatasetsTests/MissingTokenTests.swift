import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// `dataset.missing_values`, and the error for a numeric column holding a few unlisted tokens.
@Suite struct MissingTokenTests {
    /// 20 rows; `age` is a number except `NA` on rows 2, 5, 11 (lines 4, 7, 13) and `?` on row 7 (line 9).
    static let csv: String = {
        var lines = ["age,sex,y"]
        for row in 0..<20 {
            let age = [2, 5, 11].contains(row) ? "NA" : row == 7 ? "?" : "\(20 + row)"
            lines.append("\(age),\(row % 3 == 0 ? "f" : "m"),\(row % 2 == 0 ? "a" : "b")")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    private func spec(_ text: String = Self.csv) throws -> DatasetSpec {
        var spec = try TestData.spec(csv: text, name: "d.csv")
        spec.attributes = ["sex"]
        spec.test = .fraction(0.25)
        return spec
    }

    @Test func unlistedTokensInANumericColumnAreAnError() throws {
        let error = TestData.inputError { try prepareDataset(try spec()) }
        #expect(
            error
                == InputError(
                    "column 'age': 16 of 20 values are numbers, but 'NA' (3 times, first on line 4) and "
                        + "'?' (1 time, first on line 9) are not numbers; if they mark missing values, add them to "
                        + "dataset.missing_values (missing_values: [\"NA\", \"?\"]); to keep the column as text, list "
                        + "'age' under dataset.categorical",
                    at: SourceLocation(file: "d.csv", line: 4)))
    }

    @Test func listedTokensAreMissing() throws {
        var spec = try spec()
        spec.missingValues = ["NA", "?"]
        let prepared = try prepareDataset(spec)
        #expect(prepared.missing == [MissingSummary(column: "age", count: 4, handling: "mean-imputed + indicator")])
        #expect(prepared.featureNames.contains("age"))
        // Listing only one of them leaves the other as the error.
        spec.missingValues = ["NA"]
        let message = TestData.inputError { try prepareDataset(spec) }?.message ?? ""
        #expect(
            message.hasPrefix(
                "column 'age': 16 of 17 values are numbers, but '?' is not a number (1 time, first on line 9)"))
    }

    @Test func categoricalKeepsTheTokensAsText() throws {
        var spec = try spec()
        spec.categorical = ["age"]
        let prepared = try prepareDataset(spec)
        #expect(prepared.featureNames.contains("age=NA") && !prepared.featureNames.contains("age"))
    }

    @Test func readersMatchTokensExactlyAfterTheirTrimming() throws {
        let options = TableReadOptions(missingValues: ["NA", "?"])
        // CSV does not trim: " NA" and "na" are data.
        let table = try CSVReader.parse(Array("a,b\nNA, NA\n?,na\n1,\n".utf8), displayName: "t.csv", options: options)
        #expect(table.columns[0] == [nil, nil, "1"])
        #expect(table.columns[1] == [" NA", "na", nil])
        // The header is never a missing value.
        let header = try CSVReader.parse(Array("NA,b\n1,2\n".utf8), displayName: "t.csv", options: options).columnNames
        #expect(header == ["NA", "b"])
        // ARFF trims spaces around unquoted values; a quoted 'NA' is data.
        let arff = "@relation r\n@attribute x numeric\n@attribute s string\n@data\n  NA , 'NA'\n3,NA\n"
        let parsed = try ARFFReader.parse(Array(arff.utf8), displayName: "t.arff", options: options)
        #expect(parsed.columns[0] == [nil, "3"])
        #expect(parsed.columns[1] == ["NA", nil])
        // Without the option, NA in a numeric attribute is the reader's error.
        #expect(
            TestData.inputError { try ARFFReader.parse(Array(arff.utf8), displayName: "t.arff") }?.message
                == "attribute 'x' is numeric, but the value is 'NA'")
    }

    /// More than 3 distinct words among few numbers: a categorical column, no error.
    @Test func genuinelyCategoricalColumnsStayCategorical() throws {
        var lines = ["grade,y"]
        for row in 0..<20 { lines.append("\(["A", "B", "C", "D", "1"][row % 5]),\(row % 2 == 0 ? "a" : "b")") }
        var spec = try TestData.spec(csv: lines.joined(separator: "\n") + "\n", name: "g.csv")
        spec.test = .fraction(0.25)
        #expect(try prepareDataset(spec).featureNames == ["grade=1", "grade=A", "grade=B", "grade=C", "grade=D"])
    }
}
