/// Dropping training examples after the data are prepared.
extension PreparedDataset {
    /// The dataset with only the training examples at `positions` (ascending
    /// indices into ``train``): ids, labels, encoded features and every
    /// grouping's training part are cut to them; the test split, class names
    /// and group names are unchanged.
    public func keepingTrainExamples(at positions: [Int]) -> PreparedDataset {
        var kept = self
        let width = train.featureCount
        var features: [Float] = []
        features.reserveCapacity(positions.count * width)
        for position in positions {
            features.append(contentsOf: train.features[(position * width)..<((position + 1) * width)])
        }
        kept.train = EncodedSplit(
            ids: train.ids.selecting(positions), labels: positions.map { train.labels[$0] }, features: features,
            count: positions.count, featureCount: width)
        kept.groupings = groupings.map { grouping in
            var cut = grouping
            cut.train = grouping.train.selecting(positions)
            return cut
        }
        return kept
    }
}
