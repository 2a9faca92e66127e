/// What one scoring seed collects from a model's class outputs over training:
/// the epoch-indexed scores (`el2n@t`, `loss@t`, `margin@t`), forgetting
/// events, the area under the margin and the cartography probabilities.
///
/// It is the one place these scores are computed, whatever the outputs come
/// from: DietAudit's own training (``ScoringRun`` hands it the network's logits
/// at each epoch end, and the trainer's presentations for forgetting and AUM)
/// or imported training records (logits or probabilities per seed and epoch,
/// read in slices). Each row of outputs is summarised by ``ExampleOutputs``.
///
/// Epochs are numbered as the trainer numbers them: 0 = at initialisation,
/// t = after t epochs. Cartography records epochs 1…E. What a row of outputs
/// stands for is its ``RecordTiming``: an epoch end (EL2N, loss, margin,
/// cartography), a presentation in epoch t ≥ 1 (forgetting flips between
/// consecutive presentations; AUM averages their margins), or both.
public struct TrainingDynamics: Sendable {
    let plan: ScoringPlan
    let labels: [Int]
    let classCount: Int
    /// EL2N values by epoch (NaN until their rows are recorded).
    private(set) var el2n = [Int: [Double]]()
    /// Per-example cross-entropy by epoch.
    private(set) var loss = [Int: [Double]]()
    /// Logit margins by epoch.
    private(set) var margin = [Int: [Double]]()
    /// Forgetting events, when forgetting was asked for.
    var forgetting: ForgettingCounter?
    /// Margins summed over presentations, when AUM was asked for.
    var areaUnderMargin: AreaUnderMargin?
    /// True-class probabilities at each epoch 1…E, when cartography was asked for.
    private(set) var cartography: Cartography?

    init(plan: ScoringPlan, labels: [Int], classCount: Int) {
        self.plan = plan
        self.labels = labels
        self.classCount = classCount
        forgetting = plan.countForgetting ? ForgettingCounter(exampleCount: labels.count) : nil
        cartography = plan.cartography ? Cartography(exampleCount: labels.count) : nil
        areaUnderMargin = plan.areaUnderMargin ? AreaUnderMargin(exampleCount: labels.count) : nil
    }

    /// The statistics `specs` need over a run of `epochs` epochs, for examples
    /// with `labels` (class indices in `0..<classCount`).
    public init(scores specs: [ScoreSpec], epochs: Int, labels: [Int], classCount: Int) {
        self.init(plan: ScoringPlan(specs: specs, epochs: epochs), labels: labels, classCount: classCount)
    }

    /// Whether anything needs class outputs of epoch `epoch` taken at `timing`.
    public func needsOutputs(atEpoch epoch: Int, timing: RecordTiming = .epochEnd) -> Bool {
        let endNeeded =
            plan.el2nEpochs.contains(epoch) || plan.lossEpochs.contains(epoch) || plan.marginEpochs.contains(epoch)
            || (epoch >= 1 && cartography != nil)
        let presentationNeeded = epoch >= 1 && (forgetting != nil || areaUnderMargin != nil)
        return (timing.isEpochEnd && endNeeded) || (timing.isPresentation && presentationNeeded)
    }

    /// Prepares the per-example arrays of epoch `epoch`; call once per epoch,
    /// in epoch order, before its rows are recorded.
    public mutating func beginEpoch(_ epoch: Int) {
        let blank = [Double](repeating: .nan, count: labels.count)
        if plan.el2nEpochs.contains(epoch) { el2n[epoch] = blank }
        if plan.lossEpochs.contains(epoch) { loss[epoch] = blank }
        if plan.marginEpochs.contains(epoch) { margin[epoch] = blank }
        if epoch >= 1 { cartography?.appendEpoch() }
    }

