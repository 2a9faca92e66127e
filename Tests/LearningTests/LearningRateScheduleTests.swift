import DietAuditCore
import Testing

@testable import Learning

@Suite struct LearningRateScheduleTests {
    @Test func constantIsTheBaseRateExactly() {
        for epoch in 0..<5 { #expect(LearningRateSchedule.constant.rate(epoch: epoch, of: 5, base: 0.1) == 0.1) }
    }

    /// Source: `[0.1 * 0.5 ** (e // 3) for e in range(8)]` in Python (Tests/References/learning_rate_schedules.py).
    @Test func stepRatesMatchClosedForm() {
        let expected = [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025]
        let schedule = LearningRateSchedule.step(everyEpochs: 3, factor: 0.5)
        for (epoch, rate) in expected.enumerated() {
            #expect(abs(Double(schedule.rate(epoch: epoch, of: 8, base: 0.1)) - rate) < 1e-8, "epoch \(epoch)")
        }
    }

    /// Source: `[0.001 + (0.1 - 0.001) * (1 + math.cos(math.pi * e / 8)) / 2 for e in range(8)]`
    /// (Tests/References/learning_rate_schedules.py).
    @Test func cosineRatesMatchClosedForm() {
        let expected = [
            0.1, 0.0962320368593087, 0.0855017856687341, 0.06944282990207196,
            0.0505, 0.03155717009792806, 0.0154982143312659, 0.004767963140691307,
        ]
        let schedule = LearningRateSchedule.cosine(minimum: 0.001)
        for (epoch, rate) in expected.enumerated() {
            #expect(abs(Double(schedule.rate(epoch: epoch, of: 8, base: 0.1)) - rate) < 1e-8, "epoch \(epoch)")
        }
    }

    @Test func invalidSchedulesAreInputErrors() {
        let data = TestData.blobs(classes: 3, perClass: 10, dimensions: 5)
        var network = Network(layerSizes: [5, 3], seed: 0)
        let invalid: [(LearningRateSchedule, String)] = [
            (.step(everyEpochs: 0, factor: 0.5), "every"),
            (.step(everyEpochs: -2, factor: 0.5), "every"),
            (.step(everyEpochs: 2, factor: 0), "factor"),
            (.step(everyEpochs: 2, factor: -0.1), "factor"),
            (.step(everyEpochs: 2, factor: .nan), "factor"),
            (.cosine(minimum: -0.01), "minimum"),
            (.cosine(minimum: 0.2), "minimum"),  // above the base rate 0.1
        ]
        for (schedule, key) in invalid {
            let spec = TrainingSpec(epochs: 2, optimizer: OptimizerSpec(learningRate: 0.1), schedule: schedule)
            #expect("\(schedule)") {
                try train(network: &network, on: data.features, labels: data.labels, spec: spec, seed: 0)
            } throws: { ($0 as? InputError)?.message.contains("training.schedule.\(key)") == true }
        }
        // The edges are allowed: minimum 0 and minimum equal to the rate.
        for schedule in [
            LearningRateSchedule.cosine(minimum: 0), .cosine(minimum: 0.1), .step(everyEpochs: 1, factor: 2),
        ] {
            let spec = TrainingSpec(epochs: 1, optimizer: OptimizerSpec(learningRate: 0.1), schedule: schedule)
            #expect(throws: Never.self) {
                try train(network: &network, on: data.features, labels: data.labels, spec: spec, seed: 0)
            }
        }
    }
}
