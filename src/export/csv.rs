//! A table as CSV (RFC 4180): one row per row of the table, its initiative first (for a
//! table per initiative), then every column under its title. A table with rows under
//! its rows (milestones under commitments) writes each parent row followed by its
//! rows, with a `Parent` column naming the parent and the child table's columns after
//! the parent's, so a spreadsheet can filter and sort them. UTF-8 with a byte-order
//! mark, so that Excel shows accents, CJK and emoji instead of mojibake; other readers
//! skip the mark.
//!
//! Nothing is removed from the data. The one change: a cell a spreadsheet would run as
//! a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
//! leading `'`, as the OWASP guidance on CSV injection recommends.

use super::tables::{self, shown};
use crate::domain::plan::PlanRow;
use crate::domain::session::Session;
use crate::domain::template::{ColumnSpec, Per, TableDef};

/// The first table of the session, with the rows under its rows.
pub(super) fn render(session: &Session) -> String {
    render_table(session, &session.workshop.plan().key).expect("the first table exists")
}

/// Table `key`, with the rows under its rows; None when the template has no such table.
pub(super) fn render_table(session: &Session, key: &str) -> Option<String> {
    let template = &session.workshop;
    let def = template.table(key)?;
    let parent = def.parent.as_deref().and_then(|k| template.table(k));
    let children: Vec<&TableDef> = template.children(&def.key).collect();
    let by_initiative = def.per == Per::Initiative;
    let parent_column = parent.is_some() || !children.is_empty();
    // The child tables' columns follow the table's; a title already used is prefixed
    // with its table's ("Milestones: Status").
    let mut columns: Vec<(&TableDef, &ColumnSpec, String)> = Vec::new();
    for table in std::iter::once(def).chain(children.iter().copied()) {
        for column in &table.columns {
            let taken = columns.iter().any(|(_, _, t)| *t == column.title);
            let title = if taken {
                format!("{}: {}", table.title, column.title)
            } else {
                column.title.clone()
            };
            columns.push((table, column, title));
        }
    }
    let mut header: Vec<&str> = Vec::new();
    if by_initiative {
        header.push("Initiative");
    }
    if parent_column {
        header.push("Parent");
    }
    header.extend(columns.iter().map(|(_, _, t)| t.as_str()));

    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let mut record = |cells: Vec<&str>| {
        writer
            .write_record(cells.into_iter().map(neutralise))
            .expect("writing to memory cannot fail");
    };
    record(header);
    let line = |table: &TableDef, row: &'_ PlanRow, parent_text: &'_ str| -> Vec<String> {
        let mut cells = Vec::new();
        if by_initiative {
            let name = session.initiative(row.initiative).map(|i| i.name.as_str());
            cells.push(name.unwrap_or("").to_string());
        }
        if parent_column {
            cells.push(parent_text.to_string());
        }
        for (t, column, _) in &columns {
            let mine = std::ptr::eq(*t, table);
            cells.push(if mine { shown(row, column) } else { "" }.to_string());
        }
        cells
    };
    let first_cell = |table: &TableDef, row: &PlanRow| -> String {
        table
            .columns
            .first()
            .map(|c| row.cell(&c.key).to_string())
            .unwrap_or_default()
    };
    if let Some(parent) = parent {
        // A child table on its own: each row names its parent.
        for row in session.tables.rows(&def.key) {
            let text = row
                .parent
                .and_then(|id| session.tables.row(id))
                .map(|p| first_cell(parent, p))
                .unwrap_or_default();
            record(line(def, row, &text).iter().map(String::as_str).collect());
        }
    } else {
        for group in tables::groups(session, def, false) {
            for view in group.rows {
                record(line(def, view.row, "").iter().map(String::as_str).collect());
                let text = first_cell(def, view.row);
                for (child, rows) in &view.children {
                    for row in rows {
                        record(line(child, row, &text).iter().map(String::as_str).collect());
                    }
                }
            }
        }
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("the input was UTF-8"));
    Some(out)
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
