//! The action plan: rows of cells keyed by the template's column keys.

use super::dates;
use super::template::{ColumnKind, ColumnSpec};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The rows of one table, in the order the room wrote them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub rows: Vec<PlanRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Unique in the whole session, whatever the table.
    pub id: u64,
    /// The initiative this row belongs to; none in a table of the whole session. A
    /// child row has its parent's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<u64>,
    /// The row of the parent table this row belongs to (a milestone's commitment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u64>,
    /// Cell text by column key. Date cells hold an ISO date once parsed, or the text
    /// as typed when it could not be read as a date (the plan check flags it).
    #[serde(default)]
    pub cells: BTreeMap<String, String>,
    /// The board note this row was promoted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_note: Option<u64>,
    /// What changed in the columns a review follows, and the progress notes, oldest
    /// first (see `review`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::review::Change>,
}

impl PlanRow {
    /// A row with these cells (empty values are left out, as `set` does).
    pub fn new(id: u64, initiative: impl Into<Option<u64>>, cells: &[(&str, &str)]) -> PlanRow {
        let mut row = PlanRow {
            id,
            initiative: initiative.into(),
            parent: None,
            cells: BTreeMap::new(),
            from_note: None,
            history: Vec::new(),
        };
        for (key, value) in cells {
            row.set(key, value.to_string());
        }
        row
    }

    /// The same row under `parent`.
    pub fn under(mut self, parent: u64) -> PlanRow {
        self.parent = Some(parent);
        self
    }

    pub fn cell(&self, key: &str) -> &str {
        self.cells.get(key).map(String::as_str).unwrap_or("")
    }

    /// Sets a cell; an empty value removes it so the file stays small and readable.
    pub fn set(&mut self, key: &str, value: String) {
        if value.is_empty() {
            self.cells.remove(key);
        } else {
            self.cells.insert(key.to_string(), value);
        }
    }
}

impl Plan {
    pub fn rows_of(&self, initiative: u64) -> impl Iterator<Item = &PlanRow> {
        self.rows
            .iter()
            .filter(move |r| r.initiative == Some(initiative))
    }
}

/// Column indices in the order the table shows them and moves through them: the
/// table step's `focus` columns first (by key; unknown keys are ignored), then the
/// others in template order.
pub fn column_order(columns: &[ColumnSpec], focus: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(columns.len());
    let keyed = focus
        .iter()
        .filter_map(|key| columns.iter().position(|c| &c.key == key));
    for k in keyed.chain(0..columns.len()) {
        if !order.contains(&k) {
            order.push(k);
        }
    }
    order
}

/// Which column plays which part in a table, found from the template's columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles {
    /// The first column when it holds text, in a table that says who or when: what
    /// will be done. (A table of key terms or resources has no action to check.)
    pub action: Option<usize>,
    /// The first person column: who answers for it.
    pub owner: Option<usize>,
    /// The first date column: by when.
    pub due: Option<usize>,
    /// The status column: the one keyed or titled "status", else the last status column.
    pub status: Option<usize>,
    /// The measure of success: keyed "kpi" or titled with KPI, evidence or measure.
    pub kpi: Option<usize>,
}

impl Roles {
    pub fn of(columns: &[ColumnSpec]) -> Roles {
        let find = |pred: &dyn Fn(&ColumnSpec) -> bool| columns.iter().position(pred);
        let statuses: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.kind, ColumnKind::Status(_)))
            .map(|(i, _)| i)
            .collect();
        let status = statuses
            .iter()
            .copied()
            .find(|&i| {
                columns[i].key == "status" || columns[i].title.to_lowercase().contains("status")
            })
            .or(statuses.last().copied());
        let owner = find(&|c| c.kind == ColumnKind::Person);
        let due = find(&|c| c.kind == ColumnKind::Date);
        Roles {
            action: columns
                .first()
                .filter(|c| matches!(c.kind, ColumnKind::Text | ColumnKind::LongText))
                .filter(|_| owner.is_some() || due.is_some())
                .map(|_| 0),
            owner,
            due,
            status,
            kpi: columns.iter().enumerate().skip(1).find_map(|(i, c)| {
                let title = c.title.to_lowercase();
                (c.key == "kpi"
                    || title.contains("kpi")
                    || title.contains("evidence")
                    || title.contains("measure"))
                .then_some(i)
            }),
        }
    }
}

