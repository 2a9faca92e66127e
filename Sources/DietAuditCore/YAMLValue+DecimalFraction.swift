/// Reading a fraction exactly as the user wrote it.
extension YAMLValue {
    /// Reads a plain scalar as an exact ``DecimalFraction`` from its text
    /// (`0.7`, `.25`, `3e-1`), so that sizes computed from it are exact.
    /// - Throws: at this node, for a non-scalar, a quoted value, or text that is
    ///   not a non-negative decimal number of at most 19 significant digits.
    public func decimalFraction() throws -> DecimalFraction {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !isNull else {
            throw error("expected a decimal number such as 0.3, found \(kindDescription)")
        }
        guard let value = DecimalFraction(parsing: scalar.string) else {
            throw error("expected a decimal number such as 0.3, found '\(scalar.string)'")
        }
        return value
    }
}
