import DietAuditCore
import Testing

@testable import Datasets

/// Every input error of `prepareDataset` and `readImportedCSVEntries`: its message and location.
@Suite struct ErrorTests {
    static let specFile = "audits/a.yaml"
    static func at(_ line: Int) -> DietAuditCore.SourceLocation {
        DietAuditCore.SourceLocation(file: specFile, line: line, column: 10)
    }

    /// A small valid dataset, with every spec key located on its own line of `audits/a.yaml`.
    private func spec(
        _ csv: String =
            "id,class,age,sex,purpose\n1,good,30,m,car\n2,bad,40,f,tv\n3,good,50,f,car\n4,bad,60,m,tv\n"
            + "5,good,70,m,car\n"
    ) throws -> DatasetSpec {
        var spec = try TestData.spec(csv: csv, name: "credit.csv", label: "class")
        let keys = [
            "path", "format", "label", "positive_label", "id", "features", "drop", "attributes", "categorical", "test",
        ]
        for (index, key) in keys.enumerated() { spec.specLocations[key] = Self.at(index + 2) }
        spec.test = .fraction(0.4)
        return spec
    }

    private func error(_ spec: DatasetSpec) -> InputError? {
        TestData.inputError { try prepareDataset(spec) }
    }

    @Test func unknownColumnsWithDidYouMean() throws {
        var s = try spec()
        s.label = "clas"
        #expect(error(s) == InputError("column 'clas' not found in credit.csv; did you mean 'class'?", at: Self.at(4)))
        s = try spec(); s.idColumn = "ids"
        #expect(error(s) == InputError("column 'ids' not found in credit.csv; did you mean 'id'?", at: Self.at(6)))
        s = try spec(); s.features = .columns(["age", "purpse"])
        #expect(
            error(s) == InputError("column 'purpse' not found in credit.csv; did you mean 'purpose'?", at: Self.at(7)))
        s = try spec(); s.drop = ["zzz"]
        #expect(
            error(s)
                == InputError(
                    "column 'zzz' not found in credit.csv; its columns are 'id', 'class', 'age', 'sex', 'purpose'",
                    at: Self.at(8)))
        s = try spec(); s.attributes = ["sx"]
        #expect(error(s) == InputError("column 'sx' not found in credit.csv; did you mean 'sex'?", at: Self.at(9)))
        s = try spec(); s.categorical = ["agee"]
        #expect(error(s) == InputError("column 'agee' not found in credit.csv; did you mean 'age'?", at: Self.at(10)))
    }

    @Test func conflictingRoles() throws {
        var s = try spec()
        s.features = .columns(["age", "class"])
        #expect(
            error(s)
                == InputError(
                    "'class' is the label and cannot also be a feature; remove it from dataset.features", at: Self.at(7)
                ))
        // An attribute listed under features is a model input too, not an error: see AttributeFeatureTests.
        s = try spec(); s.attributes = ["class"]
        #expect(
            error(s)
                == InputError(
                    "'class' is the label, which is always audited as 'class'; remove it from dataset.attributes",
                    at: Self.at(9)))
        s = try spec(); s.features = .auto; s.idColumn = "id"; s.attributes = ["sex"]; s.drop = ["age", "purpose"]
        #expect(
            error(s)
                == InputError(
                    "no feature columns remain after setting aside the label, id, attributes and dropped columns",
                    at: Self.at(7)))
    }

    @Test func labelProblems() throws {
        var s = try spec("x,class\n1,good\n2,good\n3,good\n")
        #expect(
            error(s)
                == InputError(
                    "label column 'class' has a single value, 'good'; a classification audit needs at least two "
                        + "classes",
                    at: Self.at(4)))
        s = try spec("x,class\n1,good\n2,\n3,bad\n")
        #expect(
            error(s)
                == InputError(
                    "the label 'class' is missing on this row; every row needs a label",
                    at: DietAuditCore.SourceLocation(file: "credit.csv", line: 3)))
        s = try spec(); s.positiveLabel = "bda"
        #expect(
            error(s)
                == InputError(
                    "positive_label 'bda' is not a value of label column 'class' (values: 'bad', 'good'); did you mean "
                        + "'bad'?",
                    at: Self.at(5)))
        s = try spec(); s.positiveLabel = "bad"
        #expect(try prepareDataset(s).positiveClass == 0)
    }

    @Test func duplicateAndEmptyIds() throws {
        var s = try spec("id,class,x\n1,a,1\n2,b,2\n1,a,3\n4,b,4\n")
        s.idColumn = "id"
        #expect(
            error(s)
                == InputError(
                    "duplicate id '1' in column 'id': first on line 2, again on line 4; ids must be unique",
                    at: DietAuditCore.SourceLocation(file: "credit.csv", line: 4)))
        s = try spec("id,class,x\n1,a,1\n,b,2\n")
        s.idColumn = "id"
        #expect(
            error(s)
                == InputError(
                    "id column 'id' is empty on this row; every row needs an id",
                    at: DietAuditCore.SourceLocation(file: "credit.csv", line: 3)))
    }

    @Test func mostlyNumericColumnWithATypo() throws {
        let rows = (1...19).map { "\($0),\($0 % 2 == 0 ? "a" : "b")" } + ["abc,a"]
        let s = try spec("age,class\n" + rows.joined(separator: "\n") + "\n")
        #expect(
            error(s)
                == InputError(
                    "column 'age': 19 of 20 values are numbers, but 'abc' is not a number (1 time, first on line 21); "
                        + "if it marks missing values, add it to dataset.missing_values (missing_values: [\"abc\"]); "
                        + "to keep the column as text, list 'age' under dataset.categorical",
                    at: DietAuditCore.SourceLocation(file: "credit.csv", line: 21)))
        var forced = s
        forced.categorical = ["age"]
        #expect(try prepareDataset(forced).featureNames.contains("age=abc"))
        // More than 3 distinct non-numbers, or no more distinct numbers than non-numbers,
        // and below 90% numbers: the column is simply categorical.
        let mixed = try spec("code,class\n1,a\n2,b\nx,a\ny,b\nz,a\nw,b\n3,a\n")
        let names = try prepareDataset(mixed).featureNames
        #expect(!names.isEmpty && names.allSatisfy { $0.hasPrefix("code=") })
    }

    @Test func splitProblems() throws {
        var s = try spec()
        s.test = .fraction(1.5)
        #expect(error(s) == InputError("test fraction must be strictly between 0 and 1, found 1.5", at: Self.at(11)))
        s.test = .fraction(0)
        #expect(error(s) == InputError("test fraction must be strictly between 0 and 1, found 0", at: Self.at(11)))
        s = try spec("x,class\n1,a\n2,a\n3,b\n")
        s.test = .fraction(0.6)  // round(0.6 · 1) = 1 (0.5 · 1 would round half to even, to 0)
        #expect(
            error(s)
                == InputError(
                    "class 'b' has only 1 row(s), and a test fraction of 0.6 would move all of them to the test split; "
                        + "every class needs at least one training row",
                    at: Self.at(11)))
        s = try spec()
        s.test = .fraction(0.01)
        #expect(
            error(s)
                == InputError(
                    "a test fraction of 0.01 of 5 rows gives an empty test split; use a larger fraction",
                    at: Self.at(11)))
    }

    @Test func testFileProblems() throws {
        var s = try spec()
        let other = try TestData.write("id,class,age,colour\n9,good,1,red\n", name: "t.csv")
        s.test = .path(other, displayPath: "t.csv")
        #expect(
            error(s)
                == InputError(
                    "the test file must have the same columns as credit.csv: missing 'sex', 'purpose'; extra 'colour'",
                    at: DietAuditCore.SourceLocation(file: "t.csv", line: 1)))
        let unknownClass = try TestData.write("id,class,age,sex,purpose\n9,meh,1,m,car\n", name: "t.csv")
        s.test = .path(unknownClass, displayPath: "t.csv")
        #expect(
            error(s)
                == InputError(
                    "label 'meh' does not occur in credit.csv; the test file may only use the classes 'bad', 'good'",
                    at: DietAuditCore.SourceLocation(file: "t.csv", line: 2)))
    }

    @Test func formatAndFileProblems() throws {
        var s = DatasetSpec(path: "/nonexistent/data.txt", displayPath: "data.txt", label: "y")
        s.specLocations["path"] = Self.at(2)
        #expect(
            error(s)
                == InputError(
                    "cannot tell the format of 'data.txt' from its extension; expected .csv, .arff, .npy or an IDX "
                        + "name (.idx, -ubyte, optionally .gz), or set dataset.format", at: Self.at(2)))
        s.format = .csv
        #expect(error(s) == InputError("file not found", at: DietAuditCore.SourceLocation(file: "data.txt")))
    }
}

