import DietAuditTestSupport
import Foundation
import Testing

@testable import Reporting
@testable import Rules
@testable import Storage

/// SARIF 2.1.0 output of the planted run: the structure the schema requires,
/// stable fingerprints, and a snapshot.
@Suite struct SARIFReportTests {
    /// The SARIF of the planted run, parsed.
    func plantedLog() throws -> (StoredRun, [String: Any]) {
        let (_, stored) = try Fixtures.storedPlantedRun()
        let text = SARIFReport.make(stored)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (stored, object)
    }

    @Test func snapshot() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        assertSnapshot(SARIFReport.make(stored), named: "planted.sarif")
    }

    @Test func hasTheRequiredTopLevelStructure() throws {
        let (_, log) = try plantedLog()
        #expect(log["version"] as? String == "2.1.0")
        #expect(
            log["$schema"] as? String
                == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dietaudit")
        #expect(driver["version"] as? String == "test")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule of the built-in default ruleset, in its order, by its id.
        #expect(
            rules.compactMap { $0["id"] as? String }
                == ["disproportionate-removal", "over-representation", "composition-shift", "accuracy-cost"])
        #expect(
            (rules[0]["shortDescription"] as? [String: Any])?["text"] as? String
                == "A group keeps less than 4/5 of the overall retention rate.")
        #expect((rules[0]["properties"] as? [String: Any])?["metric"] as? String == "retention_ratio")
        #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    }

    @Test func everyResultHasRuleLevelMessageAndLocations() throws {
        let (stored, log) = try plantedLog()
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let ruleIds = try driverRules(run).compactMap { $0["id"] as? String }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == stored.findings.count)
        #expect(!results.isEmpty)
        let levels: [Severity: String] = [.fail: "error", .warn: "warning", .info: "note"]
        for (result, finding) in zip(results, stored.findings) {
            let ruleId = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(ruleId))
            #expect(result["ruleIndex"] as? Int == ruleIds.firstIndex(of: ruleId))
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? "?"))
            #expect(result["level"] as? String == levels[finding.severity])
            #expect(result["kind"] as? String == "fail")
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
            #expect(message == finding.message && !message.isEmpty)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let artifact = (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
            #expect(artifact?["uri"] as? String == "planted.yaml")
            let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
            let properties = try #require(result["properties"] as? [String: Any])
            #expect(properties["metric"] as? String == finding.metric)
            // Foundation's JSON parser on Linux may miss the last bit of a
            // shortest-round-trip number; the text itself is exact (see the snapshot).
            #expect(abs((properties["value"] as? Double ?? .nan) - (finding.value ?? .nan)) < 1e-12)
            #expect(properties["threshold"] as? Double == finding.threshold)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints["dietauditFinding/v1"] == SARIFReport.fingerprint(of: finding))
            #expect(logical["name"] as? String == SARIFReport.logicalName(of: finding))
        }
        // The planted skew: keep_hard by the planted score removes sex = female.
        let names = results.compactMap { result in
            let location = (result["locations"] as? [[String: Any]])?.first
            return ((location?["logicalLocations"] as? [[String: Any]])?.first)?["name"] as? String
        }
        #expect(names.contains("planted/keep_hard/0.3/sex/female"))
    }

    @Test func rendersAreDeterministicAndFingerprintsIgnoreTheValue() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        #expect(SARIFReport.make(stored) == SARIFReport.make(stored))
        let (_, again) = try Fixtures.storedPlantedRun()
        #expect(SARIFReport.make(again) == SARIFReport.make(stored))

        var moved = stored
        moved.findings[0].value? += 0.125
        moved.findings[0].severity = .warn
        moved.findings[0].message = "a different sentence"
        let before = try fingerprints(SARIFReport.make(stored)), after = try fingerprints(SARIFReport.make(moved))
        #expect(before == after)
        #expect(SARIFReport.make(moved) != SARIFReport.make(stored))

        var regrouped = stored
        regrouped.findings[0].group = (regrouped.findings[0].group ?? "") + "-other"
        let changed = try fingerprints(SARIFReport.make(regrouped))
        #expect(changed[0] != before[0])
        #expect(Array(changed.dropFirst()) == Array(before.dropFirst()))
    }

    /// Values from Tests/References/sarif_fingerprint.py (hashlib SHA-256).
    @Test func fingerprintIsTheDocumentedHash() {
        func finding(
            _ rule: String, _ score: String?, _ policy: String, _ fraction: Double?, _ group: String?
        ) -> Finding {
            Finding(
                ruleId: rule, severity: .fail, score: score, policy: policy, fraction: fraction, attribute: "sex",
                group: group, metric: "m", value: 0.5, threshold: 0.8, comparison: "below", message: "x")
        }
        #expect(
            SARIFReport.fingerprint(of: finding("disproportionate-removal", "planted", "keep_hard", 0.3, "female"))
                == "e1fe1d030b65ca3c8bd1309a40f513a65432f73750745330b1b9f34b75587e4e")
        #expect(
            SARIFReport.fingerprint(of: finding("composition-shift", "planted", "keep_hard", 0.3, nil))
                == "8f594f63bca941f6b8daf50e3433837567838aed7aeff4b44810b7b1b6e766bd")
        #expect(
            SARIFReport.fingerprint(of: finding("accuracy-cost", nil, "full", nil, "female"))
                == "80a06f703543cb80d2e46aa99992af8a5fde8e15efcf3c28e1f44dd81dacf319")
        #expect(SARIFReport.logicalName(of: finding("accuracy-cost", nil, "full", nil, nil)) == "-/full/-/sex/(all)")
    }

    @Test func unknownRuleIdsStillResolve() throws {
        let (_, stored) = try Fixtures.storedPlantedRun()
        var renamed = stored
        renamed.findings[0].ruleId = "retired-rule"
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFReport.make(renamed).utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try driverRules(run)
        #expect(rules.count == 5)
        #expect(rules.last?["id"] as? String == "retired-rule")
        #expect((run["results"] as? [[String: Any]])?.first?["ruleIndex"] as? Int == 4)
    }

    @Test func pathsBecomeURIs() {
        #expect(SARIFReport.uri(ofPath: "audits/german credit.yaml") == "audits/german%20credit.yaml")
        #expect(SARIFReport.uri(ofPath: "/work/a#b.yaml") == "file:///work/a%23b.yaml")
        #expect(SARIFReport.uri(ofPath: "audits/über.yaml") == "audits/%C3%BCber.yaml")
        #expect(SARIFReport.uri(ofPath: "./audits/a.yaml") == "audits/a.yaml")
        #expect(SARIFReport.uri(ofPath: "../specs/100%.yaml") == "../specs/100%25.yaml")
    }

    /// Validates against the published schema when `DIETAUDIT_SARIF_SCHEMA`
    /// names its file (not in the repository; see Tests/References/validate_sarif.py).
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["DIETAUDIT_SARIF_SCHEMA"] != nil,
            "skipped: set DIETAUDIT_SARIF_SCHEMA to the SARIF 2.1.0 schema file to validate against it"))
    func validatesAgainstThePublishedSchema() throws {
        let schema = try #require(ProcessInfo.processInfo.environment["DIETAUDIT_SARIF_SCHEMA"])
        let (_, stored) = try Fixtures.storedPlantedRun()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("planted-\(UUID().uuidString).sarif")
        try SARIFReport.make(stored).write(to: log, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = repositoryRoot().appendingPathComponent("Tests/References/validate_sarif.py").path
        process.arguments = ["python3", script, schema, log.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    /// `tool.driver.rules` of a SARIF run.
    func driverRules(_ run: [String: Any]) throws -> [[String: Any]] {
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        return try #require(driver?["rules"] as? [[String: Any]])
    }

    func fingerprints(_ sarif: String) throws -> [String] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["dietauditFinding/v1"] }
    }
}
