import Foundation
import Testing

@testable import AuditPipeline
@testable import Datasets
@testable import DietAuditCore

/// `dataset.encoding` and `dataset.missing_values` in the audit spec.
@Suite struct DatasetTextSpecTests {
    func parse(_ dataset: String) throws -> DatasetSpec {
        let text = "audit: x\ndataset:\n  path: d.csv\n  label: y\n" + dataset + "training: {}\n"
        return try AuditSpec.parse(text, file: "a.yaml", folder: URL(fileURLWithPath: "/specs")).dataset
    }

    func message(_ dataset: String) -> String? {
        do {
            _ = try parse(dataset)
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func defaultsAndValues() throws {
        let plain = try parse("")
        #expect(plain.encoding == .utf8 && plain.missingValues.isEmpty)
        let spec = try parse("  encoding: latin1\n  missing_values: [\"NA\", \"?\", \"-\"]\n")
        #expect(spec.encoding == .latin1)
        #expect(spec.missingValues == ["NA", "?", "-"])
        #expect(
            spec.specLocations["encoding"]
                == SourceLocation(file: "a.yaml", line: 5, column: 13, key: "dataset.encoding"))
    }

    @Test func unknownEncodingIsLocatedWithDidYouMean() {
        #expect(
            message("  encoding: utf-8\n")
                == "a.yaml:5:13: dataset.encoding: 'utf-8' is not allowed; expected one of 'utf8', 'latin1'; "
                + "did you mean 'utf8'?")
        #expect(message("  encoding: latin-1\n")?.hasSuffix("did you mean 'latin1'?") == true)
    }

    @Test func emptyMissingTokenIsRejected() {
        #expect(
            message("  missing_values: [\"\", NA]\n")?
                .hasPrefix("a.yaml:5:19: dataset.missing_values: an empty field is always missing") == true)
        #expect(message("  missing_valus: [NA]\n")?.contains("did you mean 'missing_values'?") == true)
    }
}
