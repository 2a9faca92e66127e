import DietAuditCore
import Testing

@testable import Learning

/// Training with Adam and with learning-rate schedules.
@Suite struct TrainerOptimizerTests {
    static let data = TestData.blobs(classes: 3, perClass: 100, dimensions: 5)
    static let adam = TrainingSpec(
        epochs: 10, batchSize: 32,
        optimizer: OptimizerSpec(kind: "adam", learningRate: 0.01, weightDecay: 0))

    static func maxChange(_ a: Network, _ b: Network) -> Float {
        zip(a.parameters, b.parameters).map { abs($0 - $1) }.max()!
    }

    @Test func adamLearnsPlantedSeparableClasses() throws {
        var network = Network(layerSizes: [5, 16, 3], seed: 1)
        #expect(network.accuracy(on: Self.data.features, labels: Self.data.labels)! < 0.9)
        try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: Self.adam, seed: 1)
        #expect(network.accuracy(on: Self.data.features, labels: Self.data.labels)! >= 0.98)
        let heldOut = TestData.blobs(classes: 3, perClass: 50, dimensions: 5, seed: 99)
        #expect(network.accuracy(on: heldOut.features, labels: heldOut.labels)! >= 0.95)
    }

    @Test func adamIsBitIdenticalForASeedAndDiffersFromSGD() throws {
        func run(_ spec: TrainingSpec, seed: UInt64) throws -> [Float] {
            var network = Network(layerSizes: [5, 16, 3], seed: seed)
            try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: seed)
            return network.parameters
        }
        let first = try run(Self.adam, seed: 7)
        #expect(try run(Self.adam, seed: 7) == first)
        #expect(try run(Self.adam, seed: 8) != first)
        var sgd = Self.adam
        sgd.optimizer.kind = "sgd"
        #expect(try run(sgd, seed: 7) != first, "the kind must select the optimiser")
    }

    /// Step schedule with a tiny factor after epoch 1: epoch 1 is exactly the
    /// unscheduled epoch 1, later epochs barely move the weights (rate 1e-7).
    @Test(arguments: ["sgd", "adam"])
    func stepScheduleFreezesTrainingAfterTheStep(kind: String) throws {
        var spec = TrainingSpec(
            epochs: 3, batchSize: 64, optimizer: OptimizerSpec(kind: kind, learningRate: 0.1),
            schedule: .step(everyEpochs: 1, factor: 1e-6))
        var network = Network(layerSizes: [5, 16, 3], seed: 2)
        let observer = RecordingObserver()
        try train(
            network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 2, observer: observer
        )
        #expect(observer.epochs == [0, 1, 2, 3])
        spec.schedule = .constant
        var constant = Network(layerSizes: [5, 16, 3], seed: 2)
        let constantObserver = RecordingObserver()
        try train(
            network: &constant, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 2,
            observer: constantObserver)
        let n = observer.networks, c = constantObserver.networks
        #expect(n[1] == c[1], "epoch 0 runs at the base rate")
        #expect(Self.maxChange(n[0], n[1]) > 0.01)
        #expect(Self.maxChange(n[1], n[2]) < 1e-4)
        #expect(Self.maxChange(n[2], n[3]) < 1e-6)
        #expect(Self.maxChange(c[1], c[2]) > 1e-3, "without the schedule epoch 2 still moves")
    }

    /// Full-batch SGD without momentum or decay: each epoch is one step
    /// `w ← w − rate(e) · ∇L(w)`. Re-running each epoch alone from the
    /// observed network with the closed-form cosine rate as a constant rate
    /// must land on the next observed network (up to summation order).
    @Test func cosineScheduleIsAppliedPerEpoch() throws {
        let optimizer = OptimizerSpec(learningRate: 0.5, momentum: 0, weightDecay: 0)
        let schedule = LearningRateSchedule.cosine(minimum: 0.01)
        let spec = TrainingSpec(epochs: 4, batchSize: 300, optimizer: optimizer, schedule: schedule)
        var network = Network(layerSizes: [5, 8, 3], seed: 3)
        let observer = RecordingObserver()
        try train(
            network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 3, observer: observer
        )
        // Source: [0.01 + (0.5 - 0.01) * (1 + math.cos(math.pi * e / 4)) / 2 for e in range(4)]
        // (Tests/References/learning_rate_schedules.py)
        let rates: [Float] = [0.5, 0.4282411613907041, 0.255, 0.08175883860929586]
        for epoch in 0..<4 {
            var alone = observer.networks[epoch]
            var single = OptimizerSpec(learningRate: rates[epoch], momentum: 0, weightDecay: 0)
            single.kind = "sgd"
            try train(
                network: &alone, on: Self.data.features, labels: Self.data.labels,
                spec: TrainingSpec(epochs: 1, batchSize: 300, optimizer: single), seed: 3)
            #expect(Self.maxChange(alone, observer.networks[epoch + 1]) < 1e-5, "epoch \(epoch)")
            #expect(Self.maxChange(observer.networks[epoch], observer.networks[epoch + 1]) > 1e-3)
        }
    }

    @Test func invalidAdamSettingsAreInputErrors() {
        var network = Network(layerSizes: [5, 3], seed: 0)
        func attempt(_ optimizer: OptimizerSpec) throws {
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels,
                spec: TrainingSpec(epochs: 1, optimizer: optimizer), seed: 0)
        }
        #expect { try attempt(OptimizerSpec(kind: "adma")) } throws: {
            ($0 as? InputError)?.message.contains("did you mean 'adam'") == true
        }
        for bad in [
            OptimizerSpec(kind: "adam", beta1: 1), OptimizerSpec(kind: "adam", beta2: -0.1),
            OptimizerSpec(kind: "adam", epsilon: 0),
        ] {
            #expect(throws: InputError.self) { try attempt(bad) }
        }
    }
}
