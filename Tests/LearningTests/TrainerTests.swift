import DietAuditCore
import Testing

@testable import Learning

/// Records everything a training run reports.
final class RecordingObserver: TrainingObserver {
    var epochs = [Int]()
    var networks = [Network]()
    var batches = [(epoch: Int, examples: [Int], correct: [Bool])]()
    var stopAfter: Int?

    func trainingReached(epoch: Int, network: Network) -> TrainingDecision {
        epochs.append(epoch)
        networks.append(network)
        return epoch == stopAfter ? .stop : .proceed
    }

    func trainingPresented(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, margins: ArraySlice<Float>, epoch: Int)
    {
        batches.append((epoch, Array(examples), Array(correct)))
    }
}

@Suite struct TrainerTests {
    static let data = TestData.blobs(classes: 3, perClass: 100, dimensions: 5)
    static let spec = TrainingSpec(epochs: 10, batchSize: 128, optimizer: OptimizerSpec(learningRate: 0.1))

    @Test func learnsPlantedSeparableClasses() throws {
        var network = Network(layerSizes: [5, 16, 3], seed: 1)
        let before = network.accuracy(on: Self.data.features, labels: Self.data.labels)!
        try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: Self.spec, seed: 1)
        #expect(network.accuracy(on: Self.data.features, labels: Self.data.labels)! >= 0.98)
        let heldOut = TestData.blobs(classes: 3, perClass: 50, dimensions: 5, seed: 99)
        #expect(network.accuracy(on: heldOut.features, labels: heldOut.labels)! >= 0.95)
        #expect(before < 0.9)
        let meanLoss = network.losses(for: Self.data.features, labels: Self.data.labels).reduce(0, +) / 300
        #expect(meanLoss < 0.1)
    }

    @Test func sameSeedIsBitIdenticalAndSeedsDiffer() throws {
        func run(initSeed: UInt64, shuffleSeed: UInt64) throws -> [Float] {
            var network = Network(layerSizes: [5, 16, 3], seed: initSeed)
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels, spec: Self.spec, seed: shuffleSeed)
            return network.parameters
        }
        let first = try run(initSeed: 7, shuffleSeed: 7)
        #expect(try run(initSeed: 7, shuffleSeed: 7) == first)
        #expect(try run(initSeed: 8, shuffleSeed: 8) != first)
        #expect(try run(initSeed: 7, shuffleSeed: 8) != first, "the shuffle stream must matter")
    }

    @Test func observerSeesEveryEpochAndEveryExampleOncePerEpoch() throws {
        var network = Network(layerSizes: [5, 16, 3], seed: 2)
        let initial = network
        let observer = RecordingObserver()
        let completed = try train(
            network: &network, on: Self.data.features, labels: Self.data.labels,
            spec: TrainingSpec(epochs: 3, batchSize: 128), seed: 2, observer: observer)
        #expect(completed == 3)
        #expect(observer.epochs == [0, 1, 2, 3])
        #expect(observer.networks.first == initial)
        #expect(observer.networks.last == network)
        // 300 examples in batches of 128: 128, 128 and the partial 44.
        #expect(observer.batches.filter { $0.epoch == 1 }.map(\.examples.count) == [128, 128, 44])
        for epoch in 1...3 {
            let presented = observer.batches.filter { $0.epoch == epoch }.flatMap(\.examples)
            #expect(presented.sorted() == Array(0..<300))
        }
        // The first batch is judged by the untouched initial network.
        let firstBatch = observer.batches[0]
        let predicted = initial.predictedClasses(for: Self.data.features)
        #expect(firstBatch.correct == firstBatch.examples.map { predicted[$0] == Self.data.labels[$0] })
        // Epoch orders differ (reshuffled each epoch).
        #expect(observer.batches[0].examples != observer.batches[3].examples)
    }

    @Test func stoppingEarlyEqualsTrainingFewerEpochs() throws {
        var stopped = Network(layerSizes: [5, 16, 3], seed: 3)
        let observer = RecordingObserver()
        observer.stopAfter = 2
        let completed = try train(
            network: &stopped, on: Self.data.features, labels: Self.data.labels,
            spec: Self.spec, seed: 3, observer: observer)
        #expect(completed == 2)
        #expect(observer.epochs == [0, 1, 2])
        var short = Network(layerSizes: [5, 16, 3], seed: 3)
        try train(
            network: &short, on: Self.data.features, labels: Self.data.labels,
            spec: TrainingSpec(epochs: 2, batchSize: 128), seed: 3)
        #expect(stopped.parameters == short.parameters)
    }

    /// Rows outside `rows` carry NaN features: if training touched them, the
    /// parameters would turn NaN. Only the chosen rows may be presented.
    @Test func restrictingRowsTrainsOnlyOnThoseRows() throws {
        var features = Self.data.features
        let labels = Self.data.labels
        let chosen = (0..<300).filter { $0 % 3 != 2 }  // classes 0 and 1 only
        for row in 0..<300 where !chosen.contains(row) {
            for column in 0..<5 { features.values[row * 5 + column] = .nan }
        }
        var network = Network(layerSizes: [5, 16, 3], seed: 4)
        let observer = RecordingObserver()
        try train(
            network: &network, on: features, labels: labels, rows: chosen,
            spec: TrainingSpec(epochs: 4, batchSize: 64), seed: 4, observer: observer)
        #expect(network.parameters.allSatisfy { $0.isFinite })
        for epoch in 1...4 {
            #expect(observer.batches.filter { $0.epoch == epoch }.flatMap(\.examples).sorted() == chosen)
        }
        let clean = Self.data.features.selecting(rows: chosen)
        #expect(network.accuracy(on: clean, labels: chosen.map { labels[$0] })! >= 0.98)
        // Never shown class 2, the model never predicts it on class-2 examples.
        let classTwo = Self.data.features.selecting(rows: (0..<300).filter { $0 % 3 == 2 })
        #expect(!network.predictedClasses(for: classTwo).contains(2))
    }

    @Test func invalidSettingsAreInputErrors() {
        var network = Network(layerSizes: [5, 4, 3], seed: 0)
        var spec = TrainingSpec()
        spec.optimizer.kind = "sdg"
        #expect {
            try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 0)
        } throws: { ($0 as? InputError)?.message.contains("did you mean 'sgd'") == true }
        #expect(throws: InputError.self) {
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels,
                spec: TrainingSpec(batchSize: 0), seed: 0)
        }
        #expect(throws: InputError.self) {
            try train(
                network: &network, on: Self.data.features, labels: Array(Self.data.labels.dropFirst()),
                spec: TrainingSpec(), seed: 0)
        }
        #expect(throws: InputError.self) {
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels, rows: [0, 300],
                spec: TrainingSpec(), seed: 0)
        }
        #expect(throws: InputError.self) {
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels, rows: [],
                spec: TrainingSpec(), seed: 0)
        }
    }
}
