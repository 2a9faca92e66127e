import DietAuditTestSupport
import Foundation
import Testing

/// `--help` is part of the interface: snapshot it.
@Suite struct HelpTests {
    @Test(arguments: [
        ["--help"], ["run", "--help"], ["runs", "--help"], ["report", "--help"], ["export", "scores", "--help"],
        ["validate", "--help"], ["show", "--help"], ["diff", "--help"], ["rules", "--help"],
        ["rules", "check", "--help"], ["rules", "metrics", "--help"],
    ])
    func helpText(arguments: [String]) throws {
        let result = try Dietaudit.run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(result.exitCode == 0)
        let name = arguments.filter { $0 != "--help" }.joined(separator: "-")
        assertSnapshot(result.standardOutput, named: "help-\(name.isEmpty ? "root" : name).txt")
    }
}