/// How a status value reads, whatever words the template uses ("Done", "Met"...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusTone {
    /// Not begun yet (and the default of an empty cell).
    Todo,
    Active,
    Done,
    /// Blocked, not met, cancelled: needs attention.
    Stuck,
}

impl StatusTone {
    pub fn of(value: &str) -> StatusTone {
        let v = value.trim().to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| v.contains(w));
        if has(&[
            "block", "not met", "cancel", "stuck", "late", "risk", "fail",
        ]) {
            StatusTone::Stuck
        } else if v.starts_with("not ") || v.is_empty() || has(&["to do", "todo", "planned"]) {
            StatusTone::Todo
        } else if has(&["done", "complete", "finish", "achieved"]) || v == "met" {
            StatusTone::Done
        } else if has(&["progress", "partial", "started", "ongoing", "doing"]) {
            StatusTone::Active
        } else {
            StatusTone::Todo
        }
    }

    /// A symbol beside the label, so the status reads without colour too.
    pub fn symbol(self) -> &'static str {
        match self {
            StatusTone::Todo => "○",
            StatusTone::Active => "◐",
            StatusTone::Done => "✓",
            StatusTone::Stuck => "✗",
        }
    }
}

/// A status cell's value as shown: an empty cell has the column's default.
pub fn status_value<'a>(cell: &'a str, column: &'a ColumnSpec) -> &'a str {
    if cell.is_empty() {
        column.default_status()
    } else {
        cell
    }
}

/// The value after (or, `back`, before) `current` in the column's list, wrapping around.
pub fn cycle_status(current: &str, column: &ColumnSpec, back: bool) -> String {
    let values = column.statuses();
    let current = status_value(current, column);
    let n = values.len();
    if n == 0 {
        return String::new();
    }
    let i = values.iter().position(|v| v.eq_ignore_ascii_case(current));
    let next = match (i, back) {
        (None, false) => 0,
        (None, true) => n - 1,
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
    };
    values[next].clone()
}

/// The status value a typed word stands for: exact, else the only one it begins.
pub fn match_status<'a>(typed: &str, values: &'a [String]) -> Option<&'a str> {
    let t = typed.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some(v) = values.iter().find(|v| v.to_lowercase() == t) {
        return Some(v);
    }
    let starts: Vec<&String> = values
        .iter()
        .filter(|v| v.to_lowercase().starts_with(&t))
        .collect();
    match starts.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    }
}

/// Orders of the table view; the stored order never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Owner,
    Date,
    Status,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Owner => "owner",
            SortKey::Date => "date",
            SortKey::Status => "status",
        }
    }

    /// Stored order, then owner, date, status, and back.
    pub fn cycle(current: Option<SortKey>) -> Option<SortKey> {
        match current {
            None => Some(SortKey::Owner),
            Some(SortKey::Owner) => Some(SortKey::Date),
            Some(SortKey::Date) => Some(SortKey::Status),
            Some(SortKey::Status) => None,
        }
    }
}

/// Which rows the table view shows; the stored rows are untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Owner cell names someone whose name (or a word of it) starts with this
    /// (lower case): "ana" is Ana Lopez, not Dana.
    Owner(String),
    NoOwner,
    Status(String),
    /// Due on or before this date.
    DueBy(NaiveDate),
    /// Due before this date (today when the filter was set).
    Overdue(NaiveDate),
    NoDate,
    /// Any cell contains this (lower case).
    Text(String),
}

