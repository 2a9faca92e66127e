import DietAuditCore

/// Splits rows into training and test rows, stratified by class.
///
/// For each class c in class order, with n_c rows: a permutation of its rows is
/// drawn from `SeededGenerator(seed: seed, stream: "split")` (one generator
/// shared across classes, in class order); the first round(f · n_c) rows of the
/// permutation go to the test split, with f · n_c computed exactly from the
/// decimal fraction as written and rounded half to even (Python's `round`:
/// 0.5 · 5 = 2.5 → 2, 0.5 · 7 = 3.5 → 4; see ``DecimalFraction``). Both
/// splits keep the rows' original order.
///
/// - Throws: ``InputError`` at the spec's `test` key when f is not strictly
///   between 0 and 1, when a class would keep no training row, or when the test
///   split would be empty.
func stratifiedSplit(
    classOfRow: [Int], classNames: [String], fraction: DecimalFraction, seed: UInt64, spec: DatasetSpec
) throws -> (train: [Int], test: [Int]) {
    let location = spec.location(ofKey: "test")
    guard fraction > 0, fraction < 1 else {
        throw InputError("test fraction must be strictly between 0 and 1, found \(fraction)", at: location)
    }
    var rowsOfClass = [[Int]](repeating: [], count: classNames.count)
    for (row, label) in classOfRow.enumerated() { rowsOfClass[label].append(row) }

    var generator = SeededGenerator(seed: seed, stream: "split")
    var isTest = [Bool](repeating: false, count: classOfRow.count)
    var testCount = 0
    for (label, rows) in rowsOfClass.enumerated() {
        let permutation = generator.permutation(count: rows.count)
        let take = fraction.roundedHalfEven(times: rows.count)
        guard take < rows.count else {
            throw InputError(
                "class '\(classNames[label])' has only \(rows.count) row(s), and a test fraction of \(fraction) "
                    + "would move all of them to the test split; every class needs at least one training row",
                at: location)
        }
        for position in permutation.prefix(take) { isTest[rows[position]] = true }
        testCount += take
    }
    guard testCount > 0 else {
        throw InputError(
            "a test fraction of \(fraction) of \(classOfRow.count) rows gives an empty test split; use a larger "
                + "fraction",
            at: location)
    }
    let all = 0..<classOfRow.count
    return (all.filter { !isTest[$0] }, all.filter { isTest[$0] })
}

/// The train and test rows of `rowCount` rows whose first `firstFileRows`
/// come from the data file: a stratified seeded split of them when
/// `spec.test` is a fraction, else those rows for training and the rest (the
/// separate test file's) for testing.
func trainTestRows(
    classOfRow: [Int], classNames: [String], firstFileRows: Int, rowCount: Int, spec: DatasetSpec
) throws -> (train: [Int], test: [Int]) {
    switch spec.test {
    case .fraction(let fraction):
        return try stratifiedSplit(
            classOfRow: classOfRow, classNames: classNames, fraction: fraction, seed: spec.seed, spec: spec)
    case .path:
        return (Array(0..<firstFileRows), Array(firstFileRows..<rowCount))
    }
}
