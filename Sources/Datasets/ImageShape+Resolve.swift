import DietAuditCore

extension ImageShape {
    /// The image shape of `data`'s examples: `declared` checked against the
    /// file, or else inferred from it.
    ///
    /// - Declared H×W×C matches an example of dimensions H×W (when C = 1),
    ///   H×W×C, or a flat H·W·C values.
    /// - Inferred: H×W → H×W×1; H×W×C → H×W×C; flat or higher-rank examples → `nil`.
    /// - Throws: ``InputError`` at `location` naming the declared shape and the file's.
    static func resolve(declared: ImageShape?, data: LabelledArray, location: SourceLocation) throws -> ImageShape? {
        let dimensions = Array(data.examples.shape.dropFirst())
        guard let declared else {
            switch dimensions.count {
            case 2: return ImageShape(height: dimensions[0], width: dimensions[1], channels: 1)
            case 3: return ImageShape(height: dimensions[0], width: dimensions[1], channels: dimensions[2])
            default: return nil
            }
        }
        let fits =
            dimensions == [declared.height, declared.width, declared.channels]
            || (declared.channels == 1 && dimensions == [declared.height, declared.width])
            || dimensions == [declared.valueCount]
        guard fits, declared.height > 0, declared.width > 0, declared.channels > 0 else {
            throw InputError(
                "dataset.image is \(declared.text) (\(declared.valueCount) values per example), but "
                    + "\(baseName(of: data.examples.fileName)) holds \(data.count) examples of "
                    + "\(data.exampleShapeText) "
                    + "(\(data.valueCount) values)",
                at: location)
        }
        return declared
    }
}
