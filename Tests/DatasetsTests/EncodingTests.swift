import DietAuditCore
import Testing

@testable import Datasets

@Suite struct EncodingTests {
    /// German credit, rows 1–800 for training and 801–1000 as the test file.
    /// Reference (numpy 1.x/2.x, Python 3): with `tr` = first 800 rows,
    /// `np.mean(duration[tr])` = 20.65125, `np.std(duration[tr])` = 12.148749871385943,
    /// `np.mean(credit_amount[tr])` = 3190.97625, `np.std(credit_amount[tr])` = 2730.9633347384834.
    /// Script: Tests/References/german_credit.py.
    @Test func standardisationMatchesNumpy() throws {
        guard let files = try TestData.germanCreditByPosition() else { return }
        var spec = DatasetSpec(path: files.train, displayPath: "german_train.csv", label: "class")
        spec.test = .path(files.test, displayPath: "german_test.csv")
        spec.features = .columns(["duration", "credit_amount", "purpose"])
        let data = try prepareDataset(spec)
        #expect(data.train.count == 800 && data.test.count == 200)
        #expect(data.test.ids.first == "1")
        #expect(data.testSHA256 != nil && data.testSHA256 != data.dataSHA256)
        #expect(data.featureColumns == ["duration", "credit_amount", "purpose"])
        #expect(Array(data.featureNames.prefix(3)) == ["duration", "credit_amount", "purpose=business"])
        #expect(data.featureNames.count == 2 + 10)
        #expect(data.featureNames.last == "purpose=used car")

        let width = data.train.featureCount
        func column(_ split: EncodedSplit, _ j: Int) -> [Double] {
            (0..<split.count).map { Double(split.features[$0 * width + j]) }
        }
        // (24 − 20.65125) / 12.148749871385943 = 0.27564564547397086 (first test row's duration).
        #expect(abs(column(data.test, 0)[0] - 0.27564564547397086) < 1e-6)
        // (1169 − 3190.97625) / 2730.9633347384834 = −0.7403893799231926 (first training row's amount).
        #expect(abs(column(data.train, 1)[0] - -0.7403893799231926) < 1e-6)
        for j in 0..<2 {
            let values = column(data.train, j)
            let mean = values.reduce(0, +) / 800
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 800
            #expect(abs(mean) < 1e-5)
            #expect(abs(variance - 1) < 1e-5)
        }
        // One-hot: each row has exactly one purpose level set (no unseen levels here).
        for row in 0..<data.test.count {
            let hot = (2..<width).filter { data.test.features[row * width + $0] == 1 }
            #expect(hot.count == 1)
        }
        #expect(data.notes.isEmpty)
    }

