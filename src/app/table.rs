//! Action-plan table interaction: one table per initiative (or all of them), moved
//! through like a spreadsheet, edited in place, sorted and filtered without touching
//! the stored order, with the plan check's hints one key away.

use super::App;
use super::editor::{EditTarget, Editor};
use crate::domain::check::{self, ByRow};
use crate::domain::dates;
use crate::domain::plan::{Filter, PlanRow, Roles, SortKey, cycle_status, match_status};
use crate::domain::session::Session;
use crate::domain::template::{ColumnKind, ColumnSpec};
use crate::domain::text::{sanitize_line, shorten};
use crate::layout::table::{self as geometry, GridInput, Window};

/// Which rows the table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The first initiative's table (every row while there is no initiative).
    #[default]
    Auto,
    Initiative(u64),
    /// Every initiative's rows, with an Initiative column.
    All,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableUi {
    /// The focused row, as an index into the view (not the stored order).
    pub row: usize,
    /// The focused column, as an index into the template's columns.
    pub column: usize,
    pub scope: Scope,
    /// View-only order; the stored order never changes.
    pub sort: Option<SortKey>,
    /// View-only filter, and the text it was read from.
    pub filter: Option<Filter>,
    pub filter_text: String,
    /// The row detail view: every field of the focused row in full.
    pub detail: bool,
    /// The first row and first scrolled column shown, kept so that the view only
    /// scrolls when the focus would leave it.
    pub window: Window,
    /// Row ids as last seen (sorted): a row that appears since (an undone delete, a
    /// redone add) takes the focus when this table shows it.
    seen: Option<Vec<u64>>,
}

impl TableUi {
    /// Keeps the focus, the scope and the scroll inside what exists; a row that was
    /// not there the last time takes the focus.
    pub fn clamp(&mut self, session: &Session) {
        if let Scope::Initiative(id) = self.scope
            && session.initiative(id).is_none()
        {
            self.scope = Scope::Auto;
        }
        let mut ids: Vec<u64> = session.plan.rows.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        if let Some(seen) = &self.seen
            && let Some(&new) = ids.iter().rev().find(|n| seen.binary_search(n).is_err())
        {
            self.select(session, new);
        }
        self.seen = Some(ids);
        let rows = self.view(session).len();
        self.row = self.row.min(rows.saturating_sub(1));
        let columns = session.workshop.plan.columns.len();
        self.column = self.column.min(columns.saturating_sub(1));
        if rows == 0 {
            self.detail = false;
        }
    }

    pub fn on_step_change(&mut self) {
        self.detail = false;
    }

    /// The initiative whose table is showing; `None` shows every row.
    pub fn initiative(&self, session: &Session) -> Option<u64> {
        match self.scope {
            Scope::All => None,
            Scope::Initiative(id) if session.initiative(id).is_some() => Some(id),
            _ => session.initiatives.first().map(|i| i.id),
        }
    }

    /// Indices into `session.plan.rows`, in the order the table shows them.
    pub fn view(&self, session: &Session) -> Vec<usize> {
        session.plan.view(
            &session.workshop.plan.columns,
            self.initiative(session),
            self.sort,
            self.filter.as_ref(),
        )
    }

