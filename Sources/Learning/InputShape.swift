/// The shape of one image example as a convolutional network reads it:
/// `height × width × channels` values.
///
/// The features of an example arrive as one flat row in C (row-major) order
/// with the channels last, so the value at row `r`, column `c`, channel `k` is
/// feature `(r · width + c) · channels + k` (the layout of `Datasets`'
/// `ImageShape`; Learning keeps its own type so that it does not depend on
/// `Datasets`).
public struct InputShape: Sendable, Equatable, Hashable {
    /// Rows of pixels.
    public var height: Int
    /// Pixels per row.
    public var width: Int
    /// Values per pixel (1 for grey-scale, 3 for RGB).
    public var channels: Int

    public init(height: Int, width: Int, channels: Int = 1) {
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// Values per example: `height · width · channels`.
    public var valueCount: Int { height * width * channels }

    /// `28×28×1`, as messages write it.
    public var text: String { "\(height)×\(width)×\(channels)" }
}
