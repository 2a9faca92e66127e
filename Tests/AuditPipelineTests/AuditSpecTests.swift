import Foundation
import Testing

@testable import AuditPipeline
@testable import Auditing
@testable import Datasets
@testable import DietAuditCore
@testable import Learning
@testable import Scoring

@Suite struct AuditSpecTests {
    func parse(_ text: String) throws -> AuditSpec { try parseSpec(text) }

    func message(_ text: String) -> String? { specErrorMessage(text) }

    @Test func fullSpecParses() throws {
        let spec = try parse(
            """
            audit: german-credit
            dataset:
              path: ../datasets/german_credit.csv
              label: class
              positive_label: bad
              drop: [personal_status]
              attributes: [sex, age_group]
              test: {fraction: 0.25}
            model: {kind: mlp, hidden: [32, 16]}
            training:
              epochs: 10
              batch_size: 64
              optimizer: {kind: sgd, learning_rate: 0.05, momentum: 0.5, weight_decay: 0.001}
              seeds: 3
              seed: 7
            scores:
              - {kind: el2n, epoch: 2}
              - {kind: grand, epoch: 0}
              - {kind: forgetting}
              - {kind: input_norm}
              - {kind: imported, path: s.csv, column: score, id_column: id}
            pruning:
              fractions: [0.1, 0.5]
              policies: [keep_hard, random]
              retrain: {seeds: 0}
            ruleset: ../rulesets/default.yaml
            """)
        #expect(spec.name == "german-credit")
        #expect(spec.dataset.path == "/datasets/german_credit.csv")
        #expect(spec.dataset.displayPath == "../datasets/german_credit.csv")
        #expect(spec.dataset.positiveLabel == "bad")
        #expect(spec.dataset.attributes == ["sex", "age_group"])
        #expect(spec.dataset.test == .fraction(0.25))
        #expect(spec.dataset.seed == 7)
        #expect(spec.model.kind == .mlp(hidden: [32, 16]))
        #expect(spec.training.epochs == 10 && spec.training.batchSize == 64 && spec.training.seeds == 3)
        #expect(spec.training.optimizer.learningRate == 0.05)
        #expect(spec.scores.map(\.name) == ["el2n@2", "grand@0", "forgetting", "input_norm", "imported:score"])
        #expect(spec.pruning.fractions == [0.1, 0.5])
        #expect(spec.pruning.policies == [.keepHard, .random])
        #expect(spec.pruning.retrainSeeds == 0)
        #expect(spec.rulesetPath == "/rulesets/default.yaml")
    }

    @Test func defaultsFillTheRest() throws {
        let spec = try parse("audit: x\ndataset: {path: d.csv, label: y}\n")
        #expect(spec.model.kind == .mlp(hidden: [64]))
        #expect(spec.training.epochs == 20 && spec.training.seeds == 5)
        #expect(spec.scores.map(\.name) == ["el2n@2", "grand@0", "input_norm"])
        #expect(spec.pruning.fractions == [0.1, 0.3, 0.5, 0.7])
        #expect(spec.pruning.policies == [.keepHard, .keepEasy, .random, .classBalanced])
        #expect(spec.rulesetPath == nil)
    }

