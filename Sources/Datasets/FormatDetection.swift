/// The format a file name implies, or `nil` when it implies none.
///
/// - `.csv` → csv, `.arff` → arff, `.npy` → npy;
/// - IDX: a name ending in `.idx` or `-ubyte` (which covers MNIST's
///   `.idx3-ubyte` / `.idx1-ubyte` and `train-images-idx3-ubyte`), also with a
///   trailing `.gz` (gzip, decompressed in process).
///
/// Case is ignored.
public func detectFormat(fileName: String) -> DataFormat? {
    var name = baseName(of: fileName).lowercased()
    let gzipped = name.hasSuffix(".gz")
    if gzipped { name.removeLast(3) }
    if name.hasSuffix(".idx") || name.hasSuffix("-ubyte") { return .idx }
    guard !gzipped, let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...] {
    case "csv": return .csv
    case "arff": return .arff
    case "npy": return .npy
    default: return nil
    }
}
