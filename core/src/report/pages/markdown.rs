//! A report as Markdown: headings, GitHub-flavoured tables with their captions in bold, lists,
//! and the charts as inline SVG (which Jupyter and most viewers draw) with their captions.

use super::{Block, Page, Table};

/// `text` safe in a table cell or a line: pipes escaped, line breaks made spaces.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn table(out: &mut String, t: &Table) {
    out.push_str(&format!("**{}**\n\n", cell(&t.caption)));
    let head: Vec<String> = t.head.iter().map(|h| cell(h)).collect();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let rule: Vec<&str> = (0..t.head.len())
        .map(|i| {
            if t.numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in t.rows.iter().chain(&t.foot) {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// The Markdown text of `page`.
pub(super) fn render(page: &Page) -> String {
    let mut out = format!("# {}\n\n{}\n\n", cell(&page.title), cell(&page.subtitle));
    for (section, blocks) in page.visible() {
        out.push_str(&format!("## {}\n\n", cell(&section.heading)));
        for b in blocks {
            match b {
                Block::Paragraph { text } => out.push_str(&format!("{}\n\n", cell(text))),
                Block::List { title, items } => {
                    if !title.is_empty() {
                        out.push_str(&format!("{}:\n\n", cell(title)));
                    }
                    for i in items {
                        out.push_str(&format!("- {}\n", cell(i)));
                    }
                    out.push('\n');
                }
                Block::Table(t) => table(&mut out, t),
                Block::Figure { slot, caption } => {
                    if let Some(svg) = page.figures.get(*slot) {
                        // An HTML block ends at a blank line: keep the drawing in one block.
                        let svg: Vec<&str> = svg.lines().filter(|l| !l.trim().is_empty()).collect();
                        out.push_str(&format!("{}\n\n*{}*\n\n", svg.join("\n"), cell(caption)));
                    }
                }
            }
        }
    }
    out
}
