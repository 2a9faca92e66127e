/// The inline style sheet and script of the HTML report.
///
/// The CSS follows the reader's light or dark scheme (`prefers-color-scheme`),
/// keeps wide tables scrollable, and prints cleanly: no navigation, every
/// collapsible part open, tables and charts kept whole on a page where they
/// fit. The script only adds sorting by a column header click (numbers
/// numerically, text alphabetically) and opens collapsible parts before
/// printing; the page reads the same without it.
enum HTMLStyle {
    static let css = """
        :root { --text: #1f2328; --muted: #59636e; --back: #ffffff; --rule: #d1d9e0; --head: #f6f8fa;
          --accent: #0969da; --fail: #cf222e; --code: #eff1f3; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e6edf3; --muted: #9198a1; --back: #0d1117; --rule: #3d444d; --head: #151b23;
            --accent: #4493f8; --fail: #f85149; --code: #262c36; }
        }
        html { background: var(--back); color: var(--text); }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; }
        a { color: var(--accent); }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code);
          padding: .05em .3em; border-radius: 4px; overflow-wrap: anywhere; }
        nav#contents { border: 1px solid var(--rule); border-radius: 6px; padding: .2rem 1.2rem; margin: 1.5rem 0; }
        nav#contents h2 { border: 0; margin: .6rem 0 .2rem; font-size: 1rem; }
        nav#contents ol { margin: .2rem 0 .6rem; padding-left: 1.2rem; columns: 2; }
        div.table { overflow-x: auto; margin: .8rem 0; }
        td { white-space: nowrap; }
        td.prose { white-space: normal; min-width: 12rem; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border: 1px solid var(--rule); padding: .25rem .45rem; vertical-align: top; }
        th { background: var(--head); text-align: left; }
        table.sortable th { cursor: pointer; }
        th[aria-sort=ascending]::after { content: " \\25B2"; }
        th[aria-sort=descending]::after { content: " \\25BC"; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .mid { text-align: center; }
        tbody tr:nth-child(even) { background: color-mix(in srgb, var(--head) 60%, transparent); }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 600; margin-bottom: .4rem; }
        div.chart { overflow-x: auto; background: #ffffff; border-radius: 6px; padding: .4rem; display: inline-block;
          max-width: 100%; }
        div.chart svg { max-width: 100%; height: auto; }
        details { border: 1px solid var(--rule); border-radius: 6px; padding: .3rem .9rem; margin: .8rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        @media print {
          html { background: #ffffff; color: #000000; }
          :root { --text: #000000; --back: #ffffff; --head: #eeeeee; --rule: #999999; --code: #f2f2f2; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          nav#contents { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; }
          table, figure { break-inside: avoid; }
          div.table { overflow: visible; }
          details { border: 0; padding: 0; }
          details > summary { list-style: none; font-size: 1.1rem; }
          table.sortable th { cursor: auto; }
        }
        """

    static let script = """
        (function () {
          function key(cell) {
            var text = cell.textContent.trim().replace(/\\u2212/g, "-");
            var number = parseFloat(text.replace(/[^0-9eE+.-]/g, ""));
            return isNaN(number) || !/[0-9]/.test(text) ? text : number;
          }
          function sortBy(header) {
            var table = header.closest("table"), body = table.tBodies[0], index = header.cellIndex;
            var ascending = header.getAttribute("aria-sort") !== "ascending";
            table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
            header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[index]), y = key(b.cells[index]);
              var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          }
          document.querySelectorAll("table.sortable th").forEach(function (header) {
            header.tabIndex = 0;
            header.title = "Sort by this column";
            header.addEventListener("click", function () { sortBy(header); });
            header.addEventListener("keydown", function (event) { if (event.key === "Enter") sortBy(header); });
          });
          window.addEventListener("beforeprint", function () {
            document.querySelectorAll("details").forEach(function (part) { part.open = true; });
          });
        })();
        """
}
