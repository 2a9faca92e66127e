import Testing

@testable import DietAuditCore

@Suite struct YAMLValueTests {
    @Test func unknownKeyIsLocatedWithSuggestion() throws {
        let yaml = "audit: x\ndataset:\n  path: a.csv\n  lable: class\n"
        let root = try YAMLValue.parse(yaml, file: "spec.yaml")
        let top = try root.mapping(allowedKeys: ["audit", "dataset"])
        let dataset = try top.required("dataset")
        #expect(throws: InputError.self) { try dataset.mapping(allowedKeys: ["path", "label"]) }
        do {
            _ = try dataset.mapping(allowedKeys: ["path", "label"])
        } catch let error as InputError {
            #expect(
                error.description
                    == "spec.yaml:4:3: dataset.lable: unknown key 'lable'; expected one of 'path', 'label'; did you "
                    + "mean 'label'?"
            )
        }
    }

    @Test func syntaxErrorHasLineAndColumn() {
        do {
            _ = try YAMLValue.parse("a: [1, 2\nb: 3\n", file: "bad.yaml")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.location?.file == "bad.yaml")
            #expect(error.location?.line != nil)
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func typedAccessorsExplainMismatch() throws {
        let root = try YAMLValue.parse("epochs: many\nrate: 0.5\nflag: true\n", file: "t.yaml")
        let map = try root.mapping(allowedKeys: ["epochs", "rate", "flag"])
        #expect(try map.required("rate").double() == 0.5)
        #expect(try map.required("flag").bool() == true)
        do {
            _ = try map.required("epochs").int()
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.description == "t.yaml:1:9: epochs: expected a whole number, found 'many'")
        }
    }

    @Test func missingRequiredKey() throws {
        let root = try YAMLValue.parse("a: 1\n", file: "t.yaml")
        let map = try root.mapping(allowedKeys: ["a", "b"])
        #expect(map["b"] == nil)
        #expect(throws: InputError.self) { try map.required("b") }
    }

    @Test func suggestions() {
        #expect(closestMatch(to: "lable", among: ["label", "path"]) == "label")
        #expect(closestMatch(to: "zzzzzz", among: ["label", "path"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
