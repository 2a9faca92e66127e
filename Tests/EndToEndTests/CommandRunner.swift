import DietAuditCore
import DietAuditTestSupport
import Foundation

/// Runs the built `dietaudit` binary as a user would.
struct CommandResult {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
}

enum Dietaudit {
    /// The binary built next to the test bundle.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "dietaudit"),
            Bundle.main.bundleURL.appendingPathComponent("dietaudit"),
            repositoryRoot().appendingPathComponent(".build/debug/dietaudit"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs `dietaudit` with `arguments` in `directory`, with the test's
    /// environment minus CI variables that would make it write outside the
    /// workspace (`GITHUB_STEP_SUMMARY`), plus `environment`.
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws
        -> CommandResult
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        environment.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// A scratch folder with a planted-skew dataset, imported scores and specs.
struct Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dietaudit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// 400 rows: `group` B (every fourth row) has low imported scores when
    /// `planted`, uniform scores otherwise; the label is independent of the group.
    func writePlantedData(planted: Bool) throws {
        var generator = SeededGenerator(seed: 9)
        var data = ["id,x1,x2,group,label"], scores = ["id,s"]
        for row in 1...400 {
            let isB = row % 4 == 0
            let label = generator.uniform(below: 2) == 0 ? "no" : "yes"
            data.append("r\(row),\(generator.normal()),\(generator.normal()),\(isB ? "B" : "A"),\(label)")
            let score = planted && isB ? generator.unitDouble() * 0.2 : generator.unitDouble()
            scores.append("r\(row),\(score)")
        }
        try write(data.joined(separator: "\n") + "\n", to: "data.csv")
        try write(scores.joined(separator: "\n") + "\n", to: "scores.csv")
    }

    /// A fresh workspace with the planted data and ``spec`` as `planted.yaml`.
    static func planted() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.writePlantedData(planted: true)
        try workspace.write(spec, to: "planted.yaml")
        return workspace
    }

    static let spec = """
        audit: planted
        dataset:
          path: data.csv
          label: label
          id: id
          attributes: [group]
          test: {fraction: 0.2}
        model: {kind: softmax}
        training: {epochs: 2, seeds: 2}
        scores:
          - {kind: imported, path: scores.csv, column: s, id_column: id}
        pruning:
          fractions: [0.3]
          policies: [keep_hard, random]
          retrain: {seeds: 0}
        """
}
