import DietAuditTestSupport
import Foundation
import Testing

/// `--html` on `run` and `report`, and the CSV tables beside the Markdown.
@Suite(.serialized) struct HTMLReportEndToEndTests {
    @Test func runAndReportWriteTheSameSelfContainedPage() throws {
        let workspace = try Workspace.planted()
        let run = try Dietaudit.run(
            ["run", "planted.yaml", "--db", "runs.sqlite", "--out", "out", "--html", "site/planted.html", "--quiet"],
            in: workspace.url)
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(run.standardOutput.contains("html:   site/planted.html"))
        let page = try workspace.read("site/planted.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!page.contains("<link") && !page.contains("src=\"http"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // The CSV files sit beside the Markdown and are linked from the page's folder.
        #expect(page.contains("<a href=\"../out/planted-composition.csv\">"))
        let markdown = try workspace.read("out/planted.md")
        #expect(markdown.contains("[planted-composition.csv](planted-composition.csv)"))
        #expect(try workspace.read("out/planted-composition.csv").hasPrefix("score,policy,fraction,attribute,"))
        #expect(try workspace.read("out/planted-findings.csv").hasPrefix("rule_id,severity,score,"))
        // This spec retrains nothing: no error-risk rows, no error-risk file.
        #expect((try? workspace.read("out/planted-error-risk.csv")) == nil)
        let again = try Dietaudit.run(
            ["report", "latest", "--db", "runs.sqlite", "--out", "again", "--html", "again/planted.html"],
            in: workspace.url)
        #expect(again.exitCode == 1, "\(again.standardError)")
        let rerendered = try workspace.read("again/planted.html")
        #expect(rerendered == page.replacingOccurrences(of: "../out/", with: ""))
        #expect(try workspace.read("again/planted.md") == markdown)
    }
}
