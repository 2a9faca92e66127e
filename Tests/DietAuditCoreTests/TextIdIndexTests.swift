import DietAuditCore
import Testing

/// ``TextIdIndex`` finds what a `Dictionary` finds: the first position of
/// every id (short, long, multi-byte, empty), `nil` for absent ids, and the
/// first repeated position.
@Suite struct TextIdIndexTests {
    @Test func positionsMatchADictionary() {
        var generator = SeededGenerator(seed: 4, stream: "text-ids")
        let ids = (0..<20_000).map { index -> String in
            switch generator.next() % 4 {
            case 0: "img_\(generator.next() % 15_000)"  // repeats among these
            case 1: "n01440764_\(index)_" + String(repeating: "x", count: index % 40)  // longer than 15 bytes
            case 2: "müsli-\(index)"
            default: index == 3 ? "" : "\(index)"
            }
        }
        let index = TextIdIndex(ids)
        var first: [String: Int] = [:]
        var firstRepeat: Int?
        for (position, id) in ids.enumerated() {
            if first[id] == nil { first[id] = position } else if firstRepeat == nil { firstRepeat = position }
        }
        #expect(firstRepeat != nil, "the ids must repeat for this test to bite")
        #expect(index.firstRepeat == firstRepeat)
        for id in Set(ids) { #expect(index.position(of: id) == first[id], "\(id)") }
        for absent in ["img_15000", "müsli", "x", " 12", "n01440764_"] {
            #expect(index.position(of: absent) == nil, "\(absent)")
        }
    }

    @Test func emptyIndexFindsNothing() {
        let index = TextIdIndex([])
        #expect(index.position(of: "a") == nil && index.firstRepeat == nil)
    }
}
