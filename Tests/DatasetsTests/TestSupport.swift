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