impl Filter {
    /// For the line above the table: "owner named "ana"".
    pub fn describe(&self) -> String {
        match self {
            Filter::Owner(s) => format!("owner named {s:?}"),
            Filter::NoOwner => "no owner".into(),
            Filter::Status(s) => format!("status is {s}"),
            Filter::DueBy(d) => format!("due by {}", dates::long(*d)),
            Filter::Overdue(d) => format!("overdue (due before {})", dates::long(*d)),
            Filter::NoDate => "no date".into(),
            Filter::Text(s) => format!("any cell contains {s:?}"),
        }
    }

    /// Reads what the facilitator typed: `overdue`, `no owner`, `no date`, a status
    /// value, `by <date>` or a date, `owner:<name>`, `status:<value>`, else a name or
    /// any text. Empty clears the filter.
    pub fn parse(
        typed: &str,
        plan: &Plan,
        columns: &[ColumnSpec],
        today: NaiveDate,
    ) -> Result<Option<Filter>, String> {
        let t = super::text::sanitize_line(typed).trim().to_lowercase();
        let roles = Roles::of(columns);
        let statuses = roles.status.map_or(&[][..], |i| columns[i].statuses());
        if t.is_empty() {
            return Ok(None);
        }
        if let Some(name) = t.strip_prefix("owner:").or_else(|| t.strip_prefix("who:")) {
            let name = name.trim();
            return Ok(Some(if name.is_empty() {
                Filter::NoOwner
            } else {
                Filter::Owner(name.to_string())
            }));
        }
        if let Some(value) = t.strip_prefix("status:") {
            return match_status(value, statuses)
                .map(|v| Some(Filter::Status(v.to_string())))
                .ok_or_else(|| format!("status is one of: {}", statuses.join(", ")));
        }
        match t.as_str() {
            "overdue" | "late" | "past" => return Ok(Some(Filter::Overdue(today))),
            "no owner" | "nobody" | "unassigned" | "owner:" => return Ok(Some(Filter::NoOwner)),
            "no date" | "undated" => return Ok(Some(Filter::NoDate)),
            _ => {}
        }
        if let Some(v) = match_status(&t, statuses) {
            return Ok(Some(Filter::Status(v.to_string())));
        }
        let date_text = t
            .strip_prefix("due:")
            .or_else(|| t.strip_prefix("date:"))
            .or_else(|| t.strip_prefix("due "))
            .or_else(|| t.strip_prefix("by "))
            .or_else(|| t.strip_prefix("before "));
        if let Some(date_text) = date_text {
            return dates::parse_date(date_text, today)
                .map(|d| Some(Filter::DueBy(d)))
                .map_err(|e| format!("filter date: {e}"));
        }
        // A name the room typed before a bare date: "sat" may be Satya, "fri" Frida.
        let names_match = roles
            .owner
            .is_some_and(|o| plan.rows.iter().any(|r| names(r.cell(&columns[o].key), &t)));
        if names_match {
            return Ok(Some(Filter::Owner(t)));
        }
        if let Ok(d) = dates::parse_date(&t, today) {
            return Ok(Some(Filter::DueBy(d)));
        }
        Ok(Some(Filter::Text(t)))
    }

    pub fn keeps(&self, row: &PlanRow, columns: &[ColumnSpec], roles: &Roles) -> bool {
        let cell = |i: Option<usize>| i.map(|i| row.cell(&columns[i].key)).unwrap_or("");
        let due = || dates::stored(cell(roles.due));
        match self {
            Filter::Owner(s) => names(cell(roles.owner), s),
            Filter::NoOwner => cell(roles.owner).trim().is_empty(),
            Filter::Status(s) => roles.status.is_some_and(|i| {
                status_value(row.cell(&columns[i].key), &columns[i]).eq_ignore_ascii_case(s)
            }),
            Filter::DueBy(d) => due().is_some_and(|due| due <= *d),
            Filter::Overdue(d) => {
                let done = roles.status.is_some_and(|i| {
                    StatusTone::of(status_value(row.cell(&columns[i].key), &columns[i]))
                        == StatusTone::Done
                });
                !done && due().is_some_and(|due| due < *d)
            }
            Filter::NoDate => cell(roles.due).trim().is_empty(),
            Filter::Text(s) => row
                .cells
                .values()
                .any(|v| v.to_lowercase().contains(s.as_str())),
        }
    }
}

