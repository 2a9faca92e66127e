import CLibFuzzer
import DietAuditCore
import Foundation

/// The input libFuzzer hands to `LLVMFuzzerTestOneInput`, as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Runs `parse` on one fuzz input. Accepting the input or rejecting it with an
/// ``InputError`` (a located message for the user) are both fine; any other
/// error is a defect and stops the fuzzer like a crash does. Traps (overflow,
/// out-of-range index, force unwrap) and sanitizer reports stop it by themselves.
public func expectCleanRejection(_ parse: () throws -> Void) {
    do {
        try parse()
    } catch is InputError {
        return
    } catch {
        fatalError("input rejected without an InputError: \(type(of: error)): \(error)")
    }
}

/// Runs libFuzzer with `test` as the target and the process's command line as
/// libFuzzer's flags (`-max_total_time=60`, corpus directories…), then exits
/// with libFuzzer's exit code. Called from each target's `main.swift`.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
