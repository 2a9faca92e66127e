/// Accumulates the area under the margin (AUM; Pleiss et al. 2020,
/// "Identifying Mislabeled Data using the Area Under the Margin Ranking").
///
/// Each presentation of an example during training contributes its logit
/// margin `z_y − max_{c≠y} z_c`, taken from the training forward pass of its
/// mini-batch before that batch's update. The score of an example is the mean
/// of its margins over all its presentations,
/// `AUM(x) = (1/T_x) Σ_t margin_t(x)`, summed in `Double` in presentation order.
/// (Pleiss et al. average over epochs; with every example presented once per
/// epoch the two coincide, and repeated rows are averaged over every presentation.)
///
/// Range: any real number; low (negative) values mark examples whose label the
/// model keeps contradicting — likely mislabelled.
///
/// Never-presented examples have no margins. Their score is **0**, the
/// decision boundary: "no evidence either way". (In
/// ``computeScores(_:features:labels:classCount:model:training:progress:parallel:)``
/// this cannot happen — every example is presented once per epoch and AUM
/// requires at least one epoch.) ``presentations`` tells them apart.
public struct AreaUnderMargin: Sendable, Equatable {
    /// Sum of the margins seen so far, per example.
    public private(set) var sums: [Double]
    /// Number of presentations seen so far, per example.
    public private(set) var presentations: [Int]

    /// An accumulator for examples `0..<exampleCount`, none presented yet.
    public init(exampleCount: Int) {
        sums = [Double](repeating: 0, count: exampleCount)
        presentations = [Int](repeating: 0, count: exampleCount)
    }

    /// Records one presentation of `example` with logit margin `margin`.
    public mutating func record(example: Int, margin: Double) {
        sums[example] += margin
        presentations[example] += 1
    }

    /// Records one mini-batch as the trainer reports it: `margins[i]` (from the
    /// batch's forward pass) belongs to `examples[i]`.
    public mutating func record(examples: ArraySlice<Int>, margins: ArraySlice<Float>) {
        precondition(examples.count == margins.count, "AreaUnderMargin: one margin per example is needed")
        for (example, margin) in zip(examples, margins) { record(example: example, margin: Double(margin)) }
    }

    /// Records one mini-batch: `margins[i]` belongs to `examples[i]`.
    public mutating func record(examples: ArraySlice<Int>, margins: [Double]) {
        precondition(examples.count == margins.count, "AreaUnderMargin: one margin per example is needed")
        for (example, margin) in zip(examples, margins) { record(example: example, margin: margin) }
    }

    /// The AUM of every example: mean margin over its presentations, 0 for a
    /// never-presented example.
    public func scores() -> [Double] {
        sums.indices.map { presentations[$0] > 0 ? sums[$0] / Double(presentations[$0]) : 0 }
    }
}