    /// Records rows of class outputs of epoch `epoch` (after
    /// ``beginEpoch(_:)``): row k of `outputs` (`classCount` values) belongs to
    /// example `exampleIndex?[firstRow + k] ?? firstRow + k`; a negative
    /// example index skips the row.
    /// - Parameter timing: whether the rows are epoch-end outputs, the
    ///   examples' presentations in epoch `epoch` (≥ 1, for forgetting and
    ///   AUM), or both. Presentations need no ``beginEpoch(_:)``.
    public mutating func record<Scalar: ClassOutputScalar>(
        epoch: Int, outputs: UnsafeBufferPointer<Scalar>, kind: ClassOutputKind, firstRow: Int,
        exampleIndex: [Int]? = nil, timing: RecordTiming = .epochEnd
    ) {
        precondition(outputs.count % max(classCount, 1) == 0, "TrainingDynamics: whole rows are needed")
        guard let base = outputs.baseAddress else { return }
        let rows = outputs.count / max(classCount, 1)
        let ends = timing.isEpochEnd
        let takesEL2N = ends && el2n[epoch] != nil, takesLoss = ends && loss[epoch] != nil
        let takesMargin = ends && margin[epoch] != nil
        let presents = timing.isPresentation && epoch >= 1
        let takesCartography = ends && epoch >= 1 && cartography != nil
        // Taken out of the dictionaries for the loop (one lookup per call, not per row), put back after.
        var el2nValues = takesEL2N ? el2n.removeValue(forKey: epoch)! : []
        var lossValues = takesLoss ? loss.removeValue(forKey: epoch)! : []
        var marginValues = takesMargin ? margin.removeValue(forKey: epoch)! : []
        defer {
            if takesEL2N { el2n[epoch] = el2nValues }
            if takesLoss { loss[epoch] = lossValues }
            if takesMargin { margin[epoch] = marginValues }
        }
        for row in 0..<rows {
            let example = exampleIndex?[firstRow + row] ?? firstRow + row
            guard example >= 0 else { continue }
            let summary = ExampleOutputs(
                row: base + row * classCount, classCount: classCount, label: labels[example], kind: kind)
            if takesEL2N { el2nValues[example] = summary.el2n }
            if takesLoss { lossValues[example] = summary.loss }
            if takesMargin { marginValues[example] = summary.margin }
            if takesCartography { cartography!.setLatest(example: example, probability: summary.trueClassProbability) }
            if presents {
                forgetting?.record(example: example, correct: summary.correct)
                areaUnderMargin?.record(example: example, margin: summary.presentationMargin)
            }
        }
    }

    /// The values of a score of kind `kind` over a run of `epochs` epochs, or
    /// `nil` for a kind these statistics do not make (`grand`, `input_norm`,
    /// `random`) or did not collect.
    public func values(of kind: ScoreKind, epochs: Int) -> [Double]? {
        switch kind {
        case .el2n(let epoch): el2n[epoch]
        case .loss(let epoch): loss[epoch]
        case .margin(let epoch): margin[epoch]
        case .forgetting: forgetting?.scores(epochs: epochs)
        case .aum: areaUnderMargin?.scores()
        case .confidence: cartography?.confidence()
        case .variability: cartography?.variability()
        case .grand, .inputNorm, .random: nil
        }
    }
}

/// What a row of recorded class outputs stands for.
public enum RecordTiming: Sendable, Equatable {
    /// The model at the end of an epoch (0 = initialisation), evaluated on
    /// every example: EL2N, loss, margin and cartography read these.
    case epochEnd
    /// The training forward pass of the example's mini-batch in an epoch,
    /// before the batch's update: forgetting and AUM read these.
    case presentation
    /// Epoch-end outputs standing in for the presentations too (imported
    /// records without separate presentations).
    case epochEndAndPresentation

    /// Whether EL2N, loss, margin and cartography read these rows.
    public var isEpochEnd: Bool { self != .presentation }
    /// Whether forgetting and AUM read these rows.
    public var isPresentation: Bool { self != .epochEnd }
}
