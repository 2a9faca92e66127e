/// Counts forgetting events (Toneva et al. 2019) from the sequence of
/// presentations of each example during training.
///
/// A presentation records whether the training forward pass classified the
/// example correctly. A forgetting event is a 1 → 0 flip between two
/// consecutive presentations of the same example. The score of an example is
/// its number of forgetting events, except that an example never classified
/// correctly in any presentation ("never learned") gets the number of
/// training epochs, ranking it with the most forgotten. Range 0…epochs
/// (events can reach epochs − 1 at most when each example is seen once per epoch).
public struct ForgettingCounter: Sendable, Equatable {
    /// Forgetting events seen so far per example.
    public private(set) var events: [Int]
    /// Whether each example has been correct at least once.
    public private(set) var learned: [Bool]
    /// The outcome of each example's last presentation (`nil` before its first).
    private var last: [Bool?]

    /// A counter for examples `0..<exampleCount`, none presented yet.
    public init(exampleCount: Int) {
        events = [Int](repeating: 0, count: exampleCount)
        learned = [Bool](repeating: false, count: exampleCount)
        last = [Bool?](repeating: nil, count: exampleCount)
    }

    /// Records one presentation of `example`.
    public mutating func record(example: Int, correct: Bool) {
        if last[example] == true && !correct { events[example] += 1 }
        if correct { learned[example] = true }
        last[example] = correct
    }

    /// Records one mini-batch of presentations (as a training observer sees it).
    public mutating func record(examples: ArraySlice<Int>, correct: ArraySlice<Bool>) {
        for (example, outcome) in zip(examples, correct) { record(example: example, correct: outcome) }
    }

    /// The forgetting score of every example: its event count, or `epochs` for
    /// an example never learned (including one never presented).
    public func scores(epochs: Int) -> [Double] {
        events.indices.map { learned[$0] ? Double(events[$0]) : Double(epochs) }
    }
}
