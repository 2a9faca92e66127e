/// What a rule finds when it reads its metric on a row it applies to.
enum RuleReading: Equatable {
    /// The metric is defined: the rule judges this value.
    case value(Double)
    /// The metric cannot exist on this kind of row by construction (e.g.
    /// `accuracy_delta_vs_full` on the `full` baseline itself,
    /// `accuracy_delta_vs_random` on a `random` plan): the rule has nothing to
    /// judge and records nothing.
    case notApplicable
    /// The metric exists for rows like this one but is undefined here: the
    /// rule cannot judge, and records an insufficient-evidence finding whose
    /// message ends with `reason` (a clause: "nothing is removed (R = 0)").
    case undefined(reason: String)
}
