import Foundation
import Testing

@testable import Storage

/// Reuse payloads give back every value bit for bit, and refuse damaged bytes.
@Suite struct ReusePayloadTests {
    @Test func roundTripsBitForBit() throws {
        let awkward: [Double] = [
            0, -0.0, Double.leastNormalMagnitude / 8, .pi, -.greatestFiniteMagnitude, 0.1 + 0.2, 3,
        ]
        let data = ReusePayload.encode([("el2n@2", awkward), ("", []), ("grand@0", [42])])
        // 3 names (6 + 0 + 7 bytes) with 4-byte lengths, 3 counts of 8 bytes, 8 values of 8 bytes.
        #expect(data.count == 13 + 3 * 4 + 3 * 8 + 8 * 8)
        let decoded = try #require(ReusePayload.decode(data))
        #expect(decoded.keys.sorted() == ["", "el2n@2", "grand@0"])
        #expect(decoded["el2n@2"]!.map(\.bitPattern) == awkward.map(\.bitPattern))
        #expect(decoded[""] == [] && decoded["grand@0"] == [42])
        #expect(ReusePayload.classIndices([0, 1, 2]) == [0, 1, 2])
        #expect(ReusePayload.classIndices([0, 1.5]) == nil)
        #expect(ReusePayload.classIndices([-1]) == nil)
    }

    @Test func damagedBytesAreRefused() {
        let data = ReusePayload.encode([("aum", [1, 2, 3])])
        #expect(ReusePayload.decode(data.dropLast()) == nil)
        #expect(ReusePayload.decode(data.prefix(2)) == nil)
        var longName = data
        longName[0] = 200  // the name claims 200 bytes
        #expect(ReusePayload.decode(longName) == nil)
        #expect(ReusePayload.decode(Data()) == [:])
    }
}
