/// Branch-free element-wise loops over raw `Float` buffers, written with
/// `SIMD16<Float>` so they compile to packed instructions even for the
/// baseline x86-64 target (no per-element branches, bounds checks or calls).
///
/// Each kernel performs, per element, exactly the floating-point operations of
/// the plain scalar loop it replaces, in the same order, so results are
/// bit-identical to it (no fused multiply-add is formed: Swift never contracts
/// `a * b + c`). Only ``squaredNorm(_:count:)`` sums in a different order
/// (16 partial sums), documented there.
///
/// Unaligned loads and stores go through `UnsafeRawPointer`; the last
/// `count mod 16` elements run the same operation one at a time.
enum VectorKernels {
    /// Lanes per vector step.
    @usableFromInline static let lanes = 16

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always)
    static func store(_ value: SIMD16<Float>, to pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD16<Float>.self)
    }

    /// Adds `bias` (`width` values) to each of `rows` consecutive rows of
    /// `values` (row length `width`) and, with `relu`, sets every sum that is
    /// `< 0` to 0 in the same pass: `x ← max(x + b, 0)` (a NaN stays NaN,
    /// `−0` stays `−0`, as with the test `x < 0`).
    static func addBias(
        _ values: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        bias: UnsafePointer<Float>, relu: Bool
    ) {
        let vectorEnd = width - width % lanes
        for row in 0..<rows {
            let line = values + row * width
            var column = 0
            while column < vectorEnd {
                var sum = load(line + column) + load(bias + column)
                if relu { sum.replace(with: 0, where: sum .< 0) }
                store(sum, to: line + column)
                column += lanes
            }
            while column < width {
                let sum = line[column] + bias[column]
                line[column] = relu && sum < 0 ? 0 : sum
                column += 1
            }
        }
    }

    /// `x ← 0` wherever `x < 0`, over `count` values (ReLU in place).
    static func relu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let vectorEnd = count - count % lanes
        var index = 0
        while index < vectorEnd {
            var value = load(values + index)
            value.replace(with: 0, where: value .< 0)
            store(value, to: values + index)
            index += lanes
        }
        while index < count {
            if values[index] < 0 { values[index] = 0 }
            index += 1
        }
    }

    /// `δ_i ← 0` wherever `a_i ≤ 0`, over `count` values: the ReLU derivative
    /// mask applied to the deltas `δ` of a layer whose activations are `a`.
    static func maskWherePositive(_ deltas: UnsafeMutablePointer<Float>, activations: UnsafePointer<Float>, count: Int)
    {
        let vectorEnd = count - count % lanes
        var index = 0
        while index < vectorEnd {
            var delta = load(deltas + index)
            delta.replace(with: 0, where: load(activations + index) .<= 0)
            store(delta, to: deltas + index)
            index += lanes
        }
        while index < count {
            if activations[index] <= 0 { deltas[index] = 0 }
            index += 1
        }
    }

    /// `result[c] = scale · Σ_r values[r · stride + c]` for `c < columns`,
    /// summed over rows in order (row 0 first) and scaled once at the end:
    /// the bias gradient of a batch of deltas.
    static func columnSums(
        _ values: UnsafePointer<Float>, rows: Int, columns: Int, stride: Int, scale: Float,
        into result: UnsafeMutablePointer<Float>
    ) {
        result.update(repeating: 0, count: columns)
        let vectorEnd = columns - columns % lanes
        for row in 0..<rows {
            let line = values + row * stride
            var column = 0
            while column < vectorEnd {
                store(load(result + column) + load(line + column), to: result + column)
                column += lanes
            }
            while column < columns {
                result[column] += line[column]
                column += 1
            }
        }
        var column = 0
        while column < vectorEnd {
            store(load(result + column) * scale, to: result + column)
            column += lanes
        }
        while column < columns {
            result[column] *= scale
            column += 1
        }
    }

    /// `Σ x_i²` of `count` floats. Accumulated in `Float` in 16 interleaved
    /// partial sums (element `i` goes to sum `i mod 16`; the tail to the
    /// first), which are added in `Double` at the end. For `count` up to a few
    /// thousand values of similar size the relative rounding error stays
    /// below about `count/16 · 2⁻²⁴`.
    static func squaredNorm(_ values: UnsafePointer<Float>, count: Int) -> Double {
        let vectorEnd = count - count % lanes
        var partial = SIMD16<Float>()
        var index = 0
        while index < vectorEnd {
            let value = load(values + index)
            partial += value * value
            index += lanes
        }
        var tail: Float = 0
        while index < count {
            tail += values[index] * values[index]
            index += 1
        }
        var sum = Double(tail)
        for lane in 0..<lanes { sum += Double(partial[lane]) }
        return sum
    }
}

extension VectorKernels {
    /// `target[i] ← target[i] + values[i]` for `count` values.
    static func add(_ values: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        let vectorEnd = count - count % lanes
        var index = 0
        while index < vectorEnd {
            store(load(target + index) + load(values + index), to: target + index)
            index += lanes
        }
        while index < count {
            target[index] += values[index]
            index += 1
        }
    }
}
