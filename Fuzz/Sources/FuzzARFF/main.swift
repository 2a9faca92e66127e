import Datasets
import FuzzSupport

/// The fuzz test: the bytes as an ARFF file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzARFF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try ARFFReader.parse(bytes, displayName: "fuzz.arff") }
    return 0
}

runFuzzer(fuzzARFF)
