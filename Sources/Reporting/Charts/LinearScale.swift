import Foundation

/// Maps a data interval onto a pixel interval (which may run backwards, as a
/// vertical axis does), and chooses round tick values.
struct LinearScale {
    var domain: ClosedRange<Double>
    /// Pixel positions of the domain's lower and upper ends.
    var start: Double
    var end: Double

    /// The pixel position of `value`, clamped to the domain.
    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (start + end) / 2 }
        let clamped = min(max(value, domain.lowerBound), domain.upperBound)
        return start + (clamped - domain.lowerBound) / span * (end - start)
    }

    /// About `count` round values (steps of 1, 2, 2.5 or 5 times a power of
    /// ten) spanning the domain, computed from integers so they print exactly.
    func ticks(count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return [domain.lowerBound] }
        let rough = span / Double(max(1, count))
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = (domain.lowerBound / step).rounded(.up), last = (domain.upperBound / step).rounded(.down)
        guard first <= last, last - first < 100 else { return [domain.lowerBound, domain.upperBound] }
        return stride(from: first, through: last, by: 1).map { Self.multiple($0, of: step) }
    }

    /// k · step, computed as k / (1/step) when 1/step is a whole number, so
    /// `6 · 0.1` comes out as `0.6`, not `0.6000000000000001`.
    static func multiple(_ k: Double, of step: Double) -> Double {
        let inverse = (1 / step).rounded()
        return step < 1 && abs(inverse * step - 1) < 1e-9 ? k / inverse : k * step
    }

    /// A domain covering `values` widened to round ends (multiples of the
    /// tick step of about five ticks); `[0, 1]` for no values, a unit-wide
    /// interval around a single value.
    static func niceDomain(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return 0...1 }
        if high - low < 1e-12 {
            let pad = max(abs(low) * 0.1, 0.5)
            low -= pad
            high += pad
        }
        let rough = (high - low) / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return multiple((low / step).rounded(.down), of: step)...multiple((high / step).rounded(.up), of: step)
    }
}
