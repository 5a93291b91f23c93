//! The action plan as CSV (RFC 4180): one row per action, its initiative first, then
//! every plan column under its title. UTF-8 with a byte-order mark, so that Excel
//! shows accents, CJK and emoji instead of mojibake; other readers skip the mark.
//!
//! Nothing is removed from the data. The one change: a cell a spreadsheet would run as
//! a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
//! leading `'`, as the OWASP guidance on CSV injection recommends.

use super::report::{plan_groups, shown};
use crate::domain::session::Session;

pub(super) fn render(session: &Session) -> String {
    let columns = &session.workshop.plan.columns;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let header = std::iter::once("Initiative").chain(columns.iter().map(|c| c.title.as_str()));
    writer
        .write_record(header.map(neutralise))
        .expect("writing to memory cannot fail");
    for group in plan_groups(session, false) {
        let initiative = group.initiative.map(|i| i.name.as_str()).unwrap_or("");
        for row in group.rows {
            let cells = std::iter::once(initiative)
                .chain(columns.iter().map(|c| shown(c, row.cell(&c.key))));
            writer
                .write_record(cells.map(neutralise))
                .expect("writing to memory cannot fail");
        }
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("the input was UTF-8"));
    out
}

/// Defuses a cell a spreadsheet would evaluate as a formula.
pub(super) fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_text_is_not() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        for c in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(c), format!("'{c}"));
        }
        for c in ["2026-12-15", "Ana", "a=b", "", "'quoted"] {
            assert_eq!(neutralise(c), c);
        }
    }
}
