import Testing

@testable import Scoring

/// scipy / numpy values: Tests/References/spearman.py.
@Suite struct StatisticsTests {
    /// Source: scipy 1.17.1, `scipy.stats.spearmanr([1,2,2,3,5,5,5,8], [2,1,4,4,3,9,9,7]).statistic`
    /// = 0.6895607149652165 (ties in both vectors), and `scipy.stats.rankdata` of each.
    @Test func spearmanWithTiesMatchesScipy() throws {
        let x: [Double] = [1, 2, 2, 3, 5, 5, 5, 8], y: [Double] = [2, 1, 4, 4, 3, 9, 9, 7]
        #expect(averageRanks(x) == [1.0, 2.5, 2.5, 4.0, 6.0, 6.0, 6.0, 8.0])
        #expect(averageRanks(y) == [2.0, 1.0, 4.5, 4.5, 3.0, 7.5, 7.5, 6.0])
        let rho = try #require(spearmanCorrelation(x, y))
        #expect(abs(rho - 0.6895607149652165) < 1e-12)
    }

    /// Source: `scipy.stats.spearmanr([0.3,-1.2,4.5,2.2,0.0,7.1], [10,8,3,5,6,1]).statistic` = -0.8285714285714287.
    @Test func spearmanNegativeMatchesScipy() throws {
        let rho = try #require(spearmanCorrelation([0.3, -1.2, 4.5, 2.2, 0.0, 7.1], [10, 8, 3, 5, 6, 1]))
        #expect(abs(rho + 0.8285714285714287) < 1e-12)
        #expect(spearmanCorrelation([1, 2, 3], [10, 20, 30]) == 1)
        #expect(spearmanCorrelation([1, 2, 3], [5, 4, 1]) == -1)
    }

    @Test func spearmanUndefinedCasesAreNil() {
        #expect(spearmanCorrelation([1, 1, 1], [1, 2, 3]) == nil)
        #expect(spearmanCorrelation([1, 2, 3], [4, 4, 4]) == nil)
        #expect(spearmanCorrelation([1], [2]) == nil)
        #expect(spearmanCorrelation([], []) == nil)
        #expect(spearmanCorrelation([1, 2], [1, 2, 3]) == nil)
        #expect(spearmanCorrelation([1, .nan, 3], [1, 2, 3]) == nil)
    }

    /// Source (numpy): v = [1,2,3,2,6,7,5,0.5], g = [0,0,0,1,1,1,2,2];
    /// `ssb = sum((g==c).sum()*(v[g==c].mean()-v.mean())**2 for c in range(3)); sst = ((v-v.mean())**2).sum()`;
    /// ssb/sst = 0.3544401544401544 (Tests/References/spearman.py).
    @Test func classDependenceMatchesNumpy() throws {
        let eta = try #require(classDependence([1, 2, 3, 2, 6, 7, 5, 0.5], labels: [0, 0, 0, 1, 1, 1, 2, 2]))
        #expect(abs(eta - 0.3544401544401544) < 1e-12)
    }

    @Test func classDependenceExtremes() {
        // Constant within each class: the class explains everything.
        #expect(classDependence([1, 1, 5, 5, 9, 9], labels: [0, 0, 1, 1, 2, 2]) == 1)
        // Identical class means: the class explains nothing.
        #expect(classDependence([1, 3, 1, 3], labels: [0, 0, 1, 1]) == 0)
        #expect(classDependence([2, 2, 2], labels: [0, 1, 1]) == nil)
        #expect(classDependence([], labels: []) == nil)
    }

    @Test func seedStabilityAveragesPairs() throws {
        #expect(seedStability([[1, 2, 3]]) == nil)
        #expect(seedStability([[1, 2, 3], [2, 4, 6], [10, 20, 30]]) == 1)
        // Pairs: (a,b) = 1, (a,c) = -1, (b,c) = -1 → mean -1/3.
        let value = try #require(seedStability([[1, 2, 3], [1, 2, 3], [3, 2, 1]]))
        #expect(abs(value + 1.0 / 3) < 1e-12)
        // A constant seed row gives undefined pairs, which are skipped.
        #expect(seedStability([[1, 2, 3], [0, 0, 0], [1, 2, 4]]) == 1)
        #expect(seedStability([[0, 0, 0], [1, 1, 1]]) == nil)
    }

    @Test func validityCombinesTheThree() throws {
        let result = ScoreResult(name: "el2n@2", kind: "el2n", epoch: 2, perSeed: [[1, 2, 3, 4], [1, 2, 4, 3]])
        #expect(result.mean == [1, 2, 3.5, 3.5])
        let validity = scoreValidity([result], inputNorm: [4, 3, 2, 1], labels: [0, 0, 1, 1], classCount: 2)
        #expect(validity.count == 1)
        #expect(validity[0].score == "el2n@2")
        #expect(abs(try #require(validity[0].seedStability) - 0.8) < 1e-12)  // spearmanr([1,2,3,4],[1,2,4,3]) = 0.8
        // scipy.stats.spearmanr([1,2,3.5,3.5], [4,3,2,1]).statistic = -0.9486832980505139
        #expect(abs(try #require(validity[0].inputNormSpearman) + 0.9486832980505139) < 1e-12)
        // means 1.5 and 3.5 around 2.5: SSB = 4, SST = 4.5 → 8/9.
        #expect(abs(try #require(validity[0].classDependence) - 8.0 / 9) < 1e-12)
    }
}
