import Foundation
import Reporting
import Rules
import Storage

extension ReportWriter {
    /// Writes the outputs meant for CI services, beside the reports:
    /// the SARIF log (`options.sarifPath`) and the step summary appended to
    /// `options.stepSummaryPath`.
    func writeCIOutputs(_ stored: StoredRun, gate: Gate, options: RunOptions, reportPath: String?) throws {
        if let sarifPath = options.sarifPath {
            try ReportFiles.write(SARIFReport.make(stored), to: sarifPath)
        }
        if let summaryPath = options.stepSummaryPath {
            try StepSummary.append(StepSummary.markdown(stored, gate: gate, reportPath: reportPath), to: summaryPath)
        }
    }
}
