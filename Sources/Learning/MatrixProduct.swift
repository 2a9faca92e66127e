import CBLAS

/// Dense matrix products on OpenBLAS's `cblas_sgemm`: every matrix product in
/// DietAudit goes through here (portable Swift loops are 100× slower, see
/// DESIGN.md "Known traps").
///
/// All matrices are row-major `Float`. The pointer form computes
/// `C ← alpha · op(A) · op(B) + beta · C`, where `op(A)` is `m × k`, `op(B)` is
/// `k × n` and `C` is `m × n`; `op(X)` is `Xᵀ` when the matching `transpose` flag
/// is set. Leading dimensions are the stored row lengths.
public enum MatrixProduct {
    /// `C ← alpha · op(A) · op(B) + beta · C` through `cblas_sgemm`.
    /// A product with `m`, `n` or `k` equal to 0 only scales `C` by `beta`
    /// (`C` is zeroed when `beta` is 0, like BLAS).
    public static func multiply(
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool = false,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for row in 0..<m {
                let line = c + row * ldc
                for column in 0..<n { line[column] = beta == 0 ? 0 : beta * line[column] }
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha,
            a, blasint(max(lda, 1)), b, blasint(max(ldb, 1)), beta, c, blasint(max(ldc, 1)))
    }

    /// The product `A · B` of a row-major `m × k` matrix `a` and a `k × n`
    /// matrix `b`, as a new row-major `m × n` array.
    /// - Precondition: `a.count == m * k` and `b.count == k * n`.
    public static func product(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        precondition(a.count == m * k && b.count == k * n, "MatrixProduct.product: shapes do not match")
        var c = [Float](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    guard let aBase = a.baseAddress, let bBase = b.baseAddress, let cBase = c.baseAddress else {
                        return
                    }
                    multiply(a: aBase, lda: k, b: bBase, ldb: n, c: cBase, ldc: n, m: m, n: n, k: k)
                }
            }
        }
        return c
    }
}