/// Whether a person cell names someone `typed` (lower case) stands for: a name, or a
/// word of a name, starting with it ("ana" is "Ana Lopez" and "Lopez, Ana", not "Dana";
/// "ana l" is "Ana Lopez"). Several names are separated by commas.
fn names(cell: &str, typed: &str) -> bool {
    let typed = typed.trim();
    !typed.is_empty()
        && cell.to_lowercase().split(',').any(|name| {
            let name = name.trim();
            name.starts_with(typed) || name.split_whitespace().any(|w| w.starts_with(typed))
        })
}

impl Plan {
    pub fn position(&self, id: u64) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    pub fn row(&self, id: u64) -> Option<&PlanRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn row_mut(&mut self, id: u64) -> Option<&mut PlanRow> {
        self.rows.iter_mut().find(|r| r.id == id)
    }

    /// Inserts a row just above or below the row `anchor`, or at the end without one.
    pub fn insert_near(&mut self, anchor: Option<u64>, below: bool, row: PlanRow) {
        let at = anchor
            .and_then(|id| self.position(id))
            .map(|i| if below { i + 1 } else { i })
            .unwrap_or(self.rows.len());
        self.rows.insert(at, row);
    }

    /// Copies row `id` just below it under the id `new_id`; the copy comes from no note.
    pub fn duplicate(&mut self, id: u64, new_id: u64) -> Option<u64> {
        let i = self.position(id)?;
        let mut copy = self.rows[i].clone();
        copy.id = new_id;
        copy.from_note = None;
        // A copy is a new action: the original's history stays with the original.
        copy.history.clear();
        self.rows.insert(i + 1, copy);
        Some(new_id)
    }

    pub fn remove(&mut self, id: u64) -> Option<PlanRow> {
        let i = self.position(id)?;
        Some(self.rows.remove(i))
    }

    /// Swaps the stored places of two rows (moving a row past its neighbour in a view).
    pub fn swap(&mut self, a: u64, b: u64) -> bool {
        match (self.position(a), self.position(b)) {
            (Some(i), Some(j)) if i != j => {
                self.rows.swap(i, j);
                true
            }
            _ => false,
        }
    }

