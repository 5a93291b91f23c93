//! Every table of a session: rows by table key, and what crosses tables (rows under
//! a row, promoted notes, names typed anywhere). Row ids are unique in the session, so
//! an id names one row whatever its table.

use super::plan::{Plan, PlanRow};
use super::template::{ColumnKind, Template};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tables(BTreeMap<String, Plan>);

impl Tables {
    /// Makes a table exist for each of the template's, so the file shows them all.
    pub fn sync(&mut self, template: &Template) {
        for table in &template.tables {
            self.0.entry(table.key.clone()).or_default();
        }
    }

    pub fn get(&self, key: &str) -> Option<&Plan> {
        self.0.get(key)
    }

    /// A table's rows; none for a table that holds nothing yet.
    pub fn rows(&self, key: &str) -> &[PlanRow] {
        self.0.get(key).map_or(&[], |t| &t.rows)
    }

    pub fn table_mut(&mut self, key: &str) -> &mut Plan {
        self.0.entry(key.to_string()).or_default()
    }

    /// Tables by key, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Plan)> {
        self.0.iter().map(|(k, t)| (k.as_str(), t))
    }

    pub fn all_rows(&self) -> impl Iterator<Item = &PlanRow> {
        self.0.values().flat_map(|t| &t.rows)
    }

    /// The table key and index of row `id`.
    pub fn locate(&self, id: u64) -> Option<(&str, usize)> {
        self.0
            .iter()
            .find_map(|(k, t)| Some((k.as_str(), t.position(id)?)))
    }

    pub fn row(&self, id: u64) -> Option<&PlanRow> {
        self.all_rows().find(|r| r.id == id)
    }

    pub fn row_mut(&mut self, id: u64) -> Option<&mut PlanRow> {
        self.0.values_mut().find_map(|t| t.row_mut(id))
    }

    /// The rows under row `id`, in their table's order.
    pub fn children(&self, id: u64) -> impl Iterator<Item = &PlanRow> {
        self.all_rows().filter(move |r| r.parent == Some(id))
    }

    /// The board notes that have a row in some table: the row's `from_note` is the one
    /// record of a promotion, so deleting the row un-marks the note.
    pub fn promoted_notes(&self) -> HashSet<u64> {
        self.all_rows().filter_map(|r| r.from_note).collect()
    }

    pub fn max_id(&self) -> u64 {
        self.all_rows().map(|r| r.id).max().unwrap_or(0)
    }

    /// Deletes row `id` and the rows under it; returns how many rows went.
    pub fn remove(&mut self, id: u64) -> usize {
        let mut removed = 0;
        for table in self.0.values_mut() {
            let before = table.rows.len();
            table.rows.retain(|r| r.id != id && r.parent != Some(id));
            removed += before - table.rows.len();
        }
        removed
    }

    /// Gives row `id`, and the rows under it, to another initiative.
    pub fn set_initiative(&mut self, id: u64, initiative: Option<u64>) {
        for row in self.0.values_mut().flat_map(|t| &mut t.rows) {
            if row.id == id || row.parent == Some(id) {
                row.initiative = initiative;
            }
        }
    }

    /// Puts row `id` under `parent` (of the same initiative as the parent), as that
    /// parent's first row or its last, so it shows where it was moved to.
    pub fn reparent(&mut self, id: u64, parent: u64, first: bool) -> bool {
        let Some(initiative) = self.row(parent).map(|p| p.initiative) else {
            return false;
        };
        let Some((key, from)) = self.locate(id).map(|(k, i)| (k.to_string(), i)) else {
            return false;
        };
        let rows = &mut self.table_mut(&key).rows;
        let mut row = rows.remove(from);
        row.parent = Some(parent);
        row.initiative = initiative;
        let siblings: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.parent == Some(parent))
            .map(|(i, _)| i)
            .collect();
        let at = match (first, siblings.first(), siblings.last()) {
            (true, Some(&i), _) => i,
            (false, _, Some(&i)) => i + 1,
            _ => from.min(rows.len()),
        };
        rows.insert(at, row);
        true
    }

    /// Names typed in the person columns of every table, most used first, for
    /// completion. A cell may hold several names separated by commas.
    pub fn people(&self, template: &Template) -> Vec<String> {
        let cells = template.tables.iter().flat_map(|table| {
            let rows = self.rows(&table.key);
            table
                .columns
                .iter()
                .filter(|c| c.kind == ColumnKind::Person)
                .flat_map(move |c| rows.iter().map(move |r| r.cell(&c.key)))
        });
        names_by_use(cells)
    }
}

