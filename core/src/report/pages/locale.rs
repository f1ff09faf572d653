//! Numbers as each language prints them. English: decimal point, thousands grouped with commas
//! from four digits on (`1,234,567.8`). Spanish: decimal comma, thousands grouped with a
//! narrow no-break space (U+202F) from five digits on, a four-digit number left whole (`4500`,
//! `1 234 567,8`), as the RAE's Ortografía de la lengua española (2010, ch. VIII 2.3.2) and
//! ISO 80000-1 write them. Documents are read in one strict notation whatever the language;
//! only the report's output is localized.

use crate::sections::Lang;

/// Narrow no-break space: the Spanish thousands separator.
const THIN: char = '\u{202f}';

/// `x` with `decimals` decimals, grouped and with the decimal mark of `lang`; never "-0".
pub(crate) fn fixed(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let text = format!("{x:.decimals$}");
    let zero = text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.');
    localize_number(
        lang,
        if zero {
            text.trim_start_matches('-')
        } else {
            &text
        },
    )
}

/// `x` with four significant digits, as [`fixed`] writes it.
pub(crate) fn significant(lang: Lang, x: f64) -> String {
    localize_number(lang, &crate::units::format_significant(x, 4))
}

/// A plain decimal number (`-1234567.89`, as Rust writes it) grouped and with the decimal mark
/// of `lang`; anything else (scientific notation) is left as written but for the mark.
fn localize_number(lang: Lang, text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text),
    };
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return match lang {
            Lang::En => text.to_string(),
            Lang::Es => text.replace('.', ","),
        };
    }
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, mark, from) = match lang {
        Lang::En => (',', '.', 4),
        Lang::Es => (THIN, ',', 5),
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if int.len() >= from && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// Money: whole units, grouped.
pub(crate) fn money(lang: Lang, x: f64) -> String {
    fixed(lang, x, 0)
}

/// A fraction as a percentage with one decimal (`0.123` → `12.3 %`, `12,3 %`).
pub(crate) fn percent(lang: Lang, fraction: f64) -> String {
    format!("{}\u{a0}%", fixed(lang, fraction * 100.0, 1))
}

/// A text written by the engine in its strict notation (`"16128.5 m3/yr"`, `"12 %"`), with
/// every decimal number in it printed as `lang` prints numbers: the mark between two digits
/// becomes a comma in Spanish, long whole parts are grouped, and `/yr` reads `/año`. Words are
/// left as written.
pub(crate) fn text(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'));
        if !starts_number {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || (chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
        {
            j += 1;
        }
        // A number glued to letters (`m3`, `2013/84/EU`, `CO2`) is a name, not a figure.
        let glued = chars.get(j).is_some_and(|c| c.is_alphabetic() || *c == '/');
        let number: String = chars[i..j].iter().collect();
        if glued {
            out.push_str(&number);
        } else {
            out.push_str(&localize_number(lang, &number));
        }
        i = j;
    }
    // The engine writes rates per year as `/yr`.
    out.replace("/yr", "/año")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_spanish_numbers() {
        assert_eq!(fixed(Lang::En, 1_234_567.891, 1), "1,234,567.9");
        assert_eq!(
            fixed(Lang::Es, 1_234_567.891, 1),
            "1\u{202f}234\u{202f}567,9"
        );
        assert_eq!(fixed(Lang::Es, 4_500.0, 0), "4500");
        assert_eq!(fixed(Lang::En, 4_500.0, 0), "4,500");
        assert_eq!(fixed(Lang::Es, -12_345.0, 0), "-12\u{202f}345");
        assert_eq!(fixed(Lang::En, -0.04, 0), "0");
        assert_eq!(percent(Lang::Es, 0.1234), "12,3\u{a0}%");
        assert_eq!(significant(Lang::Es, 0.012345), "0,01235");
        assert_eq!(fixed(Lang::Es, f64::NAN, 2), "–");
    }

    #[test]
    fn engine_texts_take_the_decimal_comma() {
        assert_eq!(text(Lang::Es, "57.7612 t/yr"), "57,7612 t/año");
        assert_eq!(text(Lang::Es, "16128 m3/yr"), "16\u{202f}128 m3/año");
        assert_eq!(text(Lang::Es, "0.423 kg/kWh"), "0,423 kg/kWh");
        // Names with digits stay as written.
        assert_eq!(
            text(Lang::Es, "cleanprod/1 m3 CO2 2013/84/EU"),
            "cleanprod/1 m3 CO2 2013/84/EU"
        );
        assert_eq!(text(Lang::En, "57.7612 t/yr"), "57.7612 t/yr");
    }
}
