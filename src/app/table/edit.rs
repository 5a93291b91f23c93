//! The cell editor, fitted to each column's kind, and what a committed text becomes:
//! a new row, a cell's value (dates read, statuses matched), or the view's filter.

use super::{TableEdit, column_index, columns};
use crate::app::App;
use crate::app::editor::{EditTarget, Editor};
use crate::domain::dates;
use crate::domain::plan::{Filter, PlanRow, match_status};
use crate::domain::roster::names_people;
use crate::domain::template::{Activity, ColumnKind, ColumnSpec, Per};
use crate::domain::text::sanitize_line;

impl App {
    /// Opens the first cell of a new row next to the focused one. A child table's row
    /// goes under the focused row's parent (the first parent in an empty table).
    pub(super) fn add_row(&mut self, below: bool) {
        let table = self.session.step_table().clone();
        let focused = self.table.focused(&self.session).cloned();
        let parent = match &table.parent {
            None => None,
            Some(key) => {
                let first = || {
                    let sections = self.table.sections(&self.session)?;
                    sections.first().and_then(|s| s.parent)
                };
                match focused.as_ref().and_then(|r| r.parent).or_else(first) {
                    Some(id) => Some(id),
                    None => return self.no_parent_yet(key),
                }
            }
        };
        let initiative = match (parent, table.per) {
            (Some(id), _) => self.session.tables.row(id).and_then(|p| p.initiative),
            (None, Per::Session) => None,
            (None, Per::Initiative) => match self.target_initiative() {
                Some(id) => Some(id),
                None => return self.warn("Add an initiative first: i, then a"),
            },
        };
        self.table.detail = false;
        let anchor = focused.filter(|r| r.parent == parent).map(|r| r.id);
        let first = &columns(&self.session)[self.session.column_order()[0]];
        let label = format!(
            "New {} · {} (Enter: next column, Esc: stop)",
            table.noun, first.title
        );
        let multiline = first.kind == ColumnKind::LongText;
        self.editor = Some(Editor::new(
            EditTarget::Table(TableEdit::NewRow {
                initiative,
                anchor,
                below,
                parent,
            }),
            label,
            "",
            multiline,
        ));
    }

    /// "Add a commitment first (step 5)": a child row needs a parent row.
    fn no_parent_yet(&mut self, key: &str) {
        let Some(parent) = self.session.workshop.table(key) else {
            return;
        };
        let step = self.session.steps().iter().position(|s| match &s.activity {
            Activity::Table(t) => self.session.workshop.step_table(t).key == key,
            _ => false,
        });
        let scope = match self.table.initiative(&self.session) {
            Some(_) => " for this initiative",
            None => "",
        };
        self.warn(match step {
            Some(s) => format!(
                "Add a {} first{scope}: each {} belongs to one (step {})",
                parent.noun,
                self.session.step_table().noun,
                s + 1
            ),
            None => format!("Add a {} first{scope}", parent.noun),
        });
    }

    pub(super) fn edit_focused_cell(&mut self) {
        let Some(row) = self.table.focused(&self.session).map(|r| r.id) else {
            // An empty table: Enter starts its first row.
            self.add_row(true);
            return;
        };
        self.editor = self.cell_editor(row, self.table.column, false);
    }

    /// An editor for one cell, fitted to its column's kind.
    fn cell_editor(&self, row: u64, column: usize, chain: bool) -> Option<Editor> {
        self.cell_editor_with(row, column, chain, None)
    }

    /// `typed`: text to start from instead of the cell's (to fix a refused entry).
    fn cell_editor_with(
        &self,
        row: u64,
        column: usize,
        chain: bool,
        typed: Option<&str>,
    ) -> Option<Editor> {
        let spec = columns(&self.session).get(column)?;
        let stored = self.session.step_rows().row(row)?.cell(&spec.key);
        let title = sanitize_line(&spec.title);
        let text = typed.unwrap_or(stored).to_string();
        let then = if chain {
            " (Enter: next column, Esc: stop)"
        } else {
            ""
        };
        let target = EditTarget::Table(TableEdit::Cell {
            row,
            column: spec.key.clone(),
            chain,
        });
        // Person and "kept informed" cells offer the roster's names, then the plan's.
        let names = || self.session.name_completions();
        let editor = match &spec.kind {
            ColumnKind::Text | ColumnKind::LongText if names_people(spec) => {
                let long = spec.kind == ColumnKind::LongText;
                Editor::new(target, format!("{title}{then}"), &text, long).with_completions(names())
            }
            ColumnKind::Text => Editor::new(target, format!("{title}{then}"), &text, false),
            ColumnKind::LongText => Editor::new(target, format!("{title}{then}"), &text, true),
            ColumnKind::Person => Editor::new(target, format!("{title}{then}"), &text, false)
                .with_completions(names()),
            ColumnKind::Date => {
                // A date is replaced, not added to ("someday" + "dec 15").
                Editor::new(target, format!("{title}{then}"), &text, false).with_text_selected()
            }
            ColumnKind::Status(values) => {
                // Starts empty so that typing picks a value; Enter alone keeps it.
                let now = crate::domain::plan::status_value(stored, spec);
                let typed = typed.unwrap_or("");
                Editor::new(
                    target,
                    format!("{title} (now {}){then}", sanitize_line(now)),
                    typed,
                    false,
                )
                .with_completions(values.clone())
            }
        };
        Some(editor)
    }

