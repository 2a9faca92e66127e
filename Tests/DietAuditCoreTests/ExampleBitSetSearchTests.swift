import DietAuditCore
import Testing

/// The word-scanning searches of ``ExampleBitSet`` agree with a bit-by-bit
/// scan, across word boundaries, at both ends and on empty stretches.
@Suite struct ExampleBitSetSearchTests {
    @Test(arguments: [1, 63, 64, 65, 200, 1000])
    func searchesMatchABitByBitScan(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count), stream: "bitset-search")
        // Sparse: long empty stretches, several whole empty words.
        let flags = (0..<count).map { _ in generator.next() % 97 == 0 }
        var bits = ExampleBitSet(flags)
        if count > 1 { bits.insert(count - 1) }
        let set = (0..<count).filter { bits[$0] }
        for index in 0..<count {
            #expect(bits.lastSetIndex(atOrBefore: index) == set.last { $0 <= index }, "last at or before \(index)")
        }
        for index in -1..<count {
            #expect(bits.firstSetIndex(after: index) == set.first { $0 > index }, "first after \(index)")
        }
    }

    @Test func removeClearsOneBit() {
        var bits = ExampleBitSet([true, true, false, true])
        bits.remove(1)
        bits.remove(2)
        #expect(Array(bits) == [true, false, false, true])
        #expect(bits.firstSetIndex(after: 0) == 3)
        #expect(bits.lastSetIndex(atOrBefore: 2) == 0)
    }
}
