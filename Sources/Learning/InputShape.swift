import DietAuditCore

/// The shape of one example as a convolutional network reads it: the
/// project-wide ``DietAuditCore/ImageShape`` (`height × width × channels`,
/// C order, channels last).
public typealias InputShape = ImageShape
