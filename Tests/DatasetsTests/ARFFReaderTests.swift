import DietAuditCore
import Testing

@testable import Datasets

@Suite struct ARFFReaderTests {
    static let sample = """
        % a comment
        @RELATION toy

        @attribute 'first name' string
        @attribute age NUMERIC
        @attribute "kind" {a, 'b c', "d,e"}
        % another comment
        @data
        'Ann O\\'Neil', 31, a
        Bob, ?, 'b c'
        ?,1e-3,"d,e"

        """

    @Test func parsesHeaderQuotingAndMissing() throws {
        let table = try ARFFReader.parse(Array(Self.sample.utf8), displayName: "toy.arff")
        #expect(table.columnNames == ["first name", "age", "kind"])
        #expect(table.columns[0] == ["Ann O'Neil", "Bob", nil])
        #expect(table.columns[1] == ["31", nil, "1e-3"])
        #expect(table.columns[2] == ["a", "b c", "d,e"])
        #expect(table.lineNumbers == [9, 10, 11])
        #expect(table.declaredNumeric == ["age"])
    }

    private func parse(_ text: String) throws -> Table {
        try ARFFReader.parse(Array(text.utf8), displayName: "x.arff")
    }

    @Test func sparseRowsAreRejected() {
        let error = TestData.inputError { try parse("@relation r\n@attribute a numeric\n@data\n{0 1}\n") }
        #expect(
            error?.description
                == "x.arff:4: sparse ARFF is not supported; write the data rows in dense form (one value per attribute)"
        )
    }

    @Test func nonNumericValueInNumericAttribute() {
        let error = TestData.inputError {
            try parse("@relation r\n@attribute a numeric\n@attribute b string\n@data\n1,x\nabc,y\n")
        }
        #expect(error?.description == "x.arff:6: attribute 'a' is numeric, but the value is 'abc'")
    }

    @Test func wrongValueCountAndUndeclaredNominal() {
        let count = TestData.inputError {
            try parse("@relation r\n@attribute a numeric\n@attribute b {x,y}\n@data\n1\n")
        }
        #expect(count?.description == "x.arff:5: expected 2 values, found 1")
        let nominal = TestData.inputError { try parse("@relation r\n@attribute b {yes,no}\n@data\nyes\nyse\n") }
        #expect(
            nominal?.description
                == "x.arff:5: attribute 'b': 'yse' is not one of its declared values 'no', 'yes'; did you mean 'yes'?")
    }

    @Test func structuralErrors() {
        let noData = TestData.inputError { try parse("@relation r\n@attribute a numeric\n") }
        #expect(noData?.description == "x.arff: no @data section found; an ARFF file needs @attribute lines then @data")
        let badType = TestData.inputError { try parse("@relation r\n@attribute a number\n@data\n1\n") }
        #expect(
            badType?.description
                == "x.arff:2: attribute 'a': unknown type 'number'; expected numeric, real, integer, string, date or "
                + "{value list}"
        )
        let stray = TestData.inputError { try parse("@relation r\nhello\n") }
        #expect(stray?.description == "x.arff:2: expected @relation, @attribute or @data, found 'hello'")
        let empty = TestData.inputError { try parse("@relation r\n@attribute a numeric\n@data\n% nothing\n") }
        #expect(empty?.description == "x.arff: the @data section has no rows")
    }
}