    pub fn focused<'a>(&self, session: &'a Session) -> Option<&'a PlanRow> {
        let view = self.view(session);
        view.get(self.row).map(|&i| &session.plan.rows[i])
    }

    /// Puts the focus on row `id` if the view shows it.
    pub fn select(&mut self, session: &Session, id: u64) -> bool {
        let view = self.view(session);
        match view.iter().position(|&i| session.plan.rows[i].id == id) {
            Some(at) => {
                self.row = at;
                true
            }
            None => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableAction {
    Up,
    Down,
    Left,
    Right,
    /// Tab: the next cell, then the next row's first cell.
    NextCell,
    PrevCell,
    FirstColumn,
    LastColumn,
    FirstRow,
    LastRow,
    Edit,
    AddBelow,
    AddAbove,
    Duplicate,
    Delete,
    ClearCell,
    MoveUp,
    MoveDown,
    CycleStatus,
    NextTable,
    PrevTable,
    ToggleDetail,
    NextProblem,
    CycleSort,
    Filter,
    /// Esc: leaves the detail view, else drops the filter.
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableEdit {
    Cell {
        row: u64,
        column: String,
        /// Filling a new row: Enter moves on to the next column.
        chain: bool,
    },
    /// The first cell of a row that exists once something is typed.
    NewRow {
        initiative: u64,
        /// The row it goes next to, and on which side.
        anchor: Option<u64>,
        below: bool,
    },
    Filter,
}

/// The columns of the plan.
fn columns(session: &Session) -> &[ColumnSpec] {
    &session.workshop.plan.columns
}

fn column_index(session: &Session, key: &str) -> Option<usize> {
    columns(session).iter().position(|c| c.key == key)
}

impl App {
    /// What the grid's layout needs, for the rows in `view` with these problems: the
    /// view draws with it, the update step keeps the focus in view with it.
    pub fn grid_input<'a>(&'a self, view: &'a [usize], problems: &'a ByRow<'a>) -> GridInput<'a> {
        let new_row = match self.editor.as_ref().map(|e| &e.target) {
            Some(EditTarget::Table(TableEdit::NewRow { anchor, below, .. })) => {
                Some((*anchor, *below))
            }
            _ => None,
        };
        GridInput {
            session: &self.session,
            view,
            problems,
            row: self.table.row,
            column: self.table.column,
            window: self.table.window,
            new_row,
            all: self.table.initiative(&self.session).is_none(),
        }
    }

    /// The table's window on the terminal as the view will draw it, if the grid shows.
    pub(super) fn table_window(&self) -> Option<Window> {
        if self.table.detail {
            return None;
        }
        let area = crate::layout::projector::table_area(self.projector_screen()?, &self.session)?;
        let [_, _, body] = geometry::bands(area)?;
        let problems = check::check(&self.session, self.today());
        let problems = ByRow::new(&problems);
        let view = self.table.view(&self.session);
        Some(geometry::grid(body, &self.grid_input(&view, &problems)).window)
    }

    pub(super) fn table_action(&mut self, action: TableAction) {
        self.table.clamp(&self.session);
        let rows = self.table.view(&self.session).len();
        let order = self.session.column_order();
        let last = order.len() - 1;
        let detail = self.table.detail;
        let t = &mut self.table;
        // Columns move in the order they show (a template may put some first).
        let at = order.iter().position(|&k| k == t.column).unwrap_or(0);
        let go = |p: usize| order[p.min(last)];
        match action {
            // In the detail view, up and down go through the fields, left and right
            // through the rows.
            TableAction::Up if detail => t.column = go(at.saturating_sub(1)),
            TableAction::Down if detail => t.column = go(at + 1),
            TableAction::Left if detail => t.row = t.row.saturating_sub(1),
            TableAction::Right if detail => t.row = (t.row + 1).min(rows.saturating_sub(1)),
            TableAction::Up => t.row = t.row.saturating_sub(1),
            TableAction::Down => t.row = (t.row + 1).min(rows.saturating_sub(1)),
            TableAction::Left => t.column = go(at.saturating_sub(1)),
            TableAction::Right => t.column = go(at + 1),
            TableAction::NextCell => {
                if at < last {
                    t.column = go(at + 1);
                } else if t.row + 1 < rows {
                    t.row += 1;
                    t.column = go(0);
                }
            }
            TableAction::PrevCell => {
                if at > 0 {
                    t.column = go(at - 1);
                } else if t.row > 0 {
                    t.row -= 1;
                    t.column = go(last);
                }
            }
            TableAction::FirstColumn => t.column = go(0),
            TableAction::LastColumn => t.column = go(last),
            TableAction::FirstRow => t.row = 0,
            TableAction::LastRow => t.row = rows.saturating_sub(1),
            TableAction::Edit => self.edit_focused_cell(),
            TableAction::AddBelow => self.add_row(true),
            TableAction::AddAbove => self.add_row(false),
            TableAction::Duplicate => self.duplicate_row(),
            TableAction::Delete => self.delete_row(),
            TableAction::ClearCell => self.clear_cell(),
            TableAction::MoveUp => self.move_row(false),
            TableAction::MoveDown => self.move_row(true),
            TableAction::CycleStatus => self.cycle_status(),
            TableAction::NextTable => self.switch_table(true),
            TableAction::PrevTable => self.switch_table(false),
            TableAction::ToggleDetail => {
                if rows == 0 {
                    self.say("No row to show yet: o adds one");
                } else {
                    self.table.detail = !self.table.detail;
                }
            }
            TableAction::NextProblem => self.next_problem(),
            TableAction::CycleSort => {
                let id = self.table.focused(&self.session).map(|r| r.id);
                self.table.sort = SortKey::cycle(self.table.sort);
                if let Some(id) = id {
                    self.table.select(&self.session, id);
                }
                self.say(match self.table.sort {
                    Some(key) => format!("Sorted by {} (view only; S: next order)", key.label()),
                    None => "Stored order".to_string(),
                });
            }
            TableAction::Filter => {
                let text = self.table.filter_text.clone();
                self.editor = Some(Editor::new(
                    EditTarget::Table(TableEdit::Filter),
                    "Filter: a name, a status, overdue, no owner, no date, by <date>",
                    &text,
                    false,
                ));
            }
            TableAction::Back => {
                if self.table.detail {
                    self.table.detail = false;
                } else if self.table.filter.is_some() {
                    self.set_filter(None, String::new());
                    self.say("Filter off: every row shows");
                }
            }
        }
    }

    /// Rows the facilitator adds go to the focused row's initiative, else the table's.
    fn target_initiative(&self) -> Option<u64> {
        self.table
            .focused(&self.session)
            .map(|r| r.initiative)
            .or_else(|| self.table.initiative(&self.session))
            .or_else(|| self.session.initiatives.first().map(|i| i.id))
    }

    fn add_row(&mut self, below: bool) {
        let Some(initiative) = self.target_initiative() else {
            self.warn("Add an initiative first: i, then a");
            return;
        };
        self.table.detail = false;
        let anchor = self.table.focused(&self.session).map(|r| r.id);
        let first = &columns(&self.session)[self.session.column_order()[0]];
        let label = format!("New row · {} (Enter: next column, Esc: stop)", first.title);
        let multiline = first.kind == ColumnKind::LongText;
        self.editor = Some(Editor::new(
            EditTarget::Table(TableEdit::NewRow {
                initiative,
                anchor,
                below,
            }),
            label,
            "",
            multiline,
        ));
    }

    fn edit_focused_cell(&mut self) {
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
        let stored = self.session.plan.row(row)?.cell(&spec.key);
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
        let editor = match &spec.kind {
            ColumnKind::Text => Editor::new(target, format!("{title}{then}"), &text, false),
            ColumnKind::LongText => Editor::new(target, format!("{title}{then}"), &text, true),
            ColumnKind::Person => Editor::new(target, format!("{title}{then}"), &text, false)
                .with_completions(self.session.plan.people(columns(&self.session))),
            ColumnKind::Date => {
                // A date is replaced, not added to ("someday" + "dec 15").
                Editor::new(target, format!("{title}{then}"), &text, false).with_text_selected()
            }
            ColumnKind::Status(values) => {
                // Starts empty so that typing picks a value; Enter alone keeps it.
                let now = crate::domain::plan::status_value(stored, values);
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

    pub(super) fn commit_table_edit(&mut self, edit: TableEdit, text: String) -> Option<Editor> {
        match edit {
            TableEdit::Filter => {
                let parsed = Filter::parse(
                    &text,
                    &self.session.plan,
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
            } => {
                let first_index = self.session.column_order()[0];
                let first = columns(&self.session)[first_index].clone();
                let value = self.cell_value(&first, "", &text)?;
                if value.is_empty() {
                    return None;
                }
                self.record("add row");
                let id = self.session.new_id();
                let row = PlanRow::new(id, initiative, &[(&first.key, &value)]);
                self.session.plan.insert_near(anchor, below, row);
                self.after_content_change();
                self.show_row(id);
                self.table.column = first_index;
                self.next_in_chain(id, first_index)
            }
            TableEdit::Cell { row, column, chain } => {
                let index = column_index(&self.session, &column)?;
                let spec = columns(&self.session)[index].clone();
                let current = self.session.plan.row(row)?.cell(&spec.key).to_string();
                let Some(value) = self.cell_value(&spec, &current, &text) else {
                    // Not a status value: give the text back to fix it.
                    return self.cell_editor_with(row, index, chain, Some(&text));
                };
                if value != current {
                    self.record(format!("edit {}", spec.title));
                    if let Some(r) = self.session.plan.row_mut(row) {
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

    /// Focuses row `id`; if the filter hides it, the filter goes.
    fn show_row(&mut self, id: u64) {
        if !self.table.select(&self.session, id) && self.table.filter.is_some() {
            self.set_filter(None, String::new());
            self.table.select(&self.session, id);
            self.say("Filter off, so the row you wrote shows");
        }
    }

    fn set_filter(&mut self, filter: Option<Filter>, text: String) {
        let id = self.table.focused(&self.session).map(|r| r.id);
        self.table.filter = filter;
        self.table.filter_text = text;
        self.table.row = 0;
        self.table.window.top = 0;
        if let Some(id) = id {
            self.table.select(&self.session, id);
        }
        self.table.clamp(&self.session);
    }

    fn duplicate_row(&mut self) {
        let Some(id) = self.table.focused(&self.session).map(|r| r.id) else {
            return self.say("No row to duplicate");
        };
        self.record("duplicate row");
        let new_id = self.session.new_id();
        self.session.plan.duplicate(id, new_id);
        self.after_content_change();
        self.show_row(new_id);
        self.say("Row duplicated below (u to undo)");
    }

    fn delete_row(&mut self) {
        let Some(row) = self.table.focused(&self.session) else {
            return self.say("No row to delete");
        };
        let (id, what) = (row.id, self.row_name(row));
        self.record("delete row");
        self.session.plan.remove(id);
        self.after_content_change();
        self.say(format!("Deleted {what} (u to undo)"));
    }

    /// "row 3 “Publish the form…”" for messages.
    fn row_name(&self, row: &PlanRow) -> String {
        let n = self.table.row + 1;
        let first = row.cell(&columns(&self.session)[0].key);
        if first.is_empty() {
            format!("row {n}")
        } else {
            format!("row {n} “{}”", shorten(&sanitize_line(first), 30))
        }
    }

    fn clear_cell(&mut self) {
        let Some(row) = self.table.focused(&self.session).map(|r| r.id) else {
            return;
        };
        let spec = columns(&self.session)[self.table.column].clone();
        if self
            .session
            .plan
            .row(row)
            .is_some_and(|r| r.cell(&spec.key).is_empty())
        {
            return;
        }
        self.record(format!("clear {}", spec.title));
        if let Some(r) = self.session.plan.row_mut(row) {
            r.set(&spec.key, String::new());
        }
        self.after_content_change();
        self.show_row(row);
        self.say(format!("{} cleared (u to undo)", spec.title));
    }

    fn move_row(&mut self, down: bool) {
        if let Some(key) = self.table.sort {
            return self.warn(format!(
                "Sorted by {}: S back to the stored order to move rows",
                key.label()
            ));
        }
        let view = self.table.view(&self.session);
        let at = self.table.row;
        let other = if down {
            at + 1
        } else {
            match at.checked_sub(1) {
                Some(o) => o,
                None => return,
            }
        };
        let (Some(&a), Some(&b)) = (view.get(at), view.get(other)) else {
            return;
        };
        let (a, b) = (self.session.plan.rows[a].id, self.session.plan.rows[b].id);
        self.record(if down { "move row down" } else { "move row up" });
        self.session.plan.swap(a, b);
        self.after_content_change();
        self.table.select(&self.session, a);
    }

    fn cycle_status(&mut self) {
        let Some(row) = self.table.focused(&self.session).map(|r| r.id) else {
            return self.say("No row yet: o adds one");
        };
        let columns = columns(&self.session);
        let focused_status = matches!(columns[self.table.column].kind, ColumnKind::Status(_));
        let index = if focused_status {
            Some(self.table.column)
        } else {
            Roles::of(columns).status
        };
        let Some(index) = index else {
            return self.warn("This plan has no status column");
        };
        let spec = columns[index].clone();
        let ColumnKind::Status(values) = &spec.kind else {
            return;
        };
        let current = self
            .session
            .plan
            .row(row)
            .map(|r| r.cell(&spec.key))
            .unwrap_or("");
        let next = cycle_status(current, values, false);
        self.record(format!("{} → {next}", spec.title));
        if let Some(r) = self.session.plan.row_mut(row) {
            r.set(&spec.key, next.clone());
        }
        self.after_content_change();
        if !self.table.select(&self.session, row) {
            self.say(format!(
                "{}: {next} (the filter now hides the row)",
                spec.title
            ));
        } else {
            self.say(format!("{}: {next}", spec.title));
        }
    }

    fn switch_table(&mut self, forward: bool) {
        let ids: Vec<u64> = self.session.initiatives.iter().map(|i| i.id).collect();
        if ids.is_empty() {
            return self.say("One table per initiative: press i, then a, to add initiatives");
        }
        // The tables in order: each initiative, then all of them.
        let mut scopes: Vec<Scope> = ids.iter().map(|&id| Scope::Initiative(id)).collect();
        scopes.push(Scope::All);
        let current = match self.table.initiative(&self.session) {
            Some(id) => Scope::Initiative(id),
            None => Scope::All,
        };
        let at = scopes.iter().position(|s| *s == current).unwrap_or(0);
        let n = scopes.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.table.scope = scopes[next];
        self.table.row = 0;
        self.table.window.top = 0;
        self.table.detail = false;
        self.table.clamp(&self.session);
        let name = match self.table.initiative(&self.session) {
            Some(id) => self
                .session
                .initiative(id)
                .map(|i| sanitize_line(&i.name))
                .unwrap_or_default(),
            None => "All initiatives".to_string(),
        };
        let rows = self.table.view(&self.session).len();
        self.say(format!("{name}: {rows} rows (w / W for the other tables)"));
    }

    /// Puts the focus on the next cell the plan check flags, and says why.
    fn next_problem(&mut self) {
        let problems = check::check(&self.session, self.today());
        if problems.is_empty() {
            return self.say("✓ The plan check finds nothing to fix");
        }
        let view = self.table.view(&self.session);
        let position = |id: u64| {
            view.iter()
                .position(|&i| self.session.plan.rows[i].id == id)
        };
        let mut here: Vec<(usize, usize, &check::Problem)> = problems
            .iter()
            .filter_map(|p| {
                let row = position(p.row)?;
                let column = column_index(&self.session, &p.column)?;
                Some((row, column, p))
            })
            .collect();
        if here.is_empty() {
            // Hints in rows of this table that the filter hides, else in other tables.
            let scope = self.table.initiative(&self.session);
            let hidden = problems
                .iter()
                .filter(|p| {
                    self.session
                        .plan
                        .row(p.row)
                        .is_some_and(|r| scope.is_none_or(|i| r.initiative == i))
                })
                .count();
            let others = problems.len() - hidden;
            let plural = |n: usize| if n == 1 { "hint" } else { "hints" };
            return self.say(if hidden > 0 {
                format!(
                    "✓ Nothing to fix in the rows shown; {hidden} {} in rows the filter hides (Esc shows all)",
                    plural(hidden)
                )
            } else {
                format!(
                    "✓ Nothing to fix in this table; {others} {} in others (w to switch)",
                    plural(others)
                )
            });
        }
        let order = self.session.column_order();
        let place = |c: usize| order.iter().position(|&k| k == c).unwrap_or(c);
        here.sort_by_key(|(r, c, _)| (*r, place(*c)));
        let now = (self.table.row, place(self.table.column));
        let k = here
            .iter()
            .position(|(r, c, _)| (*r, place(*c)) > now)
            .unwrap_or(0);
        let (row, column, problem) = here[k];
        let total = here.len();
        let title = columns(&self.session)[column].title.clone();
        let message = format!(
            "▲ Row {} · {title}: {} ({} of {total})",
            row + 1,
            problem.message,
            k + 1
        );
        self.table.row = row;
        self.table.column = column;
        self.say(message);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::app;
    use super::*;
    use crate::app::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(app: &mut App, code: KeyCode) {
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn type_line(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c));
        }
        press(app, KeyCode::Enter);
    }

    #[test]
    fn a_row_is_filled_column_after_column() {
        let (mut app, _) = app();
        app.session.add_initiative("Permits online", "");
        app.update(Action::GoToStep(3));
        press(&mut app, KeyCode::Char('o'));
        type_line(&mut app, "Publish the permit form online");
        type_line(&mut app, "Ana");
        type_line(&mut app, "");
        type_line(&mut app, "Dec 15");
        press(&mut app, KeyCode::Esc);
        let row = &app.session.plan.rows[0];
        assert_eq!(row.cell("action"), "Publish the permit form online");
        assert_eq!(row.cell("owner"), "Ana");
        assert_eq!(row.cell("due"), "2026-12-15");
        assert!(app.editor.is_none());
    }
}
