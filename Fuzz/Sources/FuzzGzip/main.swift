import Datasets
import FuzzSupport

/// The fuzz test: the bytes as gzip data (DEFLATE).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try ArrayFileDecoding.gunzipIfCompressed(bytes, displayName: "fuzz.gz") }
    return 0
}

runFuzzer(fuzzGzip)
