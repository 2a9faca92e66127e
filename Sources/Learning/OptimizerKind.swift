/// The optimisers an audit spec can name in `training.optimizer.kind`: the one
/// place their contract names are spelled. ``OptimizerSpec/kind`` stores the
/// raw value, as specs and stored runs do.
public enum OptimizerKind: String, Sendable, CaseIterable {
    /// Mini-batch SGD with heavy-ball momentum (``SGDOptimizer``); the default.
    case sgd
    /// Adam with bias correction (``AdamOptimizer``).
    case adam
}
