//! A report as one self-contained HTML file: inline CSS and SVG, no script, no request of any
//! kind; headings in order, tables with captions and scoped headers; print styles with page
//! sizes for A4 and Letter and page breaks that keep tables, rows and figures whole.

use super::{Block, Page, Paper, Table};
use crate::report::html as escape;

/// The style sheet: readable on screen, printable on A4 or Letter (the content is at most
/// 180 mm wide, which fits both with their margins).
const CSS: &str = "\
:root{color-scheme:light;--ink:#1d2430;--muted:#5b6675;--rule:#d5dbe3;--band:#f3f6f9;--accent:#1f6f5c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}
header{border-bottom:3px solid var(--accent);margin-bottom:1.5rem}
h1{font-size:1.8rem;margin:0 0 .25rem}
.subtitle{color:var(--muted);margin:0 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule)}
p,ul{margin:.5rem 0 1rem}
.table-wrap{overflow-x:auto;margin:0 0 1.25rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:600;padding:.25rem 0 .4rem}
th,td{padding:.25rem .4rem;border-bottom:1px solid var(--rule);vertical-align:top;text-align:left}
thead th{background:var(--band);border-bottom:2px solid var(--rule)}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--rule)}
.num{text-align:right;white-space:nowrap}
thead th.num{white-space:normal}
figure{margin:1rem 0 1.5rem}
figure svg{display:block;width:100%;height:auto;max-height:32rem}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.4rem}
@page{margin:16mm 15mm}
@page a4{size:A4;margin:16mm 15mm}
@page letter{size:letter;margin:16mm 15mm}
html[data-paper=a4] body{page:a4}
html[data-paper=letter] body{page:letter}
@media print{
body{font-size:10pt}
table{font-size:8.5pt}
main{max-width:none;padding:0}
h2{break-after:avoid;page-break-after:avoid}
section#assumptions{break-before:page;page-break-before:always}
table,figure{break-inside:avoid;page-break-inside:avoid}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.table-wrap{overflow:visible}
a{color:inherit;text-decoration:none}
}
";

fn table(out: &mut String, t: &Table) {
    let numeric = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
    out.push_str(&format!(
        "<div class=\"table-wrap\"><table><caption>{}</caption><thead><tr>",
        escape(&t.caption)
    ));
    for (i, h) in t.head.iter().enumerate() {
        let class = if numeric(i) { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>");
    let rows = |out: &mut String, rows: &[Vec<String>]| {
        for row in rows {
            out.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let class = if numeric(i) { " class=\"num\"" } else { "" };
                if i == 0 {
                    out.push_str(&format!("<th scope=\"row\"{class}>{}</th>", escape(c)));
                } else {
                    out.push_str(&format!("<td{class}>{}</td>", escape(c)));
                }
            }
            out.push_str("</tr>");
        }
    };
    out.push_str("<tbody>");
    rows(out, &t.rows);
    out.push_str("</tbody>");
    if !t.foot.is_empty() {
        out.push_str("<tfoot>");
        rows(out, &t.foot);
        out.push_str("</tfoot>");
    }
    out.push_str("</table></div>\n");
}

/// The HTML document of `page`, to be printed on `paper`.
pub(super) fn render(page: &Page, paper: Paper) -> String {
    let paper = match paper {
        Paper::Auto => String::new(),
        Paper::A4 => " data-paper=\"a4\"".to_string(),
        Paper::Letter => " data-paper=\"letter\"".to_string(),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"{paper}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n\
         <header><h1>{}</h1><p class=\"subtitle\">{}</p></header>\n",
        page.lang.key(),
        escape(&page.title),
        escape(&page.subtitle),
        escape(&page.title),
        escape(&page.subtitle)
    );
    for (section, blocks) in page.visible() {
        let id = escape(&section.id);
        out.push_str(&format!(
            "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n",
            escape(&section.heading)
        ));
        for b in blocks {
            match b {
                Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>\n", escape(text))),
                Block::List { title, items } => {
                    if !title.is_empty() {
                        out.push_str(&format!("<p>{}:</p>\n", escape(title)));
                    }
                    out.push_str("<ul>");
                    for i in items {
                        out.push_str(&format!("<li>{}</li>", escape(i)));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(t) => table(&mut out, t),
                Block::Figure { slot, caption } => {
                    if let Some(svg) = page.figures.get(*slot) {
                        out.push_str(&format!(
                            "<figure>{svg}<figcaption>{}</figcaption></figure>\n",
                            escape(caption)
                        ));
                    }
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