    /// x = [1, 2, missing, 3] in training: mean 2, std `np.std([1, 2, 3])` = 0.816496580927726
    /// (Tests/References/german_credit.py).
    @Test func missingNumericGetsMeanAndIndicator() throws {
        let train = try TestData.write("x,c,y\n1,a,p\n2,,q\n,b,p\n3,a,q\n", name: "train.csv")
        let test = try TestData.write("x,c,y\n4,z,p\n,a,q\n", name: "test.csv")
        var spec = DatasetSpec(path: train, displayPath: "train.csv", label: "y")
        spec.test = .path(test, displayPath: "test.csv")
        let data = try prepareDataset(spec)
        #expect(data.featureNames == ["x", "x (missing)", "c=a", "c=b", "c=(missing)"])
        let std = 0.816496580927726
        let expectedTrain: [[Double]] = [
            [(1 - 2) / std, 0, 1, 0, 0],
            [0, 0, 0, 0, 1],
            [0, 1, 0, 1, 0],
            [(3 - 2) / std, 0, 1, 0, 0],
        ]
        let expectedTest: [[Double]] = [
            [(4 - 2) / std, 0, 0, 0, 0],  // 'z' is unseen in training: all zeros
            [0, 1, 1, 0, 0],
        ]
        for (split, expected) in [(data.train, expectedTrain), (data.test, expectedTest)] {
            for (row, values) in expected.enumerated() {
                for (j, value) in values.enumerated() {
                    #expect(abs(Double(split.features[row * 5 + j]) - value) < 1e-6, "row \(row) feature \(j)")
                }
            }
        }
        #expect(data.notes == ["1 test row has a 'c' level unseen in training; encoded as all zeros"])
        #expect(
            data.missing == [
                MissingSummary(column: "x", count: 2, handling: "mean-imputed + indicator"),
                MissingSummary(column: "c", count: 1, handling: "own level '(missing)'"),
            ])
    }

    /// An indicator appears even when only the test rows have a missing value;
    /// a constant column is divided by 1, not 0.
    @Test func indicatorFromTestAndConstantColumn() throws {
        let train = try TestData.write("x,k,y\n1,5,p\n3,5,q\n", name: "train.csv")
        let test = try TestData.write("x,k,y\n,5,p\n", name: "test.csv")
        var spec = DatasetSpec(path: train, displayPath: "train.csv", label: "y")
        spec.test = .path(test, displayPath: "test.csv")
        let data = try prepareDataset(spec)
        #expect(data.featureNames == ["x", "x (missing)", "k"])
        #expect(data.train.features == [-1, 0, 0, 1, 0, 0])
        #expect(data.test.features == [0, 1, 0])
    }

    /// Columns listed under `categorical` are one-hot even when numeric; `auto`
    /// features leave out label, id, attributes and dropped columns.
    @Test func forcedCategoricalAndAutoFeatures() throws {
        var spec = try TestData.spec(
            csv: "id,code,v,g,skip,y\n1,10,0.5,f,x,a\n2,2,1.5,m,x,b\n3,10,2.5,f,x,a\n4,2,3.5,m,x,b\n")
        spec.idColumn = "id"
        spec.attributes = ["g"]
        spec.drop = ["skip"]
        spec.categorical = ["code"]
        spec.test = .fraction(0.5)
        let data = try prepareDataset(spec)
        #expect(data.featureColumns == ["code", "v"])
        #expect(data.featureNames == ["code=2", "code=10", "v"])
        #expect(Set(data.train.ids + data.test.ids) == ["1", "2", "3", "4"])
    }

    /// The ARFF file gives the same split and features as the CSV's first 21 columns.
    @Test func arffAndCSVPrepareAlike() throws {
        guard let arff = TestData.shared("german_credit.arff"), let csv = TestData.shared("german_credit.csv") else {
            return
        }
        var fromCSV = DatasetSpec(path: csv, displayPath: "german_credit.csv", label: "class")
        fromCSV.drop = ["sex", "age_group"]
        var fromARFF = DatasetSpec(path: arff, displayPath: "german_credit.arff", label: "class")
        fromARFF.seed = 0
        let a = try prepareDataset(fromCSV), b = try prepareDataset(fromARFF)
        #expect(a.featureNames == b.featureNames)
        #expect(a.featureNames.count == 7 + 54)
        #expect(a.train.ids == b.train.ids)
        #expect(a.train.features == b.train.features)
        #expect(a.test.features == b.test.features)
    }
}

@Suite struct ScalingTests {
    /// Min–max scaling on the first 800 German credit rows: duration ranges
    /// 4…72 there (Python: `min(d), max(d)` over `csv.DictReader` rows[:800]),
    /// so the first test row's 24 becomes (24 − 4) / 68 = 0.29411764705882354 (Tests/References/german_credit.py).
    @Test func minMaxUsesTrainingRange() throws {
        guard let files = try TestData.germanCreditByPosition() else { return }
        var spec = DatasetSpec(path: files.train, displayPath: "german_train.csv", label: "class")
        spec.test = .path(files.test, displayPath: "german_test.csv")
        spec.features = .columns(["duration"])
        spec.scaling = .minmax
        let data = try prepareDataset(spec)
        #expect(abs(Double(data.test.features[0]) - 0.29411764705882354) < 1e-6)
        #expect(data.train.features.min() == 0 && data.train.features.max() == 1)
    }

    /// Raw values are kept; a missing value becomes the training mean (2).
    @Test func noneKeepsRawValuesAndFillsTheMean() throws {
        let train = try TestData.write("x,y\n1,p\n2,q\n,p\n3,q\n", name: "scaling-none.csv")
        var spec = DatasetSpec(path: train, displayPath: "scaling-none.csv", label: "y")
        spec.test = .path(train, displayPath: "scaling-none.csv")
        spec.scaling = .none
        let data = try prepareDataset(spec)
        #expect(data.featureNames == ["x", "x (missing)"])
        #expect(data.train.features == [1, 0, 2, 0, 2, 1, 3, 0])
    }

    /// Min–max with a missing value: x = [1, 2, missing, 3] → (x − 1) / 2; the
    /// missing value is the mean 2 → 0.5.
    @Test func minMaxFillsTheScaledMean() throws {
        let train = try TestData.write("x,y\n1,p\n2,q\n,p\n3,q\n", name: "scaling-minmax.csv")
        var spec = DatasetSpec(path: train, displayPath: "scaling-minmax.csv", label: "y")
        spec.test = .path(train, displayPath: "scaling-minmax.csv")
        spec.scaling = .minmax
        let data = try prepareDataset(spec)
        #expect(data.train.features == [0, 0, 0.5, 0, 0.5, 1, 1, 0])
    }
}
