import Foundation
import Testing

@testable import AuditPipeline
@testable import Auditing
@testable import DietAuditCore
@testable import Scoring

/// Score directions in the spec, exact fractions, duplicates, and full-range seeds.
@Suite struct SpecDirectionAndDuplicatesTests {
    let base = "audit: x\ndataset: {path: d.csv, label: y}\n"

    func parse(_ text: String) throws -> AuditSpec {
        try AuditSpec.parse(training(text), file: "a.yaml", folder: URL(fileURLWithPath: "/specs"))
    }

    /// The spec with an empty `training` section appended when it has neither
    /// `model` nor `training`, so it trains (a spec without both is audit-only);
    /// appended last, so every line number stays.
    func training(_ text: String) -> String {
        text.contains("model:") || text.contains("training:") ? text : text + "\ntraining: {}\n"
    }

    func message(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    /// Built-in kinds carry the DESIGN.md direction; an imported score takes
    /// `higher_is` (default `harder`).
    @Test func directionsFromKindsAndHigherIs() throws {
        let spec = try parse(
            base + """
                training: {epochs: 3}
                scores:
                  - {kind: el2n}
                  - {kind: grand}
                  - {kind: loss}
                  - {kind: forgetting}
                  - {kind: variability}
                  - {kind: input_norm}
                  - {kind: random}
                  - {kind: margin}
                  - {kind: aum}
                  - {kind: confidence}
                  - {kind: imported, path: s.csv, column: a}
                  - {kind: imported, path: s.csv, column: b, higher_is: easier}
                  - {kind: imported, path: s.csv, column: c, higher_is: harder}
                """)
        let directions = spec.scores.map(\.direction)
        #expect(
            directions == [ScoreDirection](repeating: .harder, count: 7) + [
                .easier, .easier, .easier, .harder, .easier, .harder,
            ])
    }

    @Test func unknownHigherIsIsLocatedWithSuggestion() {
        #expect(
            message(base + "scores: [{kind: imported, path: s.csv, column: a, higher_is: easer}]\n")
                == "a.yaml:3:62: scores[0].higher_is: 'easer' is not allowed; expected one of 'harder', 'easier'; did you mean 'easier'?"
        )
        #expect(
            message(base + "scores: [{kind: aum, higher_is: easier}]\n")?
                .contains("'higher_is' does not apply to a score of kind aum") == true)
    }

    /// A policy or a fraction (equal as decimals) listed twice is an error at
    /// the second occurrence.
    @Test func duplicatesAreLocatedAtTheSecondOccurrence() {
        #expect(
            message(base + "pruning:\n  fractions: [0.3, 0.5, 0.30]\n")
                == "a.yaml:4:25: pruning.fractions[2]: fraction 0.3 is listed twice (as decimals, it equals fractions[0])"
        )
        #expect(
            message(base + "pruning:\n  policies: [keep_hard, random, keep_hard]\n")
                == "a.yaml:4:33: pruning.policies[2]: policy keep_hard is listed twice (first as policies[0])")
        #expect(
            message(base + "scores:\n  - {kind: aum}\n  - {kind: el2n}\n  - {kind: aum}\n")
                == "a.yaml:6:5: scores[2]: score 'aum' is listed twice")
        #expect(
            message(base + "pruning: {fractions: [0.1, abc]}\n")
                == "a.yaml:3:28: pruning.fractions[1]: expected a decimal number such as 0.3, found 'abc'")
    }

    /// Fractions keep the decimal as written, so sizes are exact.
    @Test func fractionsAreExactDecimals() throws {
        let spec = try parse(base + "pruning: {fractions: [0.7, 25e-2, .05]}\n")
        #expect(spec.pruning.fractions.map(\.description) == ["0.7", "0.25", "0.05"])
        #expect(spec.pruning.fractions[0].roundedHalfEven(times: 45) == 32)
        let test = try parse("audit: x\ndataset: {path: d.csv, label: y, test: {fraction: 0.35}}\n")
        #expect(test.dataset.test == .fraction(DecimalFraction(digits: 35, scale: 2)))
    }

    /// The whole UInt64 range is a valid seed; beyond it or negative is located.
    @Test func seedsCoverTheUnsignedRange() throws {
        #expect(try parse(base + "training: {seed: 18446744073709551615}\n").training.seed == UInt64.max)
        #expect(try parse(base + "training: {seed: 9223372036854775807}\n").training.seed == UInt64(Int64.max))
        #expect(
            message(base + "training: {seed: -1}\n")
                == "a.yaml:3:18: training.seed: seed must be a whole number from 0 to 18446744073709551615, found '-1'")
        #expect(
            message(base + "training: {seed: 18446744073709551616}\n")?.contains("seed must be a whole number") == true)
    }
}
