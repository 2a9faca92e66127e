import DietAuditCore
import Foundation

/// The memory budget for one slice of imported training records: a slice of
/// rows of one (seed, epoch) slab is at most this many bytes of values.
///
/// Set by the environment variable `DIETAUDIT_MEMORY_LIMIT`: a whole number of
/// bytes, optionally followed by `K`, `M` or `G` (powers of 1024, case
/// insensitive, an optional trailing `B` or `iB`), e.g. `512M`. Default 64 MiB.
/// Smaller budgets read more, smaller slices and give the same scores.
public enum MemoryLimit {
    /// The environment variable that sets the budget.
    public static let variable = "DIETAUDIT_MEMORY_LIMIT"
    /// 64 MiB.
    public static let defaultBytes = 64 << 20

    /// The budget from the environment, or the default.
    /// - Throws: ``InputError`` naming the variable when its value cannot be read.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Int
    {
        guard let text = environment[variable] else { return defaultBytes }
        guard let bytes = parse(text) else {
            throw InputError(
                "\(variable) is '\(text)'; expected a positive number of bytes, optionally with K, M or G "
                    + "(powers of 1024), e.g. 512M",
                at: SourceLocation(file: "environment", key: variable))
        }
        return bytes
    }

    /// Bytes from text such as `4096`, `64K`, `512M`, `2GiB`; `nil` when unreadable or not positive.
    public static func parse(_ text: String) -> Int? {
        var body = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where body.hasSuffix(suffix) && body.count > suffix.count {
            body.removeLast(suffix.count)
            break
        }
        let scales: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var scale = 1
        if let last = body.last, let factor = scales[last] {
            scale = factor
            body.removeLast()
        }
        guard let number = Int(body), number > 0 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }
}
