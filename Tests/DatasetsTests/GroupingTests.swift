import DietAuditCore
import Testing

@testable import Datasets

@Suite struct GroupingTests {
    /// German credit, rows 1–800 train / 801–1000 test; attributes sex and age.
    /// References (Python 3 + numpy, `tr` = first 800 rows, `te` = last 200):
    /// `np.quantile(age[tr], [.25, .5, .75])` = [27, 33, 41];
    /// `b = np.searchsorted(q, age, side='right')` gives bins with actual ranges
    /// 19–26, 27–32, 33–40, 41–75, train counts [198, 194, 197, 211], test [42, 49, 46, 63];
    /// `collections.Counter((sex, class))` train: female×bad 93, female×good 162,
    /// male×bad 146, male×good 399; test: 16, 39, 45, 100. Script: Tests/References/german_credit.py.
    @Test func germanCreditGroupings() throws {
        guard let files = try TestData.germanCreditByPosition() else { return }
        var spec = DatasetSpec(path: files.train, displayPath: "german_train.csv", label: "class")
        spec.test = .path(files.test, displayPath: "german_test.csv")
        spec.attributes = ["sex", "age"]
        let data = try prepareDataset(spec)
        #expect(data.groupings.map(\.name) == ["class", "sex", "age", "sex×age", "sex×class", "age×class"])
        #expect(
            data.groupings.map(\.kind) == [.class, .attribute, .attribute, .intersection, .intersection, .intersection])
        #expect(!data.featureColumns.contains("sex") && !data.featureColumns.contains("age"))

        let classes = data.groupings[0]
        #expect(classes.groups == ["bad", "good"])
        #expect(Array(classes.train) == data.train.labels && classes.test == data.test.labels)

        let sex = data.groupings[1]
        #expect(sex.groups == ["female", "male"])
        #expect(sex.trainCounts == [93 + 162, 146 + 399])

        let age = data.groupings[2]
        #expect(age.groups == ["19–26", "27–32", "33–40", "41–75"])
        #expect(age.trainCounts == [198, 194, 197, 211])
        #expect(age.testCounts == [42, 49, 46, 63])

        let sexClass = data.groupings[4]
        #expect(sexClass.groups == ["female×bad", "female×good", "male×bad", "male×good"])
        #expect(sexClass.trainCounts == [93, 162, 146, 399])
        #expect(sexClass.testCounts == [16, 39, 45, 100])

        let sexAge = data.groupings[3]
        #expect(sexAge.groups.count == 8)
        #expect(sexAge.groups.first == "female×19–26" && sexAge.groups.last == "male×41–75")
        #expect(sexAge.trainCounts.reduce(0, +) == 800 && sexAge.testCounts.reduce(0, +) == 200)
    }

    /// A numeric attribute with at most 10 distinct values is grouped value by
    /// value (numeric order); cells that never occur are left out of an
    /// intersection; missing values form the group "(missing)".
    @Test func smallNumericLevelsAbsentCellsAndMissing() throws {
        let rows = [
            "1,10,a,p", "2,2,a,q", "3,10,b,p", "4,2,,q", "5,10,a,q", "6,2,a,p",
        ]
        var spec = try TestData.spec(csv: "x,n,g,y\n" + rows.joined(separator: "\n") + "\n")
        spec.attributes = ["n", "g"]
        spec.test = .fraction(0.34)
        let data = try prepareDataset(spec)
        let n = data.groupings[1], g = data.groupings[2]
        #expect(n.groups == ["2", "10"])
        #expect(g.groups == ["a", "b", "(missing)"])
        let nByG = data.groupings[3]
        #expect(nByG.name == "n×g")
        // Cells present: 10×a, 10×b, 2×a, 2×(missing); ordered by (n index, g index).
        #expect(nByG.groups == ["2×a", "2×(missing)", "10×a", "10×b"])
        #expect(nByG.trainCounts.reduce(0, +) + nByG.testCounts.reduce(0, +) == 6)
        #expect(data.missing == [MissingSummary(column: "g", count: 1, handling: "group '(missing)'")])
        #expect(data.groupings.map(\.name) == ["class", "n", "g", "n×g", "n×class", "g×class"])
    }

    @Test func noIntersectionsWhenDisabled() throws {
        var spec = try TestData.spec(csv: "x,g,y\n1,a,p\n2,b,q\n3,a,p\n4,b,q\n")
        spec.attributes = ["g"]
        spec.intersections = false
        spec.test = .fraction(0.5)
        #expect(try prepareDataset(spec).groupings.map(\.name) == ["class", "g"])
    }

    /// numpy reference: `np.quantile([1, 2, 3, 4, 10], [.25, .5, .75])` = [2, 3, 4];
    /// `np.quantile([1, 2], .25)` = 1.25 (Tests/References/german_credit.py).
    @Test func quantileMatchesNumpy() {
        #expect(QuartileBins.quantile([1, 2, 3, 4, 10], 0.25) == 2)
        #expect(QuartileBins.quantile([1, 2, 3, 4, 10], 0.75) == 4)
        #expect(QuartileBins.quantile([1, 2], 0.25) == 1.25)
    }

    /// Repeated quartile edges collapse, and bins no value falls in are dropped.
    /// numpy reference: `np.quantile([0]*12 + [1..8], [.25, .5, .75])` = [0, 0, 3.25];
    /// `np.searchsorted(np.unique(q), v, side='right')` puts 0–3 in one bin and 4–8 in the next.
    /// Likewise `np.quantile([0]*8 + [1..12], …)` = [0, 2.5, 7.25] → bins 0–2, 3–7, 8–12.
    /// (Tests/References/german_credit.py)
    @Test func duplicateEdgesCollapse() {
        func labels(_ values: [Double]) -> [String] {
            QuartileBins(numbers: values, texts: values.map { String(Int($0)) }, trainRows: Array(values.indices))
                .labels
        }
        #expect(labels(Array(repeating: 0, count: 12) + (1...8).map(Double.init)) == ["0–3", "4–8"])
        #expect(labels(Array(repeating: 0, count: 8) + (1...12).map(Double.init)) == ["0–2", "3–7", "8–12"])
    }
}
