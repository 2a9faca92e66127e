/// Preallocated scratch memory for forward and backward passes over batches of
/// up to ``capacity`` examples, so the training loop allocates nothing per batch.
///
/// For every stage boundary `l` (0 = input; see ``NetworkLayout``) it holds the
/// activations `a_l` and the deltas `δ_l = ∂ℓ/∂z_l`, each row-major
/// `rows × sizes[l]` (after a convolution block: its pooled output, whose
/// deltas are taken with respect to the pre-ReLU maxima); the last layer's
/// activations hold the logits, or the probabilities after a softmax. It also
/// holds one gradient the size of the network's parameters, and per-row labels,
/// predicted classes and losses. Each convolution block also has its own
/// buffers (see ``ConvolutionBuffers``).
///
/// A *row view* (``init(rowsOf:first:capacity:gradient:)``) is a workspace
/// over rows `first ..< first + capacity` of another one's buffers, with its
/// own gradient target: the two halves of a batch (``BatchHalves``) run
/// through views of the batch's workspace.
final class BatchWorkspace {
    /// Maximum number of rows per batch.
    let capacity: Int
    /// The network's layer sizes.
    let layerSizes: [Int]
    private let offsets: [Int]
    private let activationStorage: UnsafeMutablePointer<Float>
    private let deltaStorage: UnsafeMutablePointer<Float>
    /// Gradient of the mean batch loss, same layout as ``Network/parameters``.
    let gradient: UnsafeMutablePointer<Float>
    /// Label of each row of the batch.
    let labels: UnsafeMutablePointer<Int>
    /// Arg-max of each row's logits (first maximum on ties).
    let predicted: UnsafeMutablePointer<Int>
    /// Cross-entropy of each row (only after a forward pass with softmax).
    let losses: UnsafeMutablePointer<Double>
    /// Per-row squared gradient norms (accumulated by the backward pass).
    let squaredNorms: UnsafeMutablePointer<Double>
    /// Per row: true-class logit minus the largest other logit, from the
    /// forward pass (filled when `forward` is asked for margins).
    let margins: UnsafeMutablePointer<Float>
    /// Buffers of each convolution block, in order (empty for a dense network).
    let convolutions: [ConvolutionBuffers]
    /// Scratch for per-example convolution gradient norms, grown on demand.
    var normScratch = [Float]()
    private let gradientCount: Int
    private let storageCount: Int
    /// False for a row view, whose buffers belong to another workspace.
    private let ownsStorage: Bool

    init(layout: NetworkLayout, capacity: Int) {
        precondition(capacity > 0, "BatchWorkspace needs a positive capacity")
        self.capacity = capacity
        layerSizes = layout.layerSizes
        var offsets = [Int]()
        var total = 0
        for size in layerSizes {
            offsets.append(total)
            total += capacity * size
        }
        self.offsets = offsets
        storageCount = total
        activationStorage = .allocate(capacity: total)
        activationStorage.initialize(repeating: 0, count: total)
        deltaStorage = .allocate(capacity: total)
        deltaStorage.initialize(repeating: 0, count: total)
        gradientCount = layout.parameterCount
        gradient = .allocate(capacity: gradientCount)
        gradient.initialize(repeating: 0, count: gradientCount)
        labels = .allocate(capacity: capacity)
        labels.initialize(repeating: 0, count: capacity)
        predicted = .allocate(capacity: capacity)
        predicted.initialize(repeating: 0, count: capacity)
        losses = .allocate(capacity: capacity)
        losses.initialize(repeating: 0, count: capacity)
        squaredNorms = .allocate(capacity: capacity)
        squaredNorms.initialize(repeating: 0, count: capacity)
        margins = .allocate(capacity: capacity)
        margins.initialize(repeating: 0, count: capacity)
        convolutions = layout.convolutions.map { ConvolutionBuffers(block: $0, capacity: capacity) }
        ownsStorage = true
    }

    /// A view of rows `first ..< first + capacity` of `parent` (same
    /// activations, deltas and per-row buffers, shifted by `first` rows) whose
    /// backward pass writes its gradient to `gradient` (``Network/parameters``
    /// layout, owned by the caller). The view must not outlive `parent`.
    init(rowsOf parent: BatchWorkspace, first: Int, capacity: Int, gradient: UnsafeMutablePointer<Float>) {
        precondition(
            first >= 0 && capacity > 0 && first + capacity <= parent.capacity, "row view outside the workspace")
        self.capacity = capacity
        layerSizes = parent.layerSizes
        offsets = zip(parent.offsets, parent.layerSizes).map { $0 + first * $1 }
        storageCount = parent.storageCount
        activationStorage = parent.activationStorage
        deltaStorage = parent.deltaStorage
        gradientCount = parent.gradientCount
        self.gradient = gradient
        labels = parent.labels + first
        predicted = parent.predicted + first
        losses = parent.losses + first
        squaredNorms = parent.squaredNorms + first
        margins = parent.margins + first
        convolutions = parent.convolutions.map { ConvolutionBuffers(rowsOf: $0, first: first) }
        ownsStorage = false
    }

    deinit {
        guard ownsStorage else { return }
        margins.deallocate()
        activationStorage.deallocate()
        deltaStorage.deallocate()
        gradient.deallocate()
        labels.deallocate()
        predicted.deallocate()
        losses.deallocate()
        squaredNorms.deallocate()
    }

    /// Activations of layer `layer` (0 = the input rows).
    func activation(_ layer: Int) -> UnsafeMutablePointer<Float> {
        activationStorage + offsets[layer]
    }

    /// Deltas `∂ℓ/∂z` of layer `layer` (1…L).
    func delta(_ layer: Int) -> UnsafeMutablePointer<Float> {
        deltaStorage + offsets[layer]
    }

    /// Copies the given rows of `features` and their labels into the batch's
    /// first rows. `labels` may be empty when only a forward pass is wanted.
    func load(
        rows: ArraySlice<Int>, features: UnsafePointer<Float>, columns: Int, labels allLabels: UnsafePointer<Int>?
    ) {
        precondition(rows.count <= capacity, "batch larger than the workspace")
        let input = activation(0)
        for (position, row) in rows.enumerated() {
            (input + position * columns).update(from: features + row * columns, count: columns)
            if let allLabels { labels[position] = allLabels[row] }
        }
    }

    /// Copies `count` consecutive rows starting at `first` (inference).
    func load(
        consecutiveRows first: Int, count: Int, features: UnsafePointer<Float>, columns: Int,
        labels allLabels: UnsafePointer<Int>?
    ) {
        precondition(count <= capacity, "batch larger than the workspace")
        activation(0).update(from: features + first * columns, count: count * columns)
        if let allLabels { labels.update(from: allLabels + first, count: count) }
    }
}
