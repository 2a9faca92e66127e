import Datasets
import FuzzSupport

/// The fuzz test: the bytes as an NPY file (gzip-compressed or not).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzNPY(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try ArrayFileDecoding.decodeNPY(bytes, displayName: "fuzz.npy") }
    return 0
}

runFuzzer(fuzzNPY)
