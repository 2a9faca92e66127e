import DietAuditCore
import Foundation
import Testing

@testable import Datasets

/// Shared helpers for the Datasets tests.
enum TestData {
    /// `<repo>/../shared/datasets`, resolved from this file's path.
    static let sharedDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DatasetsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
        .appendingPathComponent("../shared/datasets").standardized

    /// Path of a shared real dataset, or `nil` (with the reason recorded) when absent.
    static func shared(_ name: String) -> String? {
        let path = sharedDirectory.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipping: real dataset \(path) not found")
            return nil
        }
        return path
    }

    /// Parses CSV text.
    static func csv(_ text: String, name: String = "t.csv") throws -> Table {
        try CSVReader.parse(Array(text.utf8), displayName: name)
    }

    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    static func write(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dietaudit-datasets-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes `bytes` to a fresh temporary file named `name` and returns its path.
    static func write(bytes: [UInt8], name: String) throws -> String {
        let path = try write("", name: name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The error thrown by `body`, which must be an ``InputError``.
    static func inputError<T>(_ body: () throws -> T) -> InputError? {
        do {
            _ = try body()
            Issue.record("expected an InputError, but nothing was thrown")
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("expected an InputError, got \(error)")
            return nil
        }
    }
}

extension TestData {
    /// German credit split by position: a temporary training file with data rows
    /// 1–800 and a test file with rows 801–1000 (so reference statistics can be
    /// computed independently on the first 800 rows).
    static func germanCreditByPosition() throws -> (train: String, test: String)? {
        guard let path = shared("german_credit.csv") else { return nil }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0]
        let data = lines[1...].filter { !$0.isEmpty }
        let train = ([header] + data.prefix(800)).joined(separator: "\n") + "\n"
        let test = ([header] + data.suffix(200)).joined(separator: "\n") + "\n"
        return (try write(train, name: "german_train.csv"), try write(test, name: "german_test.csv"))
    }

    /// A spec for CSV `text` written to a temporary file named `name`.
    static func spec(csv text: String, name: String = "d.csv", label: String = "y") throws -> DatasetSpec {
        DatasetSpec(path: try write(text, name: name), displayPath: name, label: label)
    }
}
