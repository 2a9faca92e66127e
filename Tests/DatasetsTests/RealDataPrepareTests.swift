import DietAuditCore
import Testing

@testable import Datasets

/// `prepareDataset` on COMPAS: quoted fields, missing values in a numeric and a
/// categorical column (counts from the README and Python's `csv` module:
/// `days_b_screening_arrest` 307 empty, `c_charge_desc` 29 empty; Tests/References/real_data_counts.py).
@Suite struct RealDataPrepareTests {
    @Test func compas() throws {
        guard let path = TestData.shared("compas_two_years.csv") else { return }
        var spec = DatasetSpec(path: path, displayPath: "compas_two_years.csv", label: "two_year_recid")
        spec.idColumn = "id"
        spec.positiveLabel = "1"
        spec.attributes = ["race", "sex"]
        spec.drop = ["is_recid", "is_violent_recid", "propublica_filter"]
        let data = try prepareDataset(spec)
        #expect(data.sourceRowCount == 7214)
        #expect(data.classNames == ["0", "1"])
        #expect(data.positiveClass == 1)
        #expect(
            data.missing == [
                MissingSummary(column: "days_b_screening_arrest", count: 307, handling: "mean-imputed + indicator"),
                MissingSummary(column: "c_charge_desc", count: 29, handling: "own level '(missing)'"),
            ])
        #expect(data.featureNames.contains("days_b_screening_arrest (missing)"))
        #expect(data.featureNames.contains("c_charge_desc=Poss 3,4 MDMA (Ecstasy)"))
        let race = data.groupings[1]
        #expect(race.groups == ["African-American", "Asian", "Caucasian", "Hispanic", "Native American", "Other"])
        // Python: Counter(race) → African-American 3696, Caucasian 2454, Hispanic 637, Other 377, Asian 32,
        // Native American 18.
        let total = zip(race.trainCounts, race.testCounts).map { $0 + $1 }
        #expect(total == [3696, 32, 2454, 637, 18, 377])
        #expect(data.train.featureCount == data.featureNames.count)
        #expect(data.train.features.count == data.train.count * data.featureNames.count)
    }
}