/// The names in these cells, most used first; "Ana" and "ana" are one name, written
/// with the capital.
pub(super) fn names_by_use<'a>(cells: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for name in cells.flat_map(|c| c.split(',')).map(str::trim) {
        if name.is_empty() {
            continue;
        }
        let entry = counts
            .entry(name.to_lowercase())
            .or_insert((0, name.to_string()));
        entry.0 += 1;
        if entry.1 == entry.1.to_lowercase() {
            entry.1 = name.to_string();
        }
    }
    let mut names: Vec<(usize, String)> = counts.into_values().collect();
    names.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    names.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two commitments (1, 2) with milestones 11, 12 under 1 and 21 under 2.
    fn tables() -> Tables {
        let mut t = Tables::default();
        t.table_mut("commitments").rows = vec![
            PlanRow::new(1, None, &[("commitment", "Open budget data")]),
            PlanRow::new(2, None, &[("commitment", "Participatory budgeting")]),
        ];
        t.table_mut("milestones").rows = vec![
            PlanRow::new(11, None, &[("milestone", "Pick a licence")]).under(1),
            PlanRow::new(21, None, &[("milestone", "First assembly")]).under(2),
            PlanRow::new(12, None, &[("milestone", "Publish monthly")]).under(1),
        ];
        t
    }

    fn order(t: &Tables, key: &str) -> Vec<u64> {
        t.rows(key).iter().map(|r| r.id).collect()
    }

    #[test]
    fn deleting_a_parent_deletes_the_rows_under_it() {
        let mut t = tables();
        assert_eq!(t.remove(1), 3);
        assert_eq!(order(&t, "commitments"), [2]);
        assert_eq!(order(&t, "milestones"), [21]);
        assert_eq!(t.remove(21), 1, "a child alone");
        assert_eq!(t.remove(99), 0);
    }

    #[test]
    fn moving_a_parent_to_another_initiative_takes_its_rows_along() {
        let mut t = tables();
        t.set_initiative(1, Some(7));
        let initiatives: Vec<Option<u64>> = [1, 11, 12, 2, 21]
            .iter()
            .map(|&id| t.row(id).unwrap().initiative)
            .collect();
        assert_eq!(initiatives, [Some(7), Some(7), Some(7), None, None]);
    }

    #[test]
    fn a_row_moved_to_another_parent_lands_at_the_edge_it_came_from() {
        let mut t = tables();
        t.set_initiative(2, Some(5));
        // Down from commitment 1 to 2: first of 2's rows.
        assert!(t.reparent(12, 2, true));
        assert_eq!(order(&t, "milestones"), [11, 12, 21]);
        assert_eq!(t.row(12).unwrap().parent, Some(2));
        assert_eq!(t.row(12).unwrap().initiative, Some(5), "the parent's");
        // Up from 2 back to 1: last of 1's rows.
        assert!(t.reparent(21, 1, false));
        assert_eq!(order(&t, "milestones"), [11, 21, 12]);
        assert!(!t.reparent(21, 99, false), "no such parent");
    }

    #[test]
    fn ids_and_notes_are_found_across_tables() {
        let mut t = tables();
        t.table_mut("milestones").rows[1].from_note = Some(40);
        assert_eq!(t.locate(21), Some(("milestones", 1)));
        assert_eq!(t.max_id(), 21);
        assert_eq!(t.promoted_notes(), HashSet::from([40]));
        let under_1: Vec<u64> = t.children(1).map(|r| r.id).collect();
        assert_eq!(under_1, [11, 12]);
    }
}
