import DietAuditCore
import Testing

@testable import Datasets

/// The readers on the real files in `../shared/datasets` (counts from its README,
/// cross-checked with Python's `csv` module: Tests/References/real_data_counts.py).
@Suite struct RealDataReaderTests {
    private func counts(_ column: [String?]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for value in column { counts[value ?? "(nil)", default: 0] += 1 }
        return counts
    }

    @Test func germanCreditCSV() throws {
        guard let path = TestData.shared("german_credit.csv") else { return }
        let table = try CSVReader.read(path: path, displayName: "german_credit.csv")
        #expect(table.rowCount == 1000)
        #expect(table.columnNames.count == 23)
        #expect(table.lineNumbers.first == 2 && table.lineNumbers.last == 1001)
        #expect(counts(table.column(named: "class")!) == ["bad": 300, "good": 700])
        #expect(counts(table.column(named: "sex")!) == ["male": 690, "female": 310])
        #expect(counts(table.column(named: "age_group")!) == [">25": 810, "<=25": 190])
        #expect(counts(table.column(named: "foreign_worker")!) == ["yes": 963, "no": 37])
        #expect(counts(table.column(named: "purpose")!)["radio/tv"] == 280)
        #expect(Set(table.column(named: "credit_amount")!.compactMap { $0 }).count == 921)
    }

    @Test func compasQuotedFieldsAndMissing() throws {
        guard let path = TestData.shared("compas_two_years.csv") else { return }
        let table = try CSVReader.read(path: path, displayName: "compas_two_years.csv")
        #expect(table.rowCount == 7214)
        #expect(table.columnNames.count == 20)
        let charges = table.column(named: "c_charge_desc")!
        #expect(charges.filter { $0 == nil }.count == 29)
        #expect(table.column(named: "days_b_screening_arrest")!.filter { $0 == nil }.count == 307)
        // Python csv: 100 charge descriptions contain a comma; the first is data row index 10 (line 12, id 14).
        #expect(charges.filter { $0?.contains(",") == true }.count == 100)
        let firstWithComma = charges.firstIndex { $0?.contains(",") == true }!
        #expect(firstWithComma == 10)
        #expect(charges[firstWithComma] == "Poss 3,4 MDMA (Ecstasy)")
        #expect(table.column(named: "id")![firstWithComma] == "14")
        #expect(counts(table.column(named: "race")!)["African-American"] == 3696)
    }

    @Test func germanCreditARFFMatchesTheCSV() throws {
        guard let arffPath = TestData.shared("german_credit.arff"),
            let csvPath = TestData.shared("german_credit.csv")
        else { return }
        let arff = try ARFFReader.read(path: arffPath, displayName: "german_credit.arff")
        let csv = try CSVReader.read(path: csvPath, displayName: "german_credit.csv")
        #expect(arff.columnNames == Array(csv.columnNames.prefix(21)))
        #expect(arff.rowCount == 1000)
        #expect(arff.lineNumbers.first == 302)
        for index in 0..<21 { #expect(arff.columns[index] == csv.columns[index], "column \(arff.columnNames[index])") }
        #expect(
            arff.declaredNumeric == [
                "duration", "credit_amount", "installment_commitment", "residence_since", "age",
                "existing_credits", "num_dependents",
            ])
    }
}
