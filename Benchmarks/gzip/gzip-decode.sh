#!/usr/bin/env bash
# Times gzip decoding of IDX files with the hand-written DEFLATE decoder that
# Datasets used until zlib replaced it, and with the zlib-based `Gzip` of this
# worktree, in one release process (same inputs, same run, outputs compared).
#
#   Benchmarks/gzip/gzip-decode.sh            # OLD_REF defaults to the last commit with the old decoder
#   OLD_REF=<commit> RUNS=5 Benchmarks/gzip/gzip-decode.sh
#
# It builds a throwaway SwiftPM package in a temporary directory holding
#   HandwrittenGzip: Gzip/Inflater/HuffmanCode/BitReader/CRC32/InflateError.swift at OLD_REF,
#   ZlibGzip:        Sources/Datasets/Gzip.swift and InflateError.swift of this worktree (+ Sources/CZlib),
# and generates the inputs with make_idx.py (python3 + numpy). Prints the best and
# median of RUNS decodes per file and decoder, and the best in MB/s of decompressed
# data; stops if the two decoders' outputs differ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
old_ref="${OLD_REF:-84d232f}"
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/data" "$work/pkg/Sources/HandwrittenGzip" "$work/pkg/Sources/ZlibGzip" "$work/pkg/Sources/GzipDecode"
python3 "$here/make_idx.py" "$repo" "$work/data"
cp -R "$repo/Sources/CZlib" "$work/pkg/Sources/CZlib"
for file in Gzip Inflater HuffmanCode BitReader CRC32 InflateError; do
    git -C "$repo" show "$old_ref:Sources/Datasets/$file.swift" > "$work/pkg/Sources/HandwrittenGzip/$file.swift"
done
cp "$repo/Sources/Datasets/Gzip.swift" "$repo/Sources/Datasets/InflateError.swift" "$work/pkg/Sources/ZlibGzip/"
for module in HandwrittenGzip ZlibGzip; do
    printf 'public func gunzip(_ bytes: [UInt8]) throws -> [UInt8] { try Gzip.decompress(bytes) }\n' \
        > "$work/pkg/Sources/$module/Entry.swift"
done
cat > "$work/pkg/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "GzipDecode",
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .target(name: "HandwrittenGzip"),
        .target(name: "ZlibGzip", dependencies: ["CZlib"]),
        .executableTarget(name: "GzipDecode", dependencies: ["HandwrittenGzip", "ZlibGzip"]),
    ],
    swiftLanguageModes: [.v5]
)
SWIFT
cat > "$work/pkg/Sources/GzipDecode/main.swift" <<'SWIFT'
import Foundation
import HandwrittenGzip
import ZlibGzip

let runs = Int(CommandLine.arguments[1])!
for path in CommandLine.arguments.dropFirst(2) {
    let input = [UInt8](FileManager.default.contents(atPath: path)!)
    var outputs: [String: [UInt8]] = [:]
    for (name, decode) in [("handwritten", HandwrittenGzip.gunzip), ("zlib", ZlibGzip.gunzip)] {
        var seconds: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            outputs[name] = try decode(input)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let megabytes = Double(outputs[name]!.count) / 1e6
        let file = (path as NSString).lastPathComponent.padding(toLength: 28, withPad: " ", startingAt: 0)
        let decoder = name.padding(toLength: 12, withPad: " ", startingAt: 0)
        print(file + decoder + String(format: "%9d -> %9d bytes  best %7.1f ms (%6.1f MB/s)  median %7.1f ms",
                     input.count, outputs[name]!.count,
                     seconds[0] * 1000, megabytes / seconds[0], seconds[seconds.count / 2] * 1000))
    }
    precondition(outputs["handwritten"] == outputs["zlib"], "the two decoders disagree on \(path)")
}
SWIFT
swift build -c release --package-path "$work/pkg" >&2
"$work/pkg/.build/release/GzipDecode" "$runs" "$work/data/digits-images-idx3-ubyte.gz" \
    "$work/data/mnist-like-idx3-ubyte.gz" "$work/data/mnist-noisy-idx3-ubyte.gz"
