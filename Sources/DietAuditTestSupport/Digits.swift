import Foundation
import Learning

extension Fixtures {
    /// The real digits data (1,797 examples × 64 pixels): the shared copy
    /// beside the repository, else the bundled `datasets/digits.csv`; `nil`
    /// when neither exists.
    public static let digitsPath: String? = {
        let repo = repositoryRoot()
        return [
            repo.deletingLastPathComponent().appendingPathComponent("shared/datasets/digits.csv").path,
            repo.appendingPathComponent("datasets/digits.csv").path,
        ]
        .first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Digits with pixels scaled by 1/16 into [0, 1], labels 0…9, in file order.
    public static func digits() throws -> (features: FeatureMatrix, labels: [Int]) {
        guard let digitsPath else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOfFile: digitsPath, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",")
        precondition(header.count == 65 && header.last == "label", "unexpected digits.csv header")
        var values = [Float](), labels = [Int]()
        for line in lines {
            let fields = line.split(separator: ",")
            values.append(contentsOf: fields.prefix(64).map { Float($0)! / 16 })
            labels.append(Int(fields[64])!)
        }
        return (FeatureMatrix(values: values, rows: labels.count, columns: 64), labels)
    }
}
