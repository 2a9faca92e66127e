import DietAuditCore
import Testing

@testable import Datasets

@Suite struct CSVReaderTests {
    @Test func plainFileColumnMajorWithLineNumbers() throws {
        let table = try TestData.csv("a,b\n1,x\n2,y\n")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.columns == [["1", "2"], ["x", "y"]])
        #expect(table.rowCount == 2)
        #expect(table.lineNumbers == [2, 3])
        #expect(table.declaredNumeric.isEmpty)
        #expect(table.fileName == "t.csv")
    }

    @Test func quotedFieldsWithCommasAndDoubledQuotes() throws {
        let table = try TestData.csv("name,desc\n\"Smith, J\",\"say \"\"hi\"\"\"\nplain,\"\"\"\"\n")
        #expect(table.columns[0] == ["Smith, J", "plain"])
        #expect(table.columns[1] == ["say \"hi\"", "\""])
    }

    @Test func embeddedNewlineKeepsLaterLineNumbersRight() throws {
        let table = try TestData.csv("a,b\n1,\"two\nlines\"\n2,x\n3,y\n")
        #expect(table.columns[1] == ["two\nlines", "x", "y"])
        #expect(table.lineNumbers == [2, 4, 5])
        // A ragged row after the embedded newline is reported on its real line (5).
        let error = TestData.inputError { try TestData.csv("a,b\n1,\"two\nlines\"\n2,x\n3\n") }
        #expect(error?.location == SourceLocation(file: "t.csv", line: 5))
        #expect(error?.message == "expected 2 fields, found 1")
    }

    @Test func crlfAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,v\r\n1,\"a\r\nb\"\r\n2,c\r\n".utf8)
        let table = try CSVReader.parse(bytes, displayName: "w.csv")
        #expect(table.columnNames == ["id", "v"])
        #expect(table.columns == [["1", "2"], ["a\r\nb", "c"]])
        #expect(table.lineNumbers == [2, 4])
    }

    @Test func noFinalNewlineAndBlankLines() throws {
        let table = try TestData.csv("a,b\n\n1,2\n\n3,4")
        #expect(table.columns == [["1", "3"], ["2", "4"]])
        #expect(table.lineNumbers == [3, 5])
    }

    @Test func emptyFieldsAreMissing() throws {
        let table = try TestData.csv("a,b,c\n,x,\n1,,\"\"\n")
        #expect(table.columns[0] == [nil, "1"])
        #expect(table.columns[1] == ["x", nil])
        #expect(table.columns[2] == [nil, nil])
    }

    @Test func raggedRowsNameTheLine() {
        let tooFew = TestData.inputError { try TestData.csv("a,b,c\n1,2,3\n4,5\n") }
        #expect(tooFew?.description == "t.csv:3: expected 3 fields, found 2")
        let tooMany = TestData.inputError { try TestData.csv("a,b\n1,2\n3,4\n5,6,7,8\n") }
        #expect(tooMany?.description == "t.csv:4: expected 2 fields, found 4")
    }

    @Test func headerProblems() {
        let duplicate = TestData.inputError { try TestData.csv("a,b,a\n1,2,3\n") }
        #expect(
            duplicate?.description
                == "t.csv:1: duplicate column name 'a' (columns 1 and 3); column names must be unique")
        let empty = TestData.inputError { try TestData.csv("a,,c\n1,2,3\n") }
        #expect(empty?.description == "t.csv:1: header column 2 has an empty name; every column needs a unique name")
        let nothing = TestData.inputError { try TestData.csv("") }
        #expect(nothing?.description == "t.csv: the file is empty; expected a header row and data rows")
        let headerOnly = TestData.inputError { try TestData.csv("a,b\n") }
        #expect(headerOnly?.description == "t.csv:1: the file has a header row but no data rows")
    }

    @Test func malformedQuotes() {
        let unclosed = TestData.inputError { try TestData.csv("a,b\n1,2\n3,\"open\n4,5\n") }
        #expect(unclosed?.location?.line == 3)
        #expect(unclosed?.message.hasPrefix("quoted field opened on line 3 is never closed") == true)
        let trailing = TestData.inputError { try TestData.csv("a,b\n1,\"x\"y\n") }
        #expect(trailing?.location?.line == 2)
        #expect(trailing?.message.hasPrefix("unexpected character 'y' after a closing quote") == true)
    }

    @Test func readReportsMissingFileUnderItsDisplayName() {
        let error = TestData.inputError { try CSVReader.read(path: "/nonexistent/x.csv", displayName: "data/x.csv") }
        #expect(error?.description == "data/x.csv: file not found")
    }
}
