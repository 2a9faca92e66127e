import DietAuditCore
import Testing

@testable import Datasets

@Suite struct RowFilterTests {
    /// COMPAS with ProPublica's filter: 6,172 of 7,214 rows pass (datasets
    /// README; Python: `sum(r['propublica_filter'] == '1' for r in csv.DictReader(f))`;
    /// Tests/References/real_data_counts.py).
    /// Keeping also only African-American and Caucasian leaves 5,278.
    @Test func compasPropublicaFilter() throws {
        guard let path = TestData.shared("compas_two_years.csv") else { return }
        var spec = DatasetSpec(path: path, displayPath: "compas_two_years.csv", label: "two_year_recid")
        spec.features = .columns(["priors_count", "juv_fel_count"])
        spec.attributes = ["race"]
        spec.rowFilter = RowFilter(conditions: [(column: "propublica_filter", values: ["1"])])
        let data = try prepareDataset(spec)
        #expect(data.train.count + data.test.count == 6172)
        #expect(data.sourceRowCount == 7214)
        #expect(data.notes.contains("kept 6172 of 7214 rows of compas_two_years.csv where propublica_filter = 1"))

        spec.rowFilter = RowFilter(conditions: [
            (column: "propublica_filter", values: ["1"]), (column: "race", values: ["African-American", "Caucasian"]),
        ])
        let two = try prepareDataset(spec)
        #expect(two.train.count + two.test.count == 5278)
        #expect(two.groupings.first { $0.name == "race" }?.groups == ["African-American", "Caucasian"])
    }

    @Test func filterErrors() throws {
        let path = try TestData.write("x,g,y\n1,a,p\n2,b,q\n3,a,q\n4,b,p\n", name: "filter.csv")
        var spec = DatasetSpec(path: path, displayPath: "filter.csv", label: "y")
        spec.specLocations["where"] = SourceLocation(file: "spec.yaml", line: 7, column: 3, key: "dataset.where")
        spec.rowFilter = RowFilter(conditions: [(column: "gg", values: ["a"])])
        let unknown = TestData.inputError { try prepareDataset(spec) }
        #expect(
            unknown?.description
                == "spec.yaml:7:3: dataset.where: column 'gg' not found in filter.csv; did you mean 'g'?")
        spec.rowFilter = RowFilter(conditions: [(column: "g", values: ["c"])])
        let empty = TestData.inputError { try prepareDataset(spec) }
        #expect(empty?.message == "no row of filter.csv has g = c; check the values as written in the file")
    }
}

@Suite struct LabelNoteTests {
    /// A label with 60 distinct values is accepted (each value a class) with a
    /// note that it may be continuous.
    @Test func manyClassesAreNoted() throws {
        var text = "x,y\n"
        for row in 0..<120 { text += "\(row),\(row % 60)\n" }
        let path = try TestData.write(text, name: "many-classes.csv")
        var spec = DatasetSpec(path: path, displayPath: "many-classes.csv", label: "y")
        spec.test = .fraction(0.5)
        let data = try prepareDataset(spec)
        #expect(data.classNames.count == 60)
        #expect(data.notes.contains { $0.hasPrefix("label 'y' has 60 distinct values, each treated as a class") })
    }
}
