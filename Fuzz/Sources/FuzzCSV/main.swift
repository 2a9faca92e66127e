import Datasets
import FuzzSupport

/// The fuzz test: the bytes as a CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    expectCleanRejection { _ = try CSVReader.parse(bytes, displayName: "fuzz.csv") }
    return 0
}

runFuzzer(fuzzCSV)
