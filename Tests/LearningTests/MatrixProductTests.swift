import DietAuditCore
import Testing

@testable import Learning

@Suite struct MatrixProductTests {
    /// A naive triple loop in Double, the reference for the sgemm wrapper.
    static func naive(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int, transposeA: Bool, transposeB: Bool)
        -> [Double]
    {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let x = transposeA ? a[p * m + i] : a[i * k + p]
                    let y = transposeB ? b[j * k + p] : b[p * n + j]
                    sum += Double(x) * Double(y)
                }
                c[i * n + j] = sum
            }
        }
        return c
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sgemmMatchesNaiveProduct(transposeA: Bool, transposeB: Bool) {
        let (m, k, n) = (7, 5, 9)
        var generator = SeededGenerator(seed: 3, stream: "matrices")
        let a = (0..<(m * k)).map { _ in Float(generator.normal()) }
        let b = (0..<(k * n)).map { _ in Float(generator.normal()) }
        var c = [Float](repeating: 1, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    MatrixProduct.multiply(
                        a: a.baseAddress!, lda: transposeA ? m : k, transposeA: transposeA,
                        b: b.baseAddress!, ldb: transposeB ? k : n, transposeB: transposeB,
                        c: c.baseAddress!, ldc: n, m: m, n: n, k: k, alpha: 2, beta: 0.5)
                }
            }
        }
        let reference = Self.naive(a, b, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
        for index in 0..<(m * n) {
            #expect(abs(Double(c[index]) - (2 * reference[index] + 0.5)) < 1e-4)
        }
    }

    /// numpy: `np.array([[1,2,3],[4,5,6]]) @ np.array([[7,8],[9,10],[11,12]])` = [[58, 64], [139, 154]]
    /// (Tests/References/learning_rate_schedules.py).
    @Test func productOfSmallMatrices() {
        let c = MatrixProduct.product([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], m: 2, k: 3, n: 2)
        #expect(c == [58, 64, 139, 154])
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let c = MatrixProduct.product([], [], m: 2, k: 0, n: 3)
        #expect(c == [Float](repeating: 0, count: 6))
    }
}
