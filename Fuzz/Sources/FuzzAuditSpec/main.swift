import AuditPipeline
import Foundation
import FuzzSupport

/// The fuzz test: the bytes as audit spec YAML text.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzAuditSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let folder = URL(fileURLWithPath: "/nonexistent")
    let text = String(decoding: bytes, as: UTF8.self)
    expectCleanRejection { _ = try AuditSpec.parse(text, file: "fuzz.yaml", folder: folder) }
    return 0
}

runFuzzer(fuzzAuditSpec)
