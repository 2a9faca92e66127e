import DietAuditCore
import Testing

@testable import Datasets

@Suite struct SplitTests {
    private func german(seed: UInt64, fraction: DecimalFraction = 0.2) throws -> PreparedDataset? {
        guard let path = TestData.shared("german_credit.csv") else { return nil }
        var spec = DatasetSpec(path: path, displayPath: "german_credit.csv", label: "class")
        spec.test = .fraction(fraction)
        spec.seed = seed
        return try prepareDataset(spec)
    }

    @Test func stratifiedCountsAreExact() throws {
        guard let data = try german(seed: 0) else { return }
        #expect(data.classNames == ["bad", "good"])
        // round(0.2 × 300) = 60 bad, round(0.2 × 700) = 140 good in test.
        #expect(data.test.labels.filter { $0 == 0 }.count == 60)
        #expect(data.test.labels.filter { $0 == 1 }.count == 140)
        #expect(data.train.labels.filter { $0 == 0 }.count == 240)
        #expect(data.train.labels.filter { $0 == 1 }.count == 560)
        #expect(data.train.count == 800 && data.test.count == 200)
        #expect(data.sourceRowCount == 1000)
        // Every row once, each split in original (row-number) order.
        let train = data.train.ids.map { Int($0)! }, test = data.test.ids.map { Int($0)! }
        #expect(Set(train + test) == Set(1...1000))
        #expect(train == train.sorted() && test == test.sorted())
        #expect(data.dataSHA256 == "f11767a1e0f918bc2ede4fa4e342bc3899a068ab6ab37a271fddce48302af701")
        #expect(data.testSHA256 == nil)
    }

    @Test func deterministicPerSeedAndDifferentAcrossSeeds() throws {
        guard let a = try german(seed: 7), let b = try german(seed: 7), let c = try german(seed: 8) else { return }
        #expect(a.test.ids == b.test.ids)
        #expect(a.train.features == b.train.features)
        #expect(a.test.ids != c.test.ids)
        #expect(c.test.labels.filter { $0 == 0 }.count == 60)
    }

    /// Rounding is half to even per class (Python's `round`): 5 × 0.5 = 2.5 → 2,
    /// 7 × 0.5 = 3.5 → 4, 3 × 0.5 = 1.5 → 2.
    @Test func roundingPerClassHalfToEven() throws {
        let rows = (0..<5).map { "\($0),a" } + (0..<7).map { "\($0),b" } + (0..<3).map { "\($0),c" }
        var spec = try TestData.spec(csv: "x,y\n" + rows.joined(separator: "\n") + "\n")
        spec.test = .fraction(0.5)
        let data = try prepareDataset(spec)
        #expect(data.test.labels.filter { $0 == 0 }.count == 2)
        #expect(data.test.labels.filter { $0 == 1 }.count == 4)
        #expect(data.test.labels.filter { $0 == 2 }.count == 2)
        #expect(data.train.count == 7)
    }

    /// f · n_c is exact from the decimal: 0.7 × 45 = 31.5 → 32 (binary floating
    /// point gives 31.499999999999996 → 31), 0.7 × 5 = 3.5 → 4, 0.35 × 10 = 3.5 → 4.
    @Test func exactDecimalSizes() throws {
        let rows = (0..<45).map { "\($0),a" } + (0..<5).map { "\($0),b" }
        var spec = try TestData.spec(csv: "x,y\n" + rows.joined(separator: "\n") + "\n")
        spec.test = .fraction(DecimalFraction(parsing: "0.7")!)
        let data = try prepareDataset(spec)
        #expect(data.test.labels.filter { $0 == 0 }.count == 32)
        #expect(data.test.labels.filter { $0 == 1 }.count == 4)
        let tens = (0..<10).map { "\($0),a" } + (0..<10).map { "\($0),b" }
        var tenSpec = try TestData.spec(csv: "x,y\n" + tens.joined(separator: "\n") + "\n")
        tenSpec.test = .fraction(DecimalFraction(parsing: "0.35")!)
        #expect(try prepareDataset(tenSpec).test.count == 8)
    }

    /// Labels that are all numbers sort numerically, so "10" is the last class.
    @Test func numericClassOrder() throws {
        let rows = ["10", "2", "1", "10", "2", "1", "10", "2", "1"].enumerated().map { "\($0.offset),\($0.element)" }
        var spec = try TestData.spec(csv: "x,y\n" + rows.joined(separator: "\n") + "\n")
        spec.test = .fraction(0.34)
        #expect(try prepareDataset(spec).classNames == ["1", "2", "10"])
    }
}
