import Foundation
import Testing

/// Compares `actual` with the snapshot file `name` in the `__Snapshots__`
/// folder beside the calling test file. With `DIETAUDIT_RECORD_SNAPSHOTS=1`
/// in the environment (or when the file does not exist yet) the snapshot is
/// written instead and the test records an issue so a recording never passes
/// silently.
public func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = folder.appendingPathComponent(name)
    let environment = ProcessInfo.processInfo.environment
    let record = environment["DIETAUDIT_RECORD_SNAPSHOTS"] == "1" || environment["DIETAUDIT_UPDATE_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); run the tests again", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let firstDifference =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = firstDifference < actualLines.count ? actualLines[firstDifference] : "(end)"
        let want = firstDifference < expectedLines.count ? expectedLines[firstDifference] : "(end)"
        let message =
            "snapshot \(name) differs at line \(firstDifference + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "(set DIETAUDIT_RECORD_SNAPSHOTS=1 to re-record after checking the change)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// The repository root, found from a test file's path (`Tests/<Target>/<file>`).
public func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
