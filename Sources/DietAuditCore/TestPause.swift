import Foundation

/// A test-only hook: with the environment variable
/// `DIETAUDIT_TEST_PAUSE_AT=<stage>` set, a `dietaudit` process that reaches
/// `<stage>` writes `paused at <stage>` to stderr and then sleeps (up to ten
/// minutes), so an end-to-end test can kill it at a known moment and check
/// what the database says afterwards. Without the variable nothing happens.
/// Not a user feature: it exists only for those tests.
public enum TestPause: String, Sendable, CaseIterable {
    /// The run row is stored as `running`; nothing has been trained yet.
    case beforeTraining = "before-training"
    /// The first training epoch has ended.
    case training
    /// Inside the transaction that writes the results, before it commits.
    case writingResults = "writing-results"

    /// The environment variable naming the stage to pause at.
    public static let variable = "DIETAUDIT_TEST_PAUSE_AT"

    private static let requested = ProcessInfo.processInfo.environment[variable].flatMap(TestPause.init(rawValue:))
    private static let announced = LockedFlag()

    /// Pauses when `stage` is the one requested (see the type's description).
    public static func reached(_ stage: TestPause) {
        guard requested == stage else { return }
        // Parallel seeds can reach a stage together: announce it once, pause them all.
        if announced.setOnce() { FileHandle.standardError.write(Data("paused at \(stage.rawValue)\n".utf8)) }
        Thread.sleep(forTimeInterval: 600)
    }
}

/// A flag set at most once across threads.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    /// Sets the flag; true for the first caller only.
    func setOnce() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { isSet = true }
        return !isSet
    }
}
