/// Which end of a score marks the hard examples (DESIGN.md "Direction").
///
/// Pruning policies speak of "easiest" and "hardest" in this sense:
/// `keep_hard` removes the easiest examples, so for a higher-is-easier score
/// such as `aum` it removes the **highest** values. The raw values are the
/// spelling of an imported score's `higher_is` key and of the JSON report's
/// `higher_is` field.
public enum ScoreDirection: String, Sendable, CaseIterable, Codable {
    /// Higher values are harder: `el2n`, `grand`, `loss`, `forgetting`,
    /// `variability`, `input_norm`, `random` (meaningless either way), and an
    /// imported score unless it says otherwise.
    case harder
    /// Higher values are easier: `margin`, `aum`, `confidence`.
    case easier

    /// The built-in direction of a score kind by its contract name (`el2n`,
    /// `aum`, …): `easier` for `margin`, `aum` and `confidence`, `harder` for
    /// every other kind, including `imported` (its default).
    public static func builtIn(forKind kind: String) -> ScoreDirection {
        ["margin", "aum", "confidence"].contains(kind) ? .easier : .harder
    }

    /// The value oriented so that higher always means harder: `value` itself
    /// for `harder`, `−value` for `easier`.
    public func hardness(_ value: Double) -> Double {
        self == .harder ? value : -value
    }

    /// "higher is harder" / "higher is easier", for reports.
    public var phrase: String { "higher is \(rawValue)" }
}
