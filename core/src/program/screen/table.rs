//! A table of firms as CSV text (RFC 4180: commas, double quotes around cells that hold
//! commas, quotes or line breaks, `""` for a quote), read and written without I/O.

use super::Firms;
use crate::error::{Error, Result};

impl Firms {
    /// The table in `text`: the first record names the columns; every record has as many
    /// cells. Errors name the line (`line 12`).
    ///
    /// ```
    /// use cleanprod::program::screen::Firms;
    /// let f = Firms::from_csv("id,sector,raw_hides\nT1,tanning,\"12 t/d\"\n").unwrap();
    /// assert_eq!(f.rows[0][2], "12 t/d");
    /// assert_eq!(Firms::from_csv(&f.to_csv()).unwrap(), f);
    /// ```
    pub fn from_csv(text: &str) -> Result<Firms> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records: Vec<(usize, Vec<String>)> = Vec::new();
        let mut record = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut line = 1usize;
        let mut start = 1usize;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {}
                (false, '\n' | '\r') => {
                    record.push(std::mem::take(&mut cell));
                    records.push((start, std::mem::take(&mut record)));
                    line += 1;
                    start = line;
                }
                (false, c) => cell.push(c),
            }
        }
        if quoted {
            return Err(Error::out_of_range(
                format!("line {start}"),
                cell,
                "has a quote that is not closed",
            ));
        }
        if !cell.is_empty() || !record.is_empty() {
            record.push(cell);
            records.push((start, record));
        }
        // Blank lines are skipped.
        records.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
        let mut records = records.into_iter();
        let (_, columns) = records.next().ok_or_else(|| Error::MissingField {
            path: "line 1 (the column names)".to_string(),
        })?;
        let columns: Vec<String> = columns.into_iter().map(|c| c.trim().to_string()).collect();
        let mut rows = Vec::new();
        for (line, r) in records {
            if r.len() != columns.len() {
                return Err(Error::out_of_range(
                    format!("line {line}"),
                    r.len(),
                    format!("cells, where the header names {} columns", columns.len()),
                ));
            }
            rows.push(r);
        }
        Ok(Firms { columns, rows })
    }

    /// The table as CSV text, one record per line.
    pub fn to_csv(&self) -> String {
        let cell = |text: &str| {
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text.to_string()
            }
        };
        let mut out = String::new();
        for record in std::iter::once(&self.columns).chain(&self.rows) {
            let line: Vec<String> = record.iter().map(|c| cell(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_ends_read_back() {
        let f = Firms::from_csv(
            "id,sector,note\r\n\"a, b\",hotel,\"say \"\"hi\"\"\nthere\"\r\n\nc,tanning,\n",
        )
        .unwrap();
        assert_eq!(f.columns, ["id", "sector", "note"]);
        assert_eq!(f.rows[0], ["a, b", "hotel", "say \"hi\"\nthere"]);
        assert_eq!(f.rows[1], ["c", "tanning", ""]);
        assert_eq!(Firms::from_csv(&f.to_csv()).unwrap(), f);
    }

    #[test]
    fn a_short_record_or_an_open_quote_names_its_line() {
        let e = Firms::from_csv("id,sector\na,hotel\nb\n").unwrap_err();
        assert_eq!(e.path(), "line 3");
        let e = Firms::from_csv("id,sector\n\"a,hotel\n").unwrap_err();
        assert_eq!(e.path(), "line 2");
    }
}
