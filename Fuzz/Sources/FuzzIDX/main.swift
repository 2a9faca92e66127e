import Datasets
import FuzzSupport

/// The fuzz test: the bytes as an IDX file (gzip-compressed or not).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzIDX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try ArrayFileDecoding.decodeIDX(bytes, displayName: "fuzz.idx") }
    return 0
}

runFuzzer(fuzzIDX)
