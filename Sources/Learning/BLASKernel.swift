import CBLAS
import Foundation

/// Which OpenBLAS kernels this process runs, and the choice of a faster one
/// when OpenBLAS does not recognise the CPU.
///
/// OpenBLAS 0.3.21 (Debian 12) predates recent Xeons: on them it falls back to
/// its generic `Prescott` (SSE3) kernels, about 3.5× slower for sgemm than its
/// AVX-512 `SkylakeX` kernels on the same CPU. The kernel is chosen when the
/// library loads, from the environment variable `OPENBLAS_CORETYPE`, so the
/// only way to change it is to start the process again with the variable set
/// (``relaunchWithFasterKernelIfNeeded()``). Every numeric test of the
/// project passes with either kernel; only the last bits of sums differ.
public enum BLASKernel {
    /// The kernel OpenBLAS picked for this process (`Prescott`, `Haswell`, `SkylakeX`, …).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The kernel to force for a CPU with `cpuFlags` when OpenBLAS chose
    /// `coreName`: `SkylakeX` for AVX-512 CPUs and `Haswell` for AVX2 CPUs that
    /// got the generic kernel; `nil` when OpenBLAS already chose a specific one.
    public static func betterCoreType(coreName: String, cpuFlags: Set<String>) -> String? {
        guard
            ["prescott", "nehalem", "core2", "katmai", "coppermine", "northwood", "banias"].contains(
                coreName.lowercased())
        else { return nil }
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(cpuFlags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(cpuFlags.contains) { return "Haswell" }
        return nil
    }

    /// The CPU's feature flags from `/proc/cpuinfo` (empty elsewhere).
    static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        return Set(line.split(separator: ":").last?.split(separator: " ").map(String.init) ?? [])
    }

    /// Starts this program again with `OPENBLAS_CORETYPE` set to
    /// ``betterCoreType(coreName:cpuFlags:)`` when OpenBLAS fell back to its
    /// generic kernel. Does nothing (and returns) when `OPENBLAS_CORETYPE` is
    /// already set (the user's or the machine's choice wins), when
    /// `DIETAUDIT_BLAS_KERNEL=default` asks to keep OpenBLAS's own choice, when
    /// no better kernel applies, or when the relaunch fails.
    public static func relaunchWithFasterKernelIfNeeded() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, environment["DIETAUDIT_BLAS_KERNEL"] != "default",
            let coreType = betterCoreType(coreName: coreName, cpuFlags: cpuFlags())
        else { return }
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        // The original argument bytes, not `CommandLine.arguments`: a Swift
        // `String` repairs invalid UTF-8, which would change a path argument
        // holding a non-UTF-8 byte (legal in Linux file names).
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when execv failed: carry on with the current kernel.
        unsetenv("OPENBLAS_CORETYPE")
    }
}
