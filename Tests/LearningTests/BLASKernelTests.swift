import Testing

@testable import Learning

@Suite struct BLASKernelTests {
    @Test func genericKernelIsUpgradedByCPUFeatures() {
        let avx512: Set<String> = ["sse3", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq"]
        #expect(BLASKernel.betterCoreType(coreName: "Prescott", cpuFlags: avx512) == "SkylakeX")
        #expect(BLASKernel.betterCoreType(coreName: "Prescott", cpuFlags: ["sse3", "avx2", "fma"]) == "Haswell")
        #expect(BLASKernel.betterCoreType(coreName: "Prescott", cpuFlags: ["sse3"]) == nil)
        #expect(BLASKernel.betterCoreType(coreName: "Haswell", cpuFlags: avx512) == nil)
        #expect(BLASKernel.betterCoreType(coreName: "SkylakeX", cpuFlags: avx512) == nil)
    }

    @Test func coreNameIsReported() {
        #expect(!BLASKernel.coreName.isEmpty && BLASKernel.coreName != "unknown")
    }
}
