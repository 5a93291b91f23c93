//! Moving a row: up and down its table, under another parent row (a milestone to
//! another commitment), or to another initiative; the rows under it come along.

use crate::app::App;
use crate::domain::plan::PlanRow;
use crate::domain::template::Per;
use crate::domain::text::{sanitize_line, shorten};

impl App {
    pub(super) fn move_row(&mut self, down: bool) {
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
        let rows = &self.session.step_rows().rows;
        if rows[a].parent != rows[b].parent {
            // Past the last row under its parent: the next parent's rows are there.
            return self.move_to_parent(down);
        }
        let (a, b) = (rows[a].id, rows[b].id);
        self.record(if down { "move row down" } else { "move row up" });
        self.session.step_rows_mut().swap(a, b);
        self.after_content_change();
        self.table.select(&self.session, a);
    }

    /// Moves the focused child row under the previous or next parent row: as that
    /// parent's last row going back, its first going on, so it lands next to where
    /// it was.
    pub(super) fn move_to_parent(&mut self, forward: bool) {
        let table = self.session.step_table().clone();
        let Some(row) = self.table.focused(&self.session).cloned() else {
            return self.say("No row to move");
        };
        let Some(parent_key) = &table.parent else {
            return self.move_to_initiative(&row, forward);
        };
        let parents: Vec<u64> = self
            .table
            .sections(&self.session)
            .unwrap_or_default()
            .iter()
            .filter_map(|s| s.parent)
            .collect();
        let at = row
            .parent
            .and_then(|p| parents.iter().position(|&q| q == p));
        let target = match (at, forward) {
            (Some(i), true) => parents.get(i + 1),
            (Some(i), false) => i.checked_sub(1).and_then(|j| parents.get(j)),
            (None, _) => parents.first(),
        };
        let parent_noun = self
            .session
            .workshop
            .table(parent_key)
            .map(|t| t.noun.clone())
            .unwrap_or_default();
        let Some(&target) = target else {
            let edge = if forward { "last" } else { "first" };
            return self.say(format!("Already under the {edge} {parent_noun}"));
        };
        self.record(format!("move {} to another {parent_noun}", table.noun));
        self.session.tables.reparent(row.id, target, forward);
        self.after_content_change();
        self.table.select(&self.session, row.id);
        let name = self
            .session
            .workshop
            .table(parent_key)
            .and_then(|t| t.columns.first())
            .and_then(|c| self.session.tables.row(target).map(|r| r.cell(&c.key)))
            .map(|t| shorten(&sanitize_line(t), 40))
            .unwrap_or_default();
        self.say(format!("Now under “{name}” (u to undo)"));
    }

    /// Gives the focused row (and the rows under it) to the previous or next
    /// initiative.
    fn move_to_initiative(&mut self, row: &PlanRow, forward: bool) {
        let table = self.session.step_table();
        let ids: Vec<u64> = self.session.initiatives.iter().map(|i| i.id).collect();
        if table.per == Per::Session || ids.len() < 2 {
            return self.say(format!(
                "{} belong to no other rows or initiatives: K / J move a row up and down",
                sanitize_line(&table.title)
            ));
        }
        let at = row
            .initiative
            .and_then(|id| ids.iter().position(|&i| i == id));
        let n = ids.len();
        let to = match (at, forward) {
            (Some(i), true) => ids[(i + 1) % n],
            (Some(i), false) => ids[(i + n - 1) % n],
            (None, _) => ids[0],
        };
        self.record(format!("move {} to another initiative", table.noun));
        self.session.tables.set_initiative(row.id, Some(to));
        self.after_content_change();
        let name = self
            .session
            .initiative(to)
            .map(|i| sanitize_line(&i.name))
            .unwrap_or_default();
        if self.table.select(&self.session, row.id) {
            self.say(format!("Now in “{name}” (u to undo)"));
        } else {
            self.say(format!(
                "Now in “{name}”: its table shows it (w) · u to undo"
            ));
        }
    }
}
