import Foundation
import Testing

@testable import AuditPipeline
@testable import Storage

/// What `report` and `show` say about a run without a verdict.
@Suite struct RunNotCompleteTests {
    static func run(status: RunStatus, process: RunProcess?, message: String? = nil) -> RunRecord {
        let summary = DatasetSummary(
            path: "d.csv", sourceRows: 2, trainCount: 1, testCount: 1, featureColumns: ["x"], featureCount: 1,
            label: "y", positiveLabel: nil, groupings: [], missing: [], notes: [])
        var record = RunRecord(
            audit: "credit", startedAt: Date(timeIntervalSince1970: 0), toolVersion: "t", dataSha256: "d",
            testSha256: nil, specSha256: "s", rulesetSha256: "r", specPath: "a.yaml", specText: "",
            rulesetName: "default", rulesetPath: "(built-in default)", rulesetText: "", seed: 0, failOn: "fail",
            dataset: summary, settings: RunSettings(legacyProse: [:]))
        record.id = 7
        record.status = status
        record.process = process
        record.errorMessage = message
        return record
    }

    @Test func runningRunsSayWhetherTheyCanBeChecked() {
        let here = RunNotComplete(Self.run(status: .running, process: .current))
        #expect(
            here.description.hasPrefix(
                "run 7 (credit) is running, not complete, so it has no verdict — its process (pid "))
        #expect(here.reason.contains("is still running"))
        let farAway = RunProcess(host: "far-away", pid: 12, startTicks: 1)
        let remote = RunNotComplete(Self.run(status: .running, process: farAway))
        #expect(remote.reason.hasPrefix("it runs on host far-away (pid 12), which cannot be checked from here"))
        let unknown = RunNotComplete(Self.run(status: .running, process: nil))
        #expect(unknown.reason.hasPrefix("no process was recorded with it"))
    }

    @Test func failedAndAbandonedRunsGiveTheStoredMessage() {
        #expect(RunNotComplete(Self.run(status: .failed, process: nil, message: "boom")).reason == "it failed: boom")
        #expect(
            RunNotComplete(Self.run(status: .abandoned, process: nil, message: "abandoned: gone")).reason
                == "abandoned: gone")
    }

    @Test func incompleteOutputsNeverPass() throws {
        let run = Self.run(status: .abandoned, process: nil, message: "abandoned: gone.")
        let problem = RunNotComplete(run)
        let json = IncompleteRunOutputs.json(run, problem: problem, failOn: "fail").serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let gate = try #require(object["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false && gate["verdict"] is NSNull)
        #expect((object["run"] as? [String: Any])?["status"] as? String == "abandoned")
        #expect(IncompleteRunOutputs.junit(run, problem: problem).contains("failures=\"0\" errors=\"1\""))
        #expect(
            IncompleteRunOutputs.markdown(run, problem: problem)
                .contains("**Verdict: none** — this run is `abandoned`, not complete: abandoned: gone.\n"))
        let html = IncompleteRunOutputs.html(run, problem: problem)
        #expect(
            html.contains(
                "<p><strong>Verdict: none</strong> — this run is <code>abandoned</code>, not complete: "
                    + "abandoned: gone.</p>"))
        #expect(!html.contains("<nav"))
    }
}
