import DietAuditCore
import Testing

@testable import Datasets

/// An attribute listed explicitly under `dataset.features` is a model input
/// and still audited; `features: auto` leaves attributes out.
@Suite struct AttributeFeatureTests {
    static let csv =
        "id,class,age,sex\n1,good,30,m\n2,bad,40,f\n3,good,50,f\n4,bad,60,m\n5,good,70,m\n6,bad,35,f\n"

    @Test func explicitlyListedAttributeIsAFeatureAndStillAudited() throws {
        var spec = try TestData.spec(csv: Self.csv, name: "credit.csv", label: "class")
        spec.idColumn = "id"
        spec.attributes = ["sex"]
        spec.features = .columns(["age", "sex"])
        spec.test = .fraction(0.5)
        let data = try prepareDataset(spec)
        #expect(data.featureColumns == ["age", "sex"])
        #expect(data.featureNames == ["age", "sex=f", "sex=m"])
        let sex = try #require(data.groupings.first { $0.name == "sex" })
        #expect(sex.groups == ["f", "m"])
        #expect(sex.trainCounts.reduce(0, +) == data.train.count)
    }

    @Test func autoLeavesAttributesOut() throws {
        var spec = try TestData.spec(csv: Self.csv, name: "credit.csv", label: "class")
        spec.idColumn = "id"
        spec.attributes = ["sex"]
        spec.test = .fraction(0.5)
        let data = try prepareDataset(spec)
        #expect(data.featureColumns == ["age"])
        #expect(data.featureNames == ["age"])
        #expect(data.groupings.contains { $0.name == "sex" })
    }
}