    pub(in crate::app) fn commit_table_edit(
        &mut self,
        edit: TableEdit,
        text: String,
    ) -> Option<Editor> {
        match edit {
            TableEdit::Note { row } => {
                self.commit_progress_note(row, &text);
                None
            }
            TableEdit::Filter => {
                let parsed = Filter::parse(
                    &text,
                    self.session.step_rows(),
                    columns(&self.session),
                    self.today(),
                );
                match parsed {
                    Ok(filter) => {
                        let line = sanitize_line(&text).trim().to_string();
                        self.set_filter(filter, line);
                        let shown = self.table.view(&self.session).len();
                        match &self.table.filter {
                            Some(f) => self.say(format!(
                                "{shown} {}: {} (Esc shows all)",
                                if shown == 1 { "row" } else { "rows" },
                                f.describe()
                            )),
                            None => self.say("Filter off: every row shows"),
                        }
                        None
                    }
                    Err(why) => {
                        self.warn(why);
                        let editor = Editor::new(
                            EditTarget::Table(TableEdit::Filter),
                            "Filter: a name, a status, overdue, no owner, no date, by <date>",
                            &text,
                            false,
                        );
                        Some(editor)
                    }
                }
            }
            TableEdit::NewRow {
                initiative,
                anchor,
                below,
                parent,
            } => {
                let first_index = self.session.column_order()[0];
                let first = columns(&self.session)[first_index].clone();
                let value = self.cell_value(&first, "", &text)?;
                if value.is_empty() {
                    return None;
                }
                self.record("add row");
                let id = self.session.new_id();
                let mut row = PlanRow::new(id, initiative, &[(&first.key, &value)]);
                row.parent = parent;
                self.session.step_rows_mut().insert_near(anchor, below, row);
                self.after_content_change();
                self.show_row(id);
                self.table.column = first_index;
                self.next_in_chain(id, first_index)
            }
            TableEdit::Cell { row, column, chain } => {
                let index = column_index(&self.session, &column)?;
                let spec = columns(&self.session)[index].clone();
                let current = self
                    .session
                    .step_rows()
                    .row(row)?
                    .cell(&spec.key)
                    .to_string();
                let Some(value) = self.cell_value(&spec, &current, &text) else {
                    // Not a status value: give the text back to fix it.
                    return self.cell_editor_with(row, index, chain, Some(&text));
                };
                if value != current {
                    self.record(format!("edit {}", spec.title));
                    if let Some(r) = self.session.step_rows_mut().row_mut(row) {
                        r.set(&spec.key, value);
                    }
                    self.after_content_change();
                }
                self.show_row(row);
                self.table.column = index;
                if chain {
                    self.next_in_chain(row, index)
                } else {
                    None
                }
            }
        }
    }

    /// What a committed text becomes in a cell of this column; `None` refuses it
    /// (an unknown status value). Dates that cannot be read are kept as typed.
    fn cell_value(&mut self, spec: &ColumnSpec, current: &str, text: &str) -> Option<String> {
        let line = sanitize_line(text).trim().to_string();
        match &spec.kind {
            ColumnKind::LongText => Some(text.trim().to_string()),
            ColumnKind::Text | ColumnKind::Person => Some(line),
            ColumnKind::Date if line.is_empty() => Some(line),
            ColumnKind::Date => match dates::parse_date(&line, self.today()) {
                Ok(date) => {
                    self.say(format!("{}: {}", spec.title, dates::long(date)));
                    Some(dates::iso(date))
                }
                Err(why) => {
                    self.warn(format!("Kept {line:?}, but it is not a date: {why}"));
                    Some(line)
                }
            },
            ColumnKind::Status(_) if line.is_empty() => Some(current.to_string()),
            ColumnKind::Status(values) => match match_status(&line, values) {
                Some(v) => Some(v.to_string()),
                None if line.eq_ignore_ascii_case(current) => Some(current.to_string()),
                None => {
                    self.warn(format!("{} is one of: {}", spec.title, values.join(", ")));
                    None
                }
            },
        }
    }

    /// Filling a row: the next column that takes typing (statuses are cycled with s).
    fn next_in_chain(&mut self, row: u64, after: usize) -> Option<Editor> {
        let order = self.session.column_order();
        let columns = columns(&self.session);
        let at = order.iter().position(|&k| k == after).unwrap_or(0);
        let next = order
            .iter()
            .skip(at + 1)
            .copied()
            .find(|&k| !matches!(columns[k].kind, ColumnKind::Status(_)));
        match next {
            Some(i) => {
                self.table.column = i;
                self.cell_editor(row, i, true)
            }
            None => {
                if self.status.is_none() {
                    self.say("Row complete");
                }
                None
            }
        }
    }
}