    /// Names typed in this table's person columns, most used first, for completion.
    pub fn people(&self, columns: &[ColumnSpec]) -> Vec<String> {
        let cells = columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Person)
            .flat_map(|c| self.rows.iter().map(move |r| r.cell(&c.key)));
        super::tables::names_by_use(cells)
    }

    /// A child table's rows as its view shows them, under their parents: each of
    /// `parents` in order with the rows of `view` (indices, in the view's order) whose
    /// parent it is (a parent with none is kept: rows can be added under it), then,
    /// under `None`, the rows whose parent is not among them.
    pub fn under_parents(&self, view: &[usize], parents: &[u64]) -> Vec<(Option<u64>, Vec<usize>)> {
        let mut groups: Vec<(Option<u64>, Vec<usize>)> =
            parents.iter().map(|&p| (Some(p), Vec::new())).collect();
        let mut lost = Vec::new();
        for &i in view {
            let parent = self.rows[i].parent;
            match groups
                .iter_mut()
                .find(|(p, _)| parent.is_some() && *p == parent)
            {
                Some((_, rows)) => rows.push(i),
                None => lost.push(i),
            }
        }
        if !lost.is_empty() {
            groups.push((None, lost));
        }
        groups
    }

    /// The indices of the rows a table view shows, in the order it shows them:
    /// rows of `initiative` (every row when `None`), kept by `filter`, ordered by
    /// `sort` (ties keep the stored order).
    pub fn view(
        &self,
        columns: &[ColumnSpec],
        initiative: Option<u64>,
        sort: Option<SortKey>,
        filter: Option<&Filter>,
    ) -> Vec<usize> {
        let roles = Roles::of(columns);
        let mut rows: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| initiative.is_none_or(|i| r.initiative == Some(i)))
            .filter(|(_, r)| filter.is_none_or(|f| f.keeps(r, columns, &roles)))
            .map(|(i, _)| i)
            .collect();
        let cell = |i: usize, col: Option<usize>| -> &str {
            col.map(|c| self.rows[i].cell(&columns[c].key))
                .unwrap_or("")
        };
        match sort {
            None => {}
            Some(SortKey::Owner) => rows.sort_by_cached_key(|&i| {
                let owner = cell(i, roles.owner).trim().to_lowercase();
                (owner.is_empty(), owner)
            }),
            Some(SortKey::Date) => rows.sort_by_cached_key(|&i| {
                let text = cell(i, roles.due).trim();
                match dates::stored(text) {
                    Some(d) => (0, Some(d), String::new()),
                    None if text.is_empty() => (2, None, String::new()),
                    None => (1, None, text.to_lowercase()),
                }
            }),
            Some(SortKey::Status) => {
                if let Some(column) = roles.status.map(|i| &columns[i]) {
                    let values = column.statuses();
                    rows.sort_by_cached_key(|&i| {
                        let v = status_value(self.rows[i].cell(&column.key), column);
                        values
                            .iter()
                            .position(|x| x.eq_ignore_ascii_case(v))
                            .unwrap_or(values.len())
                    });
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;

    fn columns() -> Vec<ColumnSpec> {
        Template::default_template().plan().columns.clone()
    }

    fn row(id: u64, initiative: u64, cells: &[(&str, &str)]) -> PlanRow {
        PlanRow::new(id, initiative, cells)
    }

    fn plan() -> Plan {
        Plan {
            rows: vec![
                row(
                    1,
                    10,
                    &[("owner", "Ben"), ("due", "2026-12-20"), ("status", "Done")],
                ),
                row(2, 10, &[("owner", "ana"), ("due", "2026-11-01")]),
                row(3, 20, &[("due", "soon"), ("status", "Blocked")]),
                row(4, 10, &[("owner", "Ana, Chen"), ("status", "In progress")]),
            ],
        }
    }

    fn ids(plan: &Plan, view: &[usize]) -> Vec<u64> {
        view.iter().map(|&i| plan.rows[i].id).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn focus_columns_come_first_then_the_rest_in_template_order() {
        let columns = columns();
        let keys = |order: Vec<usize>| -> Vec<String> {
            order.iter().map(|&k| columns[k].key.clone()).collect()
        };
        let all: Vec<String> = columns.iter().map(|c| c.key.clone()).collect();
        assert_eq!(keys(column_order(&columns, &[])), all);
        let focus = ["owner".to_string(), "nope".to_string(), "due".to_string()];
        let order = keys(column_order(&columns, &focus));
        assert_eq!(order[..3], ["owner", "due", "action"]);
        assert_eq!(order.len(), columns.len(), "every column once");
    }

    #[test]
    fn roles_come_from_the_template_columns() {
        let roles = Roles::of(&columns());
        assert_eq!(
            (
                roles.action,
                roles.owner,
                roles.due,
                roles.kpi,
                roles.status
            ),
            (Some(0), Some(1), Some(3), Some(7), Some(8))
        );
        let p4s = Template::built_in("planning-for-success")
            .unwrap()
            .plan()
            .columns
            .clone();
        let roles = Roles::of(&p4s);
        assert_eq!(
            p4s[roles.status.unwrap()].key,
            "status",
            "not the Type column"
        );
    }

    #[test]
    fn sorting_and_filtering_leave_the_stored_order_alone() {
        let p = plan();
        let c = columns();
        assert_eq!(ids(&p, &p.view(&c, Some(10), None, None)), [1, 2, 4]);
        assert_eq!(
            ids(&p, &p.view(&c, None, Some(SortKey::Owner), None)),
            [2, 4, 1, 3]
        );
        assert_eq!(
            ids(&p, &p.view(&c, None, Some(SortKey::Date), None)),
            [2, 1, 3, 4]
        );
        assert_eq!(
            ids(&p, &p.view(&c, None, Some(SortKey::Status), None)),
            [2, 4, 1, 3]
        );
        let ana = Filter::parse("ana", &p, &c, today()).unwrap();
        assert_eq!(ana, Some(Filter::Owner("ana".into())));
        assert_eq!(ids(&p, &p.view(&c, None, None, ana.as_ref())), [2, 4]);
        let overdue = Filter::parse("overdue", &p, &c, today()).unwrap();
        assert_eq!(ids(&p, &p.view(&c, None, None, overdue.as_ref())), [2]);
        let in_january = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        let overdue = Filter::parse("overdue", &p, &c, in_january).unwrap();
        assert_eq!(
            ids(&p, &p.view(&c, None, None, overdue.as_ref())),
            [2],
            "a row done is not overdue, whatever its date"
        );
        let todo = Filter::parse("not", &p, &c, today()).unwrap();
        assert_eq!(todo, Some(Filter::Status("Not started".into())));
        assert_eq!(
            ids(&p, &p.view(&c, None, None, todo.as_ref())),
            [2],
            "empty is the default"
        );
        let by = Filter::parse("by dec 31", &p, &c, today()).unwrap();
        assert_eq!(ids(&p, &p.view(&c, None, None, by.as_ref())), [1, 2]);
        assert_eq!(Filter::parse(" ", &p, &c, today()), Ok(None));
        assert!(Filter::parse("status:zzz", &p, &c, today()).is_err());
        assert_eq!(
            ids(
                &p,
                &p.rows
                    .iter()
                    .enumerate()
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            ),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn child_rows_gather_under_their_parents_in_the_parents_order() {
        let child = |id, parent| PlanRow::new(id, 10, &[]).under(parent);
        let p = Plan {
            rows: vec![child(11, 1), child(21, 2), child(12, 1), child(99, 9)],
        };
        let all: Vec<usize> = (0..4).collect();
        assert_eq!(
            p.under_parents(&all, &[2, 1, 3]),
            [
                (Some(2), vec![1]),
                (Some(1), vec![0, 2]),
                (Some(3), vec![]),
                (None, vec![3])
            ]
        );
        // A filtered, sorted view keeps its order inside each parent.
        assert_eq!(p.under_parents(&[2, 0], &[1]), [(Some(1), vec![2, 0])]);
    }

    #[test]
    fn row_operations() {
        let mut p = plan();
        p.insert_near(Some(1), true, row(5, 10, &[]));
        p.insert_near(Some(1), false, row(6, 10, &[]));
        p.duplicate(4, 7);
        assert_eq!(
            p.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            [6, 1, 5, 2, 3, 4, 7]
        );
        assert_eq!(p.row(7).unwrap().cells, p.row(4).unwrap().cells);
        assert!(p.swap(6, 1));
        assert_eq!(p.remove(5).map(|r| r.id), Some(5));
        assert_eq!(
            p.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            [1, 6, 2, 3, 4, 7]
        );
        assert_eq!(p.people(&columns()), ["Ana", "Chen", "Ben"]);
    }

    #[test]
    fn statuses_cycle_and_read_in_any_template_words() {
        let column = &columns()[8];
        let values = column.statuses();
        assert_eq!(cycle_status("", column, false), "In progress");
        assert_eq!(cycle_status("Blocked", column, false), "Not started");
        assert_eq!(cycle_status("Not started", column, true), "Blocked");
        assert_eq!(match_status("do", values), Some("Done"));
        assert_eq!(match_status("n", values), Some("Not started"));
        assert_eq!(StatusTone::of("Not met"), StatusTone::Stuck);
        assert_eq!(StatusTone::of("Met"), StatusTone::Done);
        assert_eq!(StatusTone::of("Partially met"), StatusTone::Active);
        assert_eq!(StatusTone::of("Not started"), StatusTone::Todo);
    }
}
