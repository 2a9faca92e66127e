import DietAuditCore

/// How a column is interpreted: numbers (kept with their parsed values, `nil`
/// where missing) or categories (the raw strings).
enum ColumnKind {
    case numeric([Double?])
    case categorical

    var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// Share of numeric values above which a non-number is taken for a data error.
    static let mostlyNumericShare = 0.9
    /// At most this many distinct non-numbers in an otherwise numeric column are
    /// taken for unlisted missing-value tokens (`NA`, `?`, `-`), whatever their count.
    static let maxStrayTokens = 3

    /// The kind of column `name` over all `rows`.
    ///
    /// - Listed under `dataset.categorical`: categorical.
    /// - ARFF data: numeric exactly when declared `numeric`/`real`/`integer`.
    /// - CSV data: numeric when every non-missing value is a plain finite decimal
    ///   number (and at least one is present); otherwise categorical, unless the
    ///   non-numbers look like stray tokens in a numeric column (below).
    /// - Throws: ``InputError`` at the first offending row when the column is numeric
    ///   but for a few tokens: at most 3 distinct non-numbers, fewer distinct than the
    ///   numbers (`NA` among 0/1/2 values, whatever its count), or at least 90% of the
    ///   values are numbers (almost surely a typo). The message names each token
    ///   with its count and first line, and offers `dataset.missing_values` or
    ///   `dataset.categorical`.
    static func infer(column name: String, in rows: DataRows, forcedCategorical: Bool) throws -> ColumnKind {
        if forcedCategorical { return .categorical }
        let values = rows.values(of: name)
        if let declared = rows.declaredNumeric {
            guard declared.contains(name) else { return .categorical }
            return .numeric(values.map { $0.flatMap(DecimalNumber.parse) })
        }
        var census = ValueCensus(count: values.count)
        for (row, value) in values.enumerated() {
            guard let value else { continue }
            census.record(value, row: row)
        }
        guard census.present > 0 else { return .categorical }
        guard !census.tokens.isEmpty else { return .numeric(census.numbers) }
        if census.looksNumericWithStrayTokens {
            throw strayTokensError(column: name, census: census, rows: rows)
        }
        return .categorical
    }

    /// The error for a numeric column holding a few non-numbers:
    /// `column 'age': 95 of 100 values are numbers, but 'NA' (4 times, first on line 3) and '?' (1 time, first
    /// on line 9) are not numbers; …`.
    private static func strayTokensError(column name: String, census: ValueCensus, rows: DataRows) -> InputError {
        let tokens = census.tokensByCount
        let firstRow = tokens.map(\.firstRow).min()!
        let found: String
        if tokens.count == 1 {
            let token = tokens[0]
            found =
                "'\(token.text)' is not a number (\(timesText(token.count)), first on "
                + rows.describe(row: token.firstRow, relativeTo: firstRow) + ")"
        } else {
            var shown = tokens.prefix(maxStrayTokens).map { token in
                "'\(token.text)' (\(timesText(token.count)), first on "
                    + rows.describe(row: token.firstRow, relativeTo: firstRow) + ")"
            }
            if tokens.count > maxStrayTokens { shown.append("\(tokens.count - maxStrayTokens) more") }
            found = shown.dropLast().joined(separator: ", ") + " and " + shown.last! + " are not numbers"
        }
        let listed = tokens.prefix(maxStrayTokens).map { "\"\($0.text)\"" }.joined(separator: ", ")
        let pronoun = tokens.count == 1 ? "it marks" : "they mark"
        return InputError(
            "column '\(name)': \(census.numeric) of \(census.present) values are numbers, but \(found); "
                + "if \(pronoun) missing values, add \(tokens.count == 1 ? "it" : "them") to dataset.missing_values "
                + "(missing_values: [\(listed)]); to keep the column as text, list '\(name)' under dataset.categorical",
            at: rows.location(ofRow: firstRow))
    }
}

/// `1 time`, `3 times`.
private func timesText(_ count: Int) -> String {
    count == 1 ? "1 time" : "\(count) times"
}

/// Numbers and non-numbers of one column, counted in one pass.
struct ValueCensus {
    /// One distinct non-number: its text, how often it occurs, and its first row.
    struct Token {
        var text: String
        var count: Int
        var firstRow: Int
    }

    /// The parsed number of every row (`nil` for missing or non-numbers).
    var numbers: [Double?]
    /// Non-missing values, and how many of them are numbers.
    var present = 0
    var numeric = 0
    /// Distinct non-numbers in order of first appearance.
    var tokens: [Token] = []
    private var tokenIndex: [String: Int] = [:]
    private var distinctNumbers = Set<Double>()

    init(count: Int) {
        numbers = [Double?](repeating: nil, count: count)
    }

    mutating func record(_ value: String, row: Int) {
        present += 1
        if let number = DecimalNumber.parse(value) {
            numbers[row] = number
            numeric += 1
            if distinctNumbers.count <= ColumnKind.maxStrayTokens { distinctNumbers.insert(number) }
        } else if let index = tokenIndex[value] {
            tokens[index].count += 1
        } else {
            tokenIndex[value] = tokens.count
            tokens.append(Token(text: value, count: 1, firstRow: row))
        }
    }

    /// Distinct non-numbers, most frequent first (ties: first seen first).
    var tokensByCount: [Token] {
        tokens.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    /// Whether the column is numeric but for a few tokens (see ``ColumnKind/infer(column:in:forcedCategorical:)``).
    var looksNumericWithStrayTokens: Bool {
        guard numeric > 0 else { return false }
        if Double(numeric) >= ColumnKind.mostlyNumericShare * Double(present) { return true }
        return tokens.count <= ColumnKind.maxStrayTokens && distinctNumbers.count > tokens.count
    }
}
