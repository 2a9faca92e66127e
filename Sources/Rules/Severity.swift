/// How serious a finding is. Ordered: `info` < `warn` < `fail`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warn, fail

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warn: 1
        case .fail: 2
        }
    }
}
