import Foundation

@testable import AuditPipeline
@testable import DietAuditCore

/// Parses spec text as if it were `/specs/a.yaml` (paths resolve against
/// `/specs`), as a spec that trains: when the text has neither `model` nor
/// `training` (which would make it audit-only), an empty `training` section is
/// appended last, so every line number of the text stays.
func parseSpec(_ text: String) throws -> AuditSpec {
    let trains = text.contains("model:") || text.contains("training:")
    return try AuditSpec.parse(
        trains ? text : text + "\ntraining: {}\n", file: "a.yaml", folder: URL(fileURLWithPath: "/specs"))
}

/// The located message of the `InputError` that parsing `text` throws, `nil`
/// when it parses, or "unexpected …" for any other error.
func specErrorMessage(_ text: String) -> String? {
    do {
        _ = try parseSpec(text)
        return nil
    } catch let error as InputError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}
