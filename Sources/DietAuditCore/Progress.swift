/// Receives progress of long steps (training, scoring, auditing) so the CLI can
/// show it on stderr. Library code never prints.
public protocol ProgressReporter: AnyObject {
    /// A new step starts, e.g. `"scoring el2n@2, seed 3 of 5"`.
    func begin(_ step: String)
    /// The step is `done` of `total` units through.
    func advance(_ done: Int, of total: Int)
    /// The step is `done` of `total` units through, with what was done in
    /// words (`"4,000,000 rows"`); by default the words are dropped.
    func advance(_ done: Int, of total: Int, detail: String)
    /// A note the user should see (a warning, a skipped item).
    func note(_ message: String)
}

extension ProgressReporter {
    public func advance(_ done: Int, of total: Int, detail: String) {
        advance(done, of: total)
    }
}

/// Discards all progress; the default in library calls and tests.
public final class SilentProgress: ProgressReporter {
    public init() {}
    public func begin(_ step: String) {}
    public func advance(_ done: Int, of total: Int) {}
    public func note(_ message: String) {}
}
