import Foundation

@testable import AuditPipeline
@testable import DietAuditCore

/// Parses spec text as if it were `/specs/a.yaml` (paths resolve against `/specs`).
func parseSpec(_ text: String) throws -> AuditSpec {
    try AuditSpec.parse(text, file: "a.yaml", folder: URL(fileURLWithPath: "/specs"))
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
