import DietAuditCore

/// How a pruning plan chooses which training examples to remove: a policy
/// kind, and for `keep_hard` an optional offset (Paul et al. 2021).
///
/// Its ``rawValue`` is the name used in audit specs, the database and the JSON
/// report: the kind's name (`keep_hard`, `keep_easy`, `random`,
/// `class_balanced`, `group_balanced`, `quota`), or for a `keep_hard` with an
/// offset o, `keep_hard+offset<o>` with o written as its exact decimal in
/// normal form (`keep_hard+offset0.1`, `keep_hard+offset0.05`). Names
/// round-trip: `PruningPolicy(rawValue: policy.rawValue) == policy`, so a plan
/// read back from storage keeps its offset.
public struct PruningPolicy: Sendable, Hashable, RawRepresentable, Codable, CaseIterable {
    /// The kinds of policy; see ``PruningPlanner`` for what each removes.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Remove the R easiest examples, keeping the hard ones.
        case keepHard = "keep_hard"
        /// Remove the R hardest examples, keeping the easy ones.
        case keepEasy = "keep_easy"
        /// Remove a seeded uniform sample of R examples; ignores scores.
        case random
        /// Remove the round(f·n_c) easiest examples within each class c.
        case classBalanced = "class_balanced"
        /// Remove the easiest examples within every cell of attributes × class,
        /// the same fraction in each, R = round(f·N) exactly.
        case groupBalanced = "group_balanced"
        /// DRoP class quotas from the scoring models' held-out error; the
        /// easiest are removed within each class.
        case quota
    }

    /// What the policy does.
    public var kind: Kind
    /// For `keep_hard` only: the fraction o ∈ (0, 1) of the training set whose
    /// hardest examples are removed first (likely label noise); `nil` for none.
    public var offset: DecimalFraction?

    /// A policy of `kind`, with an offset only for `keep_hard`.
    /// - Precondition: `offset` is `nil` unless `kind` is `keepHard`, and in (0, 1).
    public init(_ kind: Kind, offset: DecimalFraction? = nil) {
        precondition(offset == nil || kind == .keepHard, "only keep_hard takes an offset")
        precondition(offset.map { $0 > 0 && $0 < 1 } ?? true, "an offset must be in (0, 1)")
        self.kind = kind
        self.offset = offset
    }

    public static let keepHard = PruningPolicy(.keepHard)
    public static let keepEasy = PruningPolicy(.keepEasy)
    public static let random = PruningPolicy(.random)
    public static let classBalanced = PruningPolicy(.classBalanced)
    public static let groupBalanced = PruningPolicy(.groupBalanced)
    public static let quota = PruningPolicy(.quota)

    /// `keep_hard` with offset o.
    public static func keepHard(offset: DecimalFraction) -> PruningPolicy { PruningPolicy(.keepHard, offset: offset) }

    /// Every kind without an offset, in declaration order (the default policy
    /// list of a spec is the first four: see `PruningSpec`).
    public static var allCases: [PruningPolicy] { Kind.allCases.map { PruningPolicy($0) } }

    /// The separator between the kind's name and the offset in ``rawValue``.
    public static let offsetMarker = "+offset"

    /// The policy's name: `keep_hard`, `keep_hard+offset0.1`, …
    public var rawValue: String {
        guard let offset else { return kind.rawValue }
        return kind.rawValue + Self.offsetMarker + offset.description
    }

    /// Reads a name written by ``rawValue``; `nil` for anything else (an unknown
    /// kind, an offset on another kind, an offset outside (0, 1) or not in
    /// normal form, such as `keep_hard+offset0.10`).
    public init?(rawValue: String) {
        guard let marker = rawValue.range(of: Self.offsetMarker) else {
            guard let kind = Kind(rawValue: rawValue) else { return nil }
            self.init(kind)
            return
        }
        let offsetText = String(rawValue[marker.upperBound...])
        guard Kind(rawValue: String(rawValue[..<marker.lowerBound])) == .keepHard,
            let offset = DecimalFraction(parsing: offsetText), offset > 0, offset < 1,
            offset.description == offsetText
        else { return nil }
        self.init(.keepHard, offset: offset)
    }

    /// Whether the policy reads scores (`random` does not).
    public var usesScores: Bool { kind != .random }
}
