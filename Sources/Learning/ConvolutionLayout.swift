/// One convolution block of a network and where its parameters sit:
/// 3×3 convolution (stride 1, zero padding 1, so the output keeps the input's
/// height and width), ReLU, then 2×2 max-pool with stride 2.
///
/// Values are per example in C order, channels last: the input is
/// `height × width × inputChannels`, the convolution output
/// `height × width × outputChannels`, the pooled output
/// `⌊height/2⌋ × ⌊width/2⌋ × outputChannels` (an odd height or width drops the
/// last row or column, as PyTorch's `MaxPool2d(2)` does).
///
/// The convolution is a matrix product: the im2col *patch* of output position
/// `p = (y, x)` holds the `K = 9 · inputChannels` inputs under the kernel in
/// order `(ky, kx, c)` (zero outside the image), and `z_p = patch_p · W + b`
/// with `W` stored row-major `K × outputChannels` (row `(ky·3 + kx)·C + c`,
/// tap `(ky, kx)` reading input `(y + ky − 1, x + kx − 1)`), then `b`.
struct ConvolutionLayout: Sendable, Equatable {
    /// Input image height and width (also the convolution output's).
    let height: Int
    let width: Int
    /// Channels in and out.
    let inputChannels: Int
    let outputChannels: Int
    /// Index of the first weight in the flat parameters.
    let weightOffset: Int

    /// Side of the square kernel.
    static let kernel = 3

    /// Output positions per example, `P = height · width`.
    var positions: Int { height * width }
    /// Values per patch, `K = 9 · inputChannels` (one weight row each).
    var patchWidth: Int { Self.kernel * Self.kernel * inputChannels }
    /// Values per example going in.
    var inputSize: Int { positions * inputChannels }
    /// Values per example of the convolution output (before pooling).
    var outputSize: Int { positions * outputChannels }
    /// Pooled height and width (floor of half).
    var pooledHeight: Int { height / 2 }
    var pooledWidth: Int { width / 2 }
    /// Values per example of the pooled output.
    var pooledSize: Int { pooledHeight * pooledWidth * outputChannels }
    /// Index of the first bias entry.
    var biasOffset: Int { weightOffset + patchWidth * outputChannels }
    /// One past the last bias entry.
    var end: Int { biasOffset + outputChannels }

    /// The blocks for `channels` on images of `input`, parameters laid out
    /// from `firstWeightOffset` on, block after block.
    static func blocks(input: InputShape, channels: [Int], firstWeightOffset: Int) -> [ConvolutionLayout] {
        var blocks = [ConvolutionLayout]()
        var (height, width, inputChannels) = (input.height, input.width, input.channels)
        var offset = firstWeightOffset
        for outputChannels in channels {
            let block = ConvolutionLayout(
                height: height, width: width, inputChannels: inputChannels,
                outputChannels: outputChannels, weightOffset: offset)
            blocks.append(block)
            offset = block.end
            (height, width, inputChannels) = (block.pooledHeight, block.pooledWidth, outputChannels)
        }
        return blocks
    }
}