@Suite struct ImportedScoresTests {
    @Test func readsScoresByIdOrRowNumber() throws {
        let path = try TestData.write("id,score,other\na,0.5,x\nb,-1e-3,y\nc,12,z\n", name: "s.csv")
        #expect(
            try readImportedCSVEntries(path: path, displayPath: "s.csv", column: "score", idColumn: "id")
                == ImportedScoreEntries(ids: ["a", "b", "c"], values: [0.5, -0.001, 12]))
        #expect(
            try readImportedCSVEntries(path: path, displayPath: "s.csv", column: "score", idColumn: nil)
                == ImportedScoreEntries(ids: ["1", "2", "3"], values: [0.5, -0.001, 12]))
    }

    /// Duplicates and empty cells are kept as entries (the join counts and
    /// reports them); words numpy writes for non-finite values read as such.
    @Test func keepsDuplicatesAndNonFiniteForTheJoin() throws {
        let path = try TestData.write("id,score\na,0.5\nb,\na,inf\nc,-Infinity\n", name: "s.csv")
        let entries = try readImportedCSVEntries(path: path, displayPath: "s.csv", column: "score", idColumn: "id")
        #expect(entries.ids == ["a", "b", "a", "c"])
        #expect(entries.values[0] == 0.5 && entries.values[1].isNaN)
        #expect(entries.values[2] == .infinity && entries.values[3] == -.infinity)
    }

    @Test func errors() throws {
        let path = try TestData.write("id,score\na,0.5\nb,oops\na,1\n", name: "s.csv")
        func error(_ column: String, _ id: String?) -> InputError? {
            TestData.inputError {
                try readImportedCSVEntries(path: path, displayPath: "s.csv", column: column, idColumn: id)
            }
        }
        #expect(
            error("scor", "id")
                == InputError(
                    "column 'scor' not found in s.csv; did you mean 'score'?",
                    at: DietAuditCore.SourceLocation(file: "s.csv", line: 1)))
        #expect(
            error("score", "idd")
                == InputError(
                    "column 'idd' not found in s.csv; did you mean 'id'?",
                    at: DietAuditCore.SourceLocation(file: "s.csv", line: 1)))
        #expect(
            error("score", "id")
                == InputError(
                    "score column 'score': 'oops' is not a number",
                    at: DietAuditCore.SourceLocation(file: "s.csv", line: 3)))
        let emptyId = try TestData.write("id,score\n,0.5\n", name: "s.csv")
        #expect(
            TestData.inputError {
                try readImportedCSVEntries(path: emptyId, displayPath: "s.csv", column: "score", idColumn: "id")
            }
                == InputError(
                    "id column 'id' is empty on this row; every score needs an id",
                    at: DietAuditCore.SourceLocation(file: "s.csv", line: 2)))
    }
}
