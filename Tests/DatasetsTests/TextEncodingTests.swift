import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// `dataset.encoding`: invalid UTF-8 is a located error, never replaced by U+FFFD;
/// Latin-1 maps each byte to one character.
@Suite struct TextEncodingTests {
    /// `city,y` / `München,a` / `Mönchen,b` … written in Latin-1 (ü = FC, ö = F6).
    static let latin1Cities: [UInt8] =
        Array("city,y\n".utf8) + [0x4D, 0xFC] + Array("nchen,a\n".utf8) + [0x4D, 0xF6] + Array("nchen,b\n".utf8)
        + [0x4D, 0xFC] + Array("nchen,b\n".utf8) + [0x4D, 0xF6] + Array("nchen,a\n".utf8)

    private func csvError(_ bytes: [UInt8]) -> InputError? {
        TestData.inputError { try CSVReader.parse(bytes, displayName: "cities.csv") }
    }

    @Test func invalidUTF8InCSVIsLocated() {
        #expect(
            csvError(Self.latin1Cities)
                == InputError(
                    "invalid UTF-8: byte FC at byte 2 of the line cannot start or continue a UTF-8 character; the file "
                        + "is probably in another encoding such as Latin-1, where FC is 'ü'; re-save it as UTF-8 or "
                        + "set dataset.encoding: latin1",
                    at: SourceLocation(file: "cities.csv", line: 2, column: 2)))
        // A cut-short three-byte sequence (E2 82, then 'x') inside a quoted field on the third line.
        let cut = Array("a,y\nok,1\n\"ab".utf8) + [0xE2, 0x82] + Array("x\",2\n".utf8)
        let error = csvError(cut)
        #expect(error?.location == SourceLocation(file: "cities.csv", line: 3, column: 4))
        #expect(error?.message.hasPrefix("invalid UTF-8: bytes E2 82 at byte 4 of the line") == true)
        // Lines end at CRLF and at a lone CR, as the CSV reader counts them.
        let crLines = Array("a,y\r\n1,2\r3,".utf8) + [0xFF] + Array("\n".utf8)
        #expect(csvError(crLines)?.location == SourceLocation(file: "cities.csv", line: 3, column: 3))
    }

    @Test func invalidUTF8InARFFIsLocated() throws {
        let arff =
            Array("@relation r\n@attribute city string\n@attribute y {a,b}\n@data\n".utf8)
            + [0x4D, 0xFC] + Array("nchen,a\n".utf8)
        let error = TestData.inputError { try ARFFReader.parse(arff, displayName: "cities.arff") }
        #expect(error?.location == SourceLocation(file: "cities.arff", line: 5, column: 2))
        #expect(error?.message.contains("dataset.encoding: latin1") == true)
        let options = TableReadOptions(encoding: .latin1)
        #expect(try ARFFReader.parse(arff, displayName: "cities.arff", options: options).columns[0] == ["München"])
    }

    @Test func latin1MapsEveryByteToOneCharacter() throws {
        let latin1 = TableReadOptions(encoding: .latin1)
        let table = try CSVReader.parse(Self.latin1Cities, displayName: "cities.csv", options: latin1)
        #expect(table.columns[0] == ["München", "Mönchen", "München", "Mönchen"])
        let allBytes = (0...255).map { UInt8($0) }
        let scalars = String(decoding: latin1ToUTF8(allBytes), as: UTF8.self).unicodeScalars.map(\.value)
        #expect(scalars == (0...255).map { UInt32($0) })
        // Valid UTF-8 read as Latin-1 is still read byte by byte: "é" (C3 A9) becomes "Ã©".
        let utf8Bytes = Array("x,y\né,a\n".utf8)
        #expect(try CSVReader.parse(utf8Bytes, displayName: "e.csv", options: latin1).columns[0] == ["Ã©"])
    }

    /// In Latin-1 the two cities are two groups (in UTF-8 with replacement they would have been one).
    @Test func latin1CitiesAreTwoGroups() throws {
        var bytes = Array("city,x,y\n".utf8)
        for row in 0..<12 {
            bytes += [0x4D, row % 2 == 0 ? 0xFC : 0xF6] + Array("nchen,\(row),\(row % 3 == 0 ? "a" : "b")\n".utf8)
        }
        let path = try TestData.write(bytes: bytes, name: "cities.csv")
        var spec = DatasetSpec(path: path, displayPath: "cities.csv", label: "y")
        spec.attributes = ["city"]
        spec.features = .auto
        spec.test = .fraction(0.25)
        #expect(
            TestData.inputError { try prepareDataset(spec) }?.location
                == SourceLocation(file: "cities.csv", line: 2, column: 2))
        spec.encoding = .latin1
        let prepared = try prepareDataset(spec)
        let city = try #require(prepared.groupings.first { $0.name == "city" })
        #expect(city.groups == ["Mönchen", "München"])
    }

    /// First invalid sequence ranges, from CPython's decoder (Tests/References/utf8_invalid_ranges.py).
    @Test func invalidSequenceRanges() {
        let cases: [([UInt8], Range<Int>?)] = [
            ([0x4D, 0xFC, 0x6E], 1..<2), ([0x61, 0x62, 0xE2, 0x82, 0x78], 2..<4), ([0xED, 0xA0, 0x80], 0..<1),
            ([0xC0, 0x80], 0..<1), ([0xF4, 0x90, 0x80, 0x80], 0..<1), ([0x6F, 0x6B, 0xF0, 0x9F, 0x98], 2..<5),
            ([0xE2, 0x82, 0xAC, 0xFF], 3..<4), (Array("Grüße, 東京 🎉".utf8), nil),
        ]
        for (bytes, expected) in cases { #expect(firstInvalidUTF8(bytes) == expected, "\(hexBytes(bytes))") }
    }
}
