import Foundation

/// How numbers are written in messages, findings and reports, so the same
/// value reads the same everywhere.
public enum NumberFormatting {
    /// A metric value with `digits` significant digits (`0.623`, `1.2e-05`,
    /// `45.1`); integers stay integers up to 10¹⁵; `nil` prints as `—`.
    public static func metric(_ value: Double?, digits: Int = 3) -> String {
        guard let value else { return "—" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.\(digits)g", value)
    }

    /// A number as short as it can be written without losing its value
    /// (`0.8`, `20`, `1e-05`), for thresholds the user wrote.
    /// `nil` (no limit, as on some insufficient-evidence findings) is "—".
    public static func exact(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A fraction in [0, 1] as a percentage: `0.3` → `30%`, `0.125` → `12.5%`.
    public static func percent(_ fraction: Double, digits: Int = 1) -> String {
        let value = fraction * 100
        if value == value.rounded() { return "\(Int(value))%" }
        return String(format: "%.\(digits)f%%", value)
    }
}