    @Test func unknownTopLevelKeyIsLocated() {
        #expect(
            message("audit: x\ndatset: {}\n")
                == "a.yaml:2:1: datset: unknown key 'datset'; expected one of 'audit', 'description', 'dataset', "
                + "'model', 'training', 'scores', 'pruning', 'ruleset', 'seed', 'training_records'; did you mean "
                + "'dataset'?"
        )
    }

    @Test func nestedUnknownKeyIsLocated() {
        #expect(
            message("audit: x\ndataset:\n  path: d.csv\n  label: y\ntraining:\n  epoch: 3\n")?
                .hasPrefix("a.yaml:6:3: training.epoch: unknown key 'epoch'") == true)
        #expect(
            message("audit: x\ndataset:\n  path: d.csv\n  label: y\ntraining:\n  epoch: 3\n")?
                .hasSuffix("did you mean 'epochs'?") == true)
    }

    @Test func badValuesNameKeyAndExpectation() {
        let base = "audit: x\ndataset: {path: d.csv, label: y}\n"
        #expect(
            message(base + "pruning: {fractions: [0.1, 1.5]}\n")
                == "a.yaml:3:28: pruning.fractions[1]: a pruning fraction must be between 0 and 1 (exclusive), found "
                + "1.5"
        )
        #expect(
            message(base + "training: {epochs: 0}\n")
                == "a.yaml:3:20: training.epochs: expected a positive whole number, found 0")
        #expect(
            message(base + "model: {kind: transformer}\n")?.contains(
                "'transformer' is not allowed; expected one of 'softmax', 'mlp'") == true)
        #expect(message(base + "pruning: {policies: [keep_hardest]}\n")?.hasSuffix("did you mean 'keep_hard'?") == true)
        #expect(
            message(base + "training: {epochs: 5}\nscores: [{kind: el2n, epoch: 9}]\n")?
                .contains("epoch 9 is outside the training run") == true)
        #expect(
            message(base + "scores: [{kind: forgetting, epoch: 2}]\n")?.contains(
                "'epoch' does not apply to a score of kind forgetting") == true)
        #expect(
            message(base + "scores: [{kind: el2n}, {kind: el2n, epoch: 2}]\n")?.contains(
                "score 'el2n@2' is listed twice") == true)
        #expect(
            message("audit: x\ndataset: {path: d.csv}\n")
                == "a.yaml:2:10: dataset: missing required key 'dataset.label'")
    }

    @Test func adamAndSchedules() throws {
        let base = "audit: x\ndataset: {path: d.csv, label: y}\n"
        let adam = try parse(
            base + "training:\n  optimizer: {kind: adam, beta2: 0.99}\n  schedule: {kind: cosine, minimum: 0.0001}\n")
        #expect(adam.training.optimizer.kind == "adam")
        #expect(adam.training.optimizer.learningRate == 0.001)
        #expect(adam.training.optimizer.beta2 == 0.99)
        #expect(adam.training.schedule == .cosine(minimum: 0.0001))
        let step = try parse(base + "training: {schedule: {kind: step, every: 5, factor: 0.5}}\n")
        #expect(step.training.schedule == .step(everyEpochs: 5, factor: 0.5))
        #expect(try parse(base + "training: {schedule: constant}\n").training.schedule == .constant)
        #expect(
            message(base + "training: {optimizer: {kind: sgd, beta1: 0.9}}\n")?.contains(
                "'beta1' applies to the adam optimizer, not to sgd") == true)
        #expect(
            message(base + "training: {schedule: {kind: step, every: 0}}\n")?.contains(
                "every must be a positive number of epochs") == true)
        #expect(
            message(base + "training: {schedule: {kind: cosine, minimum: 1}}\n")?.contains(
                "minimum must be between 0 and learning_rate") == true)
        #expect(message(base + "training: {optimizer: {kind: adamw}}\n")?.hasSuffix("did you mean 'adam'?") == true)
    }

    @Test func everyScoreKindParses() throws {
        let spec = try parse(
            """
            audit: x
            dataset: {path: d.csv, label: y}
            training: {epochs: 4}
            scores:
              - {kind: loss, epoch: 1}
              - {kind: margin}
              - {kind: aum}
              - {kind: confidence}
              - {kind: variability}
              - {kind: random}
            """)
        #expect(spec.scores.map(\.name) == ["loss@1", "margin@2", "aum", "confidence", "variability", "random"])
    }

    @Test func rowFilterParses() throws {
        let spec = try parse(
            "audit: x\ndataset:\n  path: d.csv\n  label: y\n  where: {propublica_filter: 1, race: [a, b]}\n")
        #expect(
            spec.dataset.rowFilter
                == RowFilter(conditions: [
                    (column: "propublica_filter", values: ["1"]), (column: "race", values: ["a", "b"]),
                ]))
        #expect(
            message("audit: x\ndataset:\n  path: d.csv\n  label: y\n  where: [a]\n")?.contains(
                "where needs a mapping of column to value(s)") == true)
    }

    @Test func syntaxErrorIsLocated() {
        let text = message("audit: x\ndataset: {path: d.csv, label: y\n")
        #expect(text?.hasPrefix("a.yaml:") == true)
        #expect(text?.contains("YAML syntax error") == true)
    }

    @Test func missingSpecFile() {
        #expect(throws: InputError.self) { try AuditSpec.load(fileAt: "/nonexistent/spec.yaml") }
    }
}
