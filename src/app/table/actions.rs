//! What the table's keys do: move, add, duplicate, delete and clear rows, cycle
//! statuses, switch tables, sort, filter, and find the plan check's hints. Moving rows
//! is in `moves`.

use super::{Scope, TableAction, TableEdit, column_index, columns};
use crate::app::App;
use crate::app::editor::{EditTarget, Editor};
use crate::domain::check;
use crate::domain::plan::{Filter, PlanRow, Roles, SortKey, cycle_status};
use crate::domain::template::{ColumnKind, Per};
use crate::domain::text::{sanitize_line, shorten};

impl App {
    pub(in crate::app) fn table_action(&mut self, action: TableAction) {
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
            TableAction::ToParent { forward } => self.move_to_parent(forward),
            TableAction::CycleStatus => self.cycle_status(),
            TableAction::Note => self.edit_progress_note(),
            TableAction::MoveDate => self.move_date(),
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
    pub(super) fn target_initiative(&self) -> Option<u64> {
        self.table
            .focused(&self.session)
            .and_then(|r| r.initiative)
            .or_else(|| self.table.initiative(&self.session))
            .or_else(|| self.session.initiatives.first().map(|i| i.id))
    }

    /// Focuses row `id`; if the filter hides it, the filter goes.
    pub(super) fn show_row(&mut self, id: u64) {
        if !self.table.select(&self.session, id) && self.table.filter.is_some() {
            self.set_filter(None, String::new());
            self.table.select(&self.session, id);
            self.say("Filter off, so the row you wrote shows");
        }
    }

    pub(super) fn set_filter(&mut self, filter: Option<Filter>, text: String) {
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
        self.session.step_rows_mut().duplicate(id, new_id);
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
        let gone = self.session.tables.remove(id);
        self.after_content_change();
        // The rows under it go with it, and come back with it.
        let under = match self
            .session
            .workshop
            .children(&self.session.step_table().key)
            .next()
        {
            Some(child) if gone > 1 => format!(" and its {}", child.count(gone - 1)),
            _ => String::new(),
        };
        self.say(format!("Deleted {what}{under} (u to undo)"));
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
            .step_rows()
            .row(row)
            .is_some_and(|r| r.cell(&spec.key).is_empty())
        {
            return;
        }
        self.record(format!("clear {}", spec.title));
        if let Some(r) = self.session.step_rows_mut().row_mut(row) {
            r.set(&spec.key, String::new());
        }
        self.after_content_change();
        self.show_row(row);
        self.say(format!("{} cleared (u to undo)", spec.title));
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
        if spec.statuses().is_empty() {
            return;
        }
        let current = self
            .session
            .step_rows()
            .row(row)
            .map(|r| r.cell(&spec.key))
            .unwrap_or("");
        let next = cycle_status(current, &spec, false);
        self.record(format!("{} → {next}", spec.title));
        if let Some(r) = self.session.step_rows_mut().row_mut(row) {
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
        let table = self.session.step_table();
        if table.per == Per::Session {
            return self.say(format!(
                "{}: one table for the whole plan",
                sanitize_line(&table.title)
            ));
        }
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

    /// Puts the focus on the next cell the plan check flags in this table, and says
    /// why.
    fn next_problem(&mut self) {
        let key = self.session.step_table().key.clone();
        let mut problems = check::check(&self.session, self.today());
        problems.retain(|p| p.table == key);
        if problems.is_empty() {
            return self.say("✓ The plan check finds nothing to fix");
        }
        let view = self.table.view(&self.session);
        let position = |id: u64| {
            view.iter()
                .position(|&i| self.session.step_rows().rows[i].id == id)
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
                        .step_rows()
                        .row(p.row)
                        .is_some_and(|r| scope.is_none_or(|i| r.initiative == Some(i)))
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
        // One stop a cell: a cell with two hints (too vague, and past the cap) says both.
        let mut stops: Vec<(usize, usize, String)> = Vec::new();
        for (r, c, p) in here {
            match stops.last_mut() {
                Some((lr, lc, text)) if (*lr, *lc) == (r, c) => {
                    text.push_str("; ");
                    text.push_str(&p.message);
                }
                _ => stops.push((r, c, p.message.clone())),
            }
        }
        let now = (self.table.row, place(self.table.column));
        let k = stops
            .iter()
            .position(|(r, c, _)| (*r, place(*c)) > now)
            .unwrap_or(0);
        let total = stops.len();
        let (row, column, text) = stops.swap_remove(k);
        let title = columns(&self.session)[column].title.clone();
        let message = format!("▲ Row {} · {title}: {text} ({} of {total})", row + 1, k + 1);
        self.table.row = row;
        self.table.column = column;
        self.say(message);
    }
}
