/// Decompresses a raw DEFLATE stream (RFC 1951): stored, fixed-Huffman and
/// dynamic-Huffman blocks, until the block marked final.
///
/// Written for this project because no zlib module is available to the
/// `Datasets` target; it decodes one bit at a time, which is plenty for the
/// image files DietAudit reads.
enum Inflater {
    /// Base lengths for length symbols 257…285 and their extra bits (RFC 1951 §3.2.5).
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Base distances for distance symbols 0…29 and their extra bits.
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// Order in which a dynamic block lists the code-length code's lengths.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed literal/length and distance codes of block type 1.
    static let fixedCodes: (literals: HuffmanCode, distances: HuffmanCode) = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        // Fixed codes are complete by construction; `try!` cannot fail.
        let literals = try! HuffmanCode(lengths: lengths, name: "fixed literal/length")
        let distances = try! HuffmanCode(lengths: [Int](repeating: 5, count: 30), allowIncomplete: true, name: "fixed distance")
        return (literals, distances)
    }()

    /// Inflates the stream starting at `reader`'s position, appending to `output`;
    /// on return `reader` stands just after the final block.
    /// - Throws: ``InflateError`` for any malformed or truncated stream.
    static func inflate(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        var isFinal = false
        while !isFinal {
            isFinal = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try copyStoredBlock(&reader, into: &output)
            case 1: try inflateBlock(&reader, codes: fixedCodes, into: &output)
            case 2: try inflateBlock(&reader, codes: try readDynamicCodes(&reader), into: &output)
            default: throw InflateError("invalid block type 3 in the compressed data")
            }
        }
    }

    /// A stored block: LEN, its one's complement NLEN, then LEN raw bytes.
    private static func copyStoredBlock(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        reader.alignToByte()
        let length = try reader.bits(16), complement = try reader.bits(16)
        guard length == complement ^ 0xFFFF else {
            throw InflateError("stored block length \(length) does not match its complement \(complement)")
        }
        for _ in 0..<length { output.append(UInt8(try reader.bits(8))) }
    }

    /// The literal/length and distance codes a dynamic block header describes.
    private static func readDynamicCodes(_ reader: inout BitReader) throws -> (literals: HuffmanCode, distances: HuffmanCode) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw InflateError("dynamic block declares \(literalCount) literal/length and \(distanceCount) distance codes (at most 286 and 30)")
        }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[index]] = try reader.bits(3) }
        let codeLengthCode = try HuffmanCode(lengths: codeLengthLengths, name: "code-length")

        var lengths: [Int] = []
        let total = literalCount + distanceCount
        while lengths.count < total {
            let symbol = try codeLengthCode.decode(&reader)
            let value: Int, repeats: Int
            switch symbol {
            case 0..<16: value = symbol; repeats = 1
            case 16:
                guard let previous = lengths.last else { throw InflateError("code length repeat with no previous length") }
                value = previous; repeats = 3 + (try reader.bits(2))
            case 17: value = 0; repeats = 3 + (try reader.bits(3))
            default: value = 0; repeats = 11 + (try reader.bits(7))
            }
            guard lengths.count + repeats <= total else { throw InflateError("code length repeat runs past the end of the code lengths") }
            lengths.append(contentsOf: repeatElement(value, count: repeats))
        }
        guard lengths[256] > 0 else { throw InflateError("dynamic block has no end-of-block code") }
        let literals = try HuffmanCode(lengths: Array(lengths[..<literalCount]), name: "literal/length")
        let distances = try HuffmanCode(lengths: Array(lengths[literalCount...]), allowIncomplete: true, name: "distance")
        return (literals, distances)
    }

    /// Decodes literals and back-references until the end-of-block symbol 256.
    private static func inflateBlock(
        _ reader: inout BitReader, codes: (literals: HuffmanCode, distances: HuffmanCode), into output: inout [UInt8]
    ) throws {
        while true {
            let symbol = try codes.literals.decode(&reader)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else { throw InflateError("invalid length symbol \(symbol)") }
            let length = lengthBase[lengthIndex] + (try reader.bits(lengthExtra[lengthIndex]))
            let distanceSymbol = try codes.distances.decode(&reader)
            guard distanceSymbol < distanceBase.count else { throw InflateError("invalid distance symbol \(distanceSymbol)") }
            let distance = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
            guard distance <= output.count else {
                throw InflateError("a back-reference reaches \(distance) bytes back, but only \(output.count) bytes were decoded")
            }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }
}
