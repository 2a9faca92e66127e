import ArgumentParser
import Rules

/// `--fail-on info|warn|fail|never`.
enum FailOnLevel: String, ExpressibleByArgument, CaseIterable {
    case info, warn, fail, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}
