import DietAuditCore
import Testing

/// MD5 against Python's hashlib (Tests/References/md5_keys.py): the RFC 1321
/// test suite, the padding boundaries (55, 56 and 64 bytes) and multi-byte UTF-8.
@Suite struct MD5Tests {
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("0:ties:el2n@2:17", "b623be3c2997d923c447f364adfdffb5"),
        ("0:random:1", "6c29b46c9d906b8f6bef1b5ad5a6dc9e"),
        (String(repeating: "x", count: 55), "04364420e25c512fd958a70738aa8f72"),
        (String(repeating: "y", count: 56), "6c830a5d23df58dbe0171eb5639bf3e4"),
        (String(repeating: "z", count: 64), "3ecc49f9d9d6c263b4f0de7fc3f38aed"),
        (String(repeating: "é×", count: 40), "87058c2d71bd92819b6f8dd27be9c77c"),
    ])
    func digestMatchesHashlib(text: String, expected: String) {
        #expect(MD5.hex(text) == expected)
    }

    /// The key is the digest of "seed:stream:id", ordered as its hex text is.
    @Test func exampleKeyOrdersAsHexText() {
        let key = ExampleKey(seed: 0, stream: "ties:el2n@2", id: "17")
        #expect(key.high == 0xb623_be3c_2997_d923)
        #expect(key.low == 0xc447_f364_adfd_ffb5)
        let ids = (1...200).map(String.init)
        let byKey = ids.sorted {
            ExampleKey(seed: 3, stream: "random", id: $0) < ExampleKey(seed: 3, stream: "random", id: $1)
        }
        let byHex = ids.sorted { MD5.hex("3:random:\($0)") < MD5.hex("3:random:\($1)") }
        #expect(byKey == byHex)
    }

    /// The bulk keys (one reused buffer, split over the cores) equal the keys
    /// of each id's text: integer ids (negative, zero, 19 digits, `Int64.min`, with prefixes short
    /// enough for the one-block path and too long for it), text ids
    /// (multi-byte, longer than one MD5 block) and 1-based positions.
    @Test func bulkKeysEqualKeysOfEachId() {
        let integers: [Int64] = (0..<70_000).map { Int64($0) * 7919 - 50_000 } + [Int64.max, Int64.min + 1, 0]
        let integerKeys = ExampleKey.keys(
            seed: 5, stream: "random", ids: ExampleIds(integers: integers), count: integers.count)
        #expect(integerKeys == integers.map { ExampleKey(seed: 5, stream: "random", id: String($0)) })
        // A prefix of 36 bytes or more leaves no room for every Int64 in one block: the general path.
        let longStream = "ties:a-score-with-a-rather-long-name@20"
        let extremes: [Int64] = [Int64.min, Int64.max, -1, 0, 42]
        for seed: UInt64 in [0, UInt64.max] {
            for stream in ["random", longStream] {
                let keys = ExampleKey.keys(seed: seed, stream: stream, ids: ExampleIds(integers: extremes), count: 5)
                #expect(keys == extremes.map { ExampleKey(seed: seed, stream: stream, id: String($0)) })
            }
        }
        let texts = (0..<300).map { "médecin-\($0)-" + String(repeating: "x", count: $0 % 90) }
        let textKeys = ExampleKey.keys(seed: 2, stream: "ties:aum", ids: ExampleIds(texts), count: texts.count)
        #expect(textKeys == texts.map { ExampleKey(seed: 2, stream: "ties:aum", id: $0) })
        let positions = ExampleKey.keys(seed: 0, stream: "random", ids: nil, count: 12)
        #expect(positions == (1...12).map { ExampleKey(seed: 0, stream: "random", id: String($0)) })
    }
}
