//! Plain-text tables for a terminal: columns of a fixed width, each cell padded with spaces to
//! the left or the right of its column, one line per row.

/// Where a cell sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Against the column's left edge (names).
    Left,
    /// Against the column's right edge (figures).
    Right,
}

/// A column of a [`TextTable`]: its width in characters, how its cells are aligned, and the
/// spaces between it and the column before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextColumn {
    /// The width its cells are padded to, in characters; a longer cell overflows it.
    pub width: usize,
    /// Where its cells sit.
    pub align: Align,
    /// Spaces before it (not before the first column, which starts after the indent).
    pub gap: usize,
}

impl TextColumn {
    /// A column of figures `width` characters wide, one space after the column before.
    pub const fn right(width: usize) -> TextColumn {
        TextColumn {
            width,
            align: Align::Right,
            gap: 1,
        }
    }

    /// A column of names `width` characters wide, one space after the column before.
    pub const fn left(width: usize) -> TextColumn {
        TextColumn {
            width,
            align: Align::Left,
            gap: 1,
        }
    }

    /// The same column `spaces` after the column before.
    pub const fn gap(self, spaces: usize) -> TextColumn {
        TextColumn {
            gap: spaces,
            ..self
        }
    }
}

/// A plain-text table: every line indented (two spaces unless set), its cells padded to their
/// columns' widths, the columns separated by their gaps.
///
/// A row may hold fewer cells than the table has columns: its line ends after its last cell
/// (optional columns at the end). Cells beyond the last column are written after one space,
/// unpadded. Widths count characters, as Rust's `{:>12}` does.
///
/// ```
/// use cleanprod::report::{TextColumn, TextTable};
/// let t = TextTable::new([TextColumn::left(6), TextColumn::right(5).gap(2), TextColumn::right(4)]);
/// let mut out = t.line(&["site", "m3", "t"]);
/// out.push_str(&t.line(&["hotel".to_string(), "120".to_string(), "1.5".to_string()]));
/// out.push_str(&t.line(&["mill", "9"]));
/// assert_eq!(out, "  site       m3    t\n  hotel     120  1.5\n  mill        9\n");
/// assert_eq!(t.indent(0).line(&["a", "b", "c"]), "a           b    c\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextTable {
    columns: Vec<TextColumn>,
    indent: usize,
}

impl TextTable {
    /// A table of `columns`, left to right, indented by two spaces.
    pub fn new(columns: impl IntoIterator<Item = TextColumn>) -> TextTable {
        TextTable {
            columns: columns.into_iter().collect(),
            indent: 2,
        }
    }

    /// The same table indented by `spaces`.
    pub fn indent(self, spaces: usize) -> TextTable {
        TextTable {
            indent: spaces,
            ..self
        }
    }

    /// The line of one row of `cells`, ending with a newline.
    pub fn line<S: AsRef<str>>(&self, cells: &[S]) -> String {
        let mut out = " ".repeat(self.indent);
        for (k, cell) in cells.iter().enumerate() {
            let cell = cell.as_ref();
            let Some(column) = self.columns.get(k) else {
                out.push(' ');
                out.push_str(cell);
                continue;
            };
            if k > 0 {
                out.extend(std::iter::repeat_n(' ', column.gap));
            }
            let pad = column.width.saturating_sub(cell.chars().count());
            match column.align {
                Align::Left => {
                    out.push_str(cell);
                    out.extend(std::iter::repeat_n(' ', pad));
                }
                Align::Right => {
                    out.extend(std::iter::repeat_n(' ', pad));
                    out.push_str(cell);
                }
            }
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_padded_as_rust_formatting_pads_them() {
        let t = TextTable::new([
            TextColumn::right(5),
            TextColumn::left(8).gap(2),
            TextColumn::right(7),
        ]);
        for (a, b, c) in [
            ("1", "F027", "12.5"),
            ("12345", "Lavandería", "-0"),
            ("123456", "", "1234567"),
        ] {
            assert_eq!(
                t.line(&[a, b, c]),
                format!("  {a:>5}  {b:<8} {c:>7}\n"),
                "{a} {b} {c}"
            );
        }
        // Fewer cells: the line ends after the last; more: written after a space.
        assert_eq!(t.line(&["1"]), "      1\n");
        assert_eq!(
            t.line(&["1", "a", "b", "x"]),
            "      1  a              b x\n"
        );
        assert_eq!(t.line::<&str>(&[]), "  \n");
    }

    #[test]
    fn a_column_of_no_width_holds_its_cell_unpadded_after_its_gap() {
        let t = TextTable::new([
            TextColumn::right(6),
            TextColumn::left(0).gap(0),
            TextColumn::left(0).gap(2),
        ]);
        for (z, flag, note) in [
            ("63.64", "  suspect", "x"),
            ("-0.5", "", ""),
            ("", "", "a b"),
        ] {
            assert_eq!(
                t.line(&[z, flag, note]),
                format!("  {z:>6}{flag}  {note}\n")
            );
        }
        assert_eq!(t.line(&["1.00", ""]), "    1.00\n");
    }
}
