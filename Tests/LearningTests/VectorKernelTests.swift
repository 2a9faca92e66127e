import DietAuditCore
import Testing

@testable import Learning

/// The vectorised element-wise kernels give exactly the bits of the plain
/// scalar loops they replace (the reference loops are written out here), on
/// lengths that exercise both the 16-lane part and the scalar tail, with the
/// special values ReLU must respect (NaN, −0, exact zeros).
@Suite struct VectorKernelTests {
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed, stream: "kernels")
        return (0..<count).map { _ in Float(generator.normal()) }
    }

    static func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test(arguments: [1, 15, 16, 37, 64])
    func addBiasWithReluMatchesScalarLoop(width: Int) {
        let rows = 3
        var values = Self.values(rows * width, seed: UInt64(width))
        values[0] = -.zero
        if values.count > 2 { values[2] = .nan }
        let bias = Self.values(width, seed: 99)
        var expectedRelu = values, expectedPlain = values
        for row in 0..<rows {
            for column in 0..<width {
                let sum = values[row * width + column] + bias[column]
                expectedPlain[row * width + column] = sum
                expectedRelu[row * width + column] = sum < 0 ? 0 : sum
            }
        }
        var relu = values, plain = values
        bias.withUnsafeBufferPointer { bias in
            relu.withUnsafeMutableBufferPointer {
                VectorKernels.addBias($0.baseAddress!, rows: rows, width: width, bias: bias.baseAddress!, relu: true)
            }
            plain.withUnsafeMutableBufferPointer {
                VectorKernels.addBias($0.baseAddress!, rows: rows, width: width, bias: bias.baseAddress!, relu: false)
            }
        }
        #expect(Self.sameBits(relu, expectedRelu))
        #expect(Self.sameBits(plain, expectedPlain))
    }

    /// δ is zeroed exactly where a ≤ 0 (−0 and 0 included, NaN not).
    @Test(arguments: [5, 16, 45])
    func maskMatchesScalarLoop(count: Int) {
        var activations = Self.values(count, seed: 3)
        activations[0] = 0
        activations[1] = -.zero
        activations[2] = .nan
        let deltas = Self.values(count, seed: 4)
        var expected = deltas
        for index in 0..<count where activations[index] <= 0 { expected[index] = 0 }
        var masked = deltas
        activations.withUnsafeBufferPointer { a in
            masked.withUnsafeMutableBufferPointer {
                VectorKernels.maskWherePositive($0.baseAddress!, activations: a.baseAddress!, count: count)
            }
        }
        #expect(Self.sameBits(masked, expected))
        #expect(masked[0] == 0 && masked[1] == 0 && masked[2] == deltas[2])
    }

    /// Column sums over rows in order, then one scaling, of a sub-block
    /// (`columns` < `stride`), and the element-wise sum.
    @Test func columnSumsAndAddMatchScalarLoops() {
        let (rows, stride, columns) = (7, 40, 35)
        let values = Self.values(rows * stride, seed: 5)
        var expected = [Float](repeating: 0, count: columns)
        for row in 0..<rows { for c in 0..<columns { expected[c] += values[row * stride + c] } }
        for c in 0..<columns { expected[c] *= 0.125 }
        var sums = [Float](repeating: .nan, count: columns)
        values.withUnsafeBufferPointer { v in
            sums.withUnsafeMutableBufferPointer {
                VectorKernels.columnSums(
                    v.baseAddress!, rows: rows, columns: columns, stride: stride, scale: 0.125,
                    into: $0.baseAddress!)
            }
        }
        #expect(Self.sameBits(sums, expected))

        let other = Self.values(columns, seed: 6)
        var total = sums
        other.withUnsafeBufferPointer { o in
            total.withUnsafeMutableBufferPointer {
                VectorKernels.add(o.baseAddress!, into: $0.baseAddress!, count: columns)
            }
        }
        #expect(Self.sameBits(total, zip(sums, other).map { $0 + $1 }))
    }

    /// Σ x² of 1,000 values 1…1000 / 1000: the closed form
    /// Σ k² = n(n+1)(2n+1)/6 = 333,833,500 for n = 1000, divided by 10⁶,
    /// i.e. 333.8335 (up to the rounding of each k/1000 to Float: 1e-5
    /// relative); and a plain Double sum of random values (1e-6 relative).
    @Test func squaredNormMatchesClosedFormAndDoubleSum() {
        let ramp = (1...1000).map { Float($0) / 1000 }
        let norm = ramp.withUnsafeBufferPointer { VectorKernels.squaredNorm($0.baseAddress!, count: 1000) }
        #expect(abs(norm - 333.8335) < 333.8335 * 1e-5)
        let values = Self.values(1_001, seed: 7)
        let reference = values.reduce(0.0) { $0 + Double($1) * Double($1) }
        let fast = values.withUnsafeBufferPointer { VectorKernels.squaredNorm($0.baseAddress!, count: values.count) }
        #expect(abs(fast - reference) < reference * 1e-6)
        #expect(VectorKernels.squaredNorm(values, count: 0) == 0)
    }
}
