import FuzzSupport
import Rules

/// The fuzz test: the bytes as ruleset YAML text.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRuleset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try Ruleset.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml") }
    return 0
}

runFuzzer(fuzzRuleset)
