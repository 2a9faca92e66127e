/// The shape of one image example: `height × width × channels` values, stored
/// in C (row-major) order with the channels last, so the value at row r,
/// column c, channel k is feature `(r · width + c) · channels + k`. Datasets
/// reads it from IDX/NPY files or `dataset.image`; a CNN reads its input so
/// (Learning calls it `InputShape`).
public struct ImageShape: Sendable, Equatable, Hashable {
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

    /// Values per example: height · width · channels.
    public var valueCount: Int { height * width * channels }

    /// `28×28×1`, as messages write it.
    public var text: String { "\(height)×\(width)×\(channels)" }
}
