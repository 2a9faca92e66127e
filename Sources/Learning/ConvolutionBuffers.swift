/// The scratch memory of one convolution block for batches of up to
/// `capacity` examples (part of a ``BatchWorkspace``); each buffer holds the
/// batch's examples one after another.
final class ConvolutionBuffers {
    /// im2col patches, `capacity · P` rows of `K` values (see
    /// ``ConvolutionLayout``). The backward pass reuses them for the deltas of
    /// the patches once the weight gradient is taken.
    let patches: UnsafeMutablePointer<Float>
    /// Convolution output after ReLU, `capacity · P` rows of `outputChannels`.
    let output: UnsafeMutablePointer<Float>
    /// `∂ℓ/∂z` of the convolution output (before ReLU), same layout as ``output``.
    let delta: UnsafeMutablePointer<Float>
    /// For each pooled value, the index within its example's convolution
    /// output (`position · outputChannels + channel`) of the window's maximum.
    let poolSource: UnsafeMutablePointer<Int32>
    private let counts: (patches: Int, output: Int, pooled: Int)
    /// Per-example sizes of the four buffers (patches, output, pooled).
    private let perExample: (patches: Int, output: Int, pooled: Int)
    /// False for a row view, whose buffers belong to another instance.
    private let ownsStorage: Bool

    init(block: ConvolutionLayout, capacity: Int) {
        precondition(block.outputSize < Int(Int32.max), "convolution output too large for Int32 indices")
        perExample = (block.positions * block.patchWidth, block.outputSize, block.pooledSize)
        counts = (capacity * perExample.patches, capacity * perExample.output, capacity * perExample.pooled)
        ownsStorage = true
        patches = .allocate(capacity: counts.patches)
        patches.initialize(repeating: 0, count: counts.patches)
        output = .allocate(capacity: counts.output)
        output.initialize(repeating: 0, count: counts.output)
        delta = .allocate(capacity: counts.output)
        delta.initialize(repeating: 0, count: counts.output)
        poolSource = .allocate(capacity: counts.pooled)
        poolSource.initialize(repeating: 0, count: counts.pooled)
    }

    /// A view of `parent`'s buffers from example `first` on (see
    /// ``BatchWorkspace/init(rowsOf:first:capacity:gradient:)``).
    init(rowsOf parent: ConvolutionBuffers, first: Int) {
        perExample = parent.perExample
        counts = parent.counts
        patches = parent.patches + first * perExample.patches
        output = parent.output + first * perExample.output
        delta = parent.delta + first * perExample.output
        poolSource = parent.poolSource + first * perExample.pooled
        ownsStorage = false
    }

    deinit {
        guard ownsStorage else { return }
        patches.deallocate()
        output.deallocate()
        delta.deallocate()
        poolSource.deallocate()
    }
}
