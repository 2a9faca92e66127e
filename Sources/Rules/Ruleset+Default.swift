extension Ruleset {
    /// The ruleset used when a spec names none; the shipped
    /// `rulesets/default.yaml` byte for byte (a test keeps the two equal).
    public static let defaultText = """
        # When to use: the starting point for any audit, and what runs without a
        # `ruleset:` key (the built-in default is this file, rule for rule). It fails a
        # plan that removes a class, group or intersection disproportionately (the
        # four-fifths rule on retention, only where Fisher's test is convincing after
        # false-discovery control and the group has at least 20 members), and warns
        # on over-representation, a large shift of an attribute's make-up, and an
        # accuracy cost against random pruning of the same size.
        ruleset: default
        description: >
          Flags pruning plans that remove a class, a sensitive group or an intersection
          disproportionately, judged by the four-fifths rule on retention and only where
          the difference is statistically convincing, and plans whose retrained models
          cost a group accuracy beyond what random pruning of the same size costs.
        rules:
          - id: disproportionate-removal
            description: A group keeps less than 4/5 of the overall retention rate.
            metric: retention_ratio
            applies_to: [class, attribute, intersection]
            fail_if: {below: 0.8}
            only_if: {q_value_below: 0.05, min_group_size: 20}
            severity: fail
          - id: over-representation
            description: A group's share of the kept set grows by more than a quarter.
            metric: representation_ratio
            applies_to: [class, attribute, intersection]
            fail_if: {above: 1.25}
            only_if: {q_value_below: 0.05, min_group_size: 20}
            severity: warn
          - id: composition-shift
            description: The make-up of an attribute moves by more than 10 percentage points in total.
            metric: tvd
            applies_to: [class, attribute, intersection]
            fail_if: {above: 0.1}
            only_if: {chi2_p_value_below: 0.05}
            severity: warn
          - id: accuracy-cost
            description: A group loses more than 5 accuracy points against random pruning of the same size.
            metric: accuracy_delta_vs_random
            applies_to: [class, attribute, intersection]
            fail_if: {below: -0.05}
            only_if: {min_group_size: 20}
            severity: warn

        """

    /// The built-in default ruleset, parsed.
    public static func builtInDefault() throws -> Ruleset {
        try parse(defaultText, file: "(built-in default ruleset)")
    }
}
