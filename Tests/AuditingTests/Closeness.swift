/// `true` when `actual` is within `relative` of `expected` (relative to the
/// larger magnitude), or both are within `absolute` of each other.
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
    if actual == expected { return true }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}
