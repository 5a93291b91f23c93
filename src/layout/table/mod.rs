//! The action-plan table's geometry: its bands (the line of tables, the plan check's
//! summary, a review's progress, the grid), and in the grid which rows and columns show, where,
//! and how tall the focused row opens. The window (first row, first scrolled column)
//! only moves when the focus would leave it; the update step keeps it, the view
//! draws what this says.

mod columns;

use crate::domain::check::ByRow;
use crate::domain::session::Session;
use crate::domain::template::ColumnKind;
use crate::domain::text::{sanitize, sanitize_line};
use crate::layout::text::wrap_lines;
use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

/// The table's bands (the tables, the plan check, in a review the progress line, the
/// grid), or `None` when the area is too small to show a table.
pub fn bands(area: Rect, review: bool) -> Option<[Rect; 4]> {
    let progress = u16::from(review && area.height >= 6);
    if area.height < 3 || area.width < 10 {
        return None;
    }
    Some(
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(progress),
            Constraint::Min(1),
        ])
        .areas(area),
    )
}

/// The first row and the first scrolled column shown: what the update step keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub top: usize,
    pub left: usize,
}

/// One row slot of the grid: a stored row (its index in the table), the row being
/// written, or, in a child table, the heading line of a parent row (its id; `None`
/// heads rows whose parent is gone). Headings never take the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Row(usize),
    New,
    Heading(Option<u64>),
}

/// A child table's rows under one parent row, as the view gathers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub parent: Option<u64>,
    /// Indices into the table's rows, in the view's order.
    pub rows: Vec<usize>,
}

/// Where the row being written goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewRow {
    /// The row it goes next to, and on which side; else at the end (of its parent's
    /// rows in a child table).
    pub anchor: Option<u64>,
    pub below: bool,
    pub parent: Option<u64>,
}

/// What the grid's layout depends on.
pub struct GridInput<'a> {
    pub session: &'a Session,
    /// Indices into the table's rows, in the order the table shows them.
    pub view: &'a [usize],
    /// A child table's view, gathered under its parents (the same rows as `view`).
    pub sections: Option<&'a [Section]>,
    pub problems: &'a ByRow<'a>,
    /// The focused row (in the view) and column (a template column).
    pub row: usize,
    pub column: usize,
    pub window: Window,
    /// A row being written.
    pub new_row: Option<NewRow>,
    /// Every initiative's rows, with an Initiative column.
    pub all: bool,
}

/// A column on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The template column.
    pub index: usize,
    pub x: u16,
    pub width: u16,
}

/// A row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Its place among the slots.
    pub at: usize,
    pub slot: Slot,
    pub y: u16,
    pub height: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub area: Rect,
    /// The rows in order, the row being written among them.
    pub slots: Vec<Slot>,
    /// The focused slot.
    pub focus: usize,
    /// The marker column's width (focus ▶, hint ▲, row number) and the number's digits.
    pub marker: u16,
    pub digits: usize,
    /// The Initiative column's width, 0 when it does not show.
    pub initiative: u16,
    pub columns: Vec<Column>,
    /// Columns hidden on the left (past the frozen first one) and on the right.
    pub more_left: bool,
    pub more_right: bool,
    pub rows: Vec<Row>,
    pub window: Window,
}

impl Grid {
    pub fn column(&self, index: usize) -> Option<&Column> {
        self.columns.iter().find(|c| c.index == index)
    }

    pub fn row(&self, slot: Slot) -> Option<&Row> {
        self.rows.iter().find(|r| r.slot == slot)
    }
}

/// Lays the grid out in `area` (below the bands above it).
pub fn grid(area: Rect, input: &GridInput) -> Grid {
    let session = input.session;
    let mut slots: Vec<Slot> = match input.sections {
        Some(sections) => sections
            .iter()
            .flat_map(|s| {
                std::iter::once(Slot::Heading(s.parent)).chain(s.rows.iter().map(|&i| Slot::Row(i)))
            })
            .collect(),
        None => input.view.iter().map(|&i| Slot::Row(i)).collect(),
    };
    // The focus is a row of the view; headings between rows do not count.
    let rows_at: Vec<usize> = (0..slots.len())
        .filter(|&s| matches!(slots[s], Slot::Row(_)))
        .collect();
    let mut focus = rows_at
        .get(input.row.min(rows_at.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0);
    if let Some(new) = input.new_row {
        let rows = &session.step_rows().rows;
        let slot_of = |id: u64| {
            slots
                .iter()
                .position(|s| matches!(s, Slot::Row(i) if rows[*i].id == id))
        };
        let at = match new.anchor.and_then(slot_of) {
            Some(p) if new.below => p + 1,
            Some(p) => p,
            None => {
                // The end of its parent's rows, else of the table.
                let heading = slots.iter().position(|s| *s == Slot::Heading(new.parent));
                match heading.filter(|_| new.parent.is_some()) {
                    Some(h) => (h + 1..slots.len())
                        .find(|&s| matches!(slots[s], Slot::Heading(_)))
                        .unwrap_or(slots.len()),
                    None => slots.len(),
                }
            }
        };
        slots.insert(at, Slot::New);
        focus = at;
    }
    let digits = rows_at.len().max(1).to_string().len().max(2);
    let marker = 3 + digits;
    let mut grid = Grid {
        area,
        slots,
        focus,
        marker: marker as u16,
        digits,
        initiative: 0,
        columns: Vec::new(),
        more_left: false,
        more_right: false,
        rows: Vec::new(),
        window: input.window,
    };
    let plan_columns = &session.step_table().columns;
    if area.height < 2 || grid.slots.is_empty() || plan_columns.is_empty() {
        return grid;
    }

    let initiative = if input.all {
        session
            .initiatives
            .iter()
            .map(|i| sanitize_line(&i.name).width())
            .max()
            .unwrap_or(6)
            .clamp(6, 16)
    } else {
        0
    };
    let fixed = marker + if input.all { initiative + 1 } else { 0 };
    let room = usize::from(area.width).saturating_sub(fixed);
    let order = session.column_order();
    let shown = columns::layout_columns(input, room, &order, input.window.left);
    let mut x = area.x.saturating_add(fixed as u16);
    for &(index, width) in &shown.columns {
        grid.columns.push(Column {
            index,
            x,
            width: width as u16,
        });
        x = x.saturating_add(width as u16 + 1);
    }
    grid.initiative = initiative as u16;
    grid.more_left = shown.more_left;
    grid.more_right = shown.more_right;

    // Rows: the focused one opens up to show its cells in full (a few lines).
    let body_height = usize::from(area.height - 1);
    let max_lines = if area.height >= 20 { 5 } else { 3 }.min(body_height);
    let focus_height = match grid.slots.get(focus) {
        Some(Slot::Row(i)) => {
            let row = &session.step_rows().rows[*i];
            shown
                .columns
                .iter()
                .map(|&(k, w)| {
                    let spec = &plan_columns[k];
                    match spec.kind {
                        ColumnKind::Text | ColumnKind::LongText => {
                            let flagged = input.problems.cell(row.id, &spec.key).is_some();
                            let extra = usize::from(flagged) * 2;
                            wrap_lines(
                                &sanitize(row.cell(&spec.key)),
                                w.saturating_sub(extra).max(1),
                                max_lines,
                            )
                            .len()
                        }
                        _ => 1,
                    }
                })
                .max()
                .unwrap_or(1)
                .clamp(1, max_lines)
        }
        _ => 1,
    };
    // Every row is one line but the focused one: the first row shown moves only as
    // far as it takes to show the focus, and back when rows below it went away.
    let n = grid.slots.len();
    let mut top = input.window.top.min(focus);
    top = top.max(
        (focus + focus_height)
            .saturating_sub(body_height)
            .min(focus),
    );
    if n + focus_height <= body_height + top {
        top = (n + focus_height).saturating_sub(body_height + 1).min(top);
    }
    grid.window = Window {
        top,
        left: shown.left,
    };

    let height_of = |s: usize| if s == focus { focus_height } else { 1 };
    let bottom = usize::from(area.bottom());
    let mut y = usize::from(area.y) + 1;
    for (at, slot) in grid.slots.iter().enumerate().skip(top) {
        if y >= bottom {
            break;
        }
        let height = height_of(at).min(bottom - y);
        grid.rows.push(Row {
            at,
            slot: *slot,
            y: y as u16,
            height: height as u16,
        });
        y += height;
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check;
    use crate::domain::plan::PlanRow;
    use crate::domain::template::Template;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn session(rows: usize) -> Session {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let mut s = Session::new(Template::default_template(), "Test", now);
        let initiative = s.add_initiative("Permits", "");
        s.timing.current = 3;
        for i in 0..rows {
            let id = s.new_id();
            let text = format!("Action {i}");
            s.step_rows_mut().rows.push(PlanRow::new(
                id,
                initiative,
                &[("action", &text), ("owner", "Ana"), ("due", "2026-12-01")],
            ));
        }
        s
    }

    fn lay(s: &Session, area: Rect, row: usize, column: usize, window: Window) -> Grid {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let problems = check::check(s, today);
        let problems = ByRow::new(&problems);
        let view: Vec<usize> = (0..s.step_rows().rows.len()).collect();
        grid(
            area,
            &GridInput {
                session: s,
                view: &view,
                sections: None,
                problems: &problems,
                row,
                column,
                window,
                new_row: None,
                all: false,
            },
        )
    }

    #[test]
    fn the_focused_row_is_kept_in_view_and_the_window_moves_no_more_than_needed() {
        let s = session(100);
        let area = Rect::new(0, 0, 120, 11);
        let g = lay(&s, area, 50, 0, Window::default());
        assert!(g.rows.iter().any(|r| r.at == 50), "the focus shows");
        assert_eq!(g.rows.last().unwrap().at, 50, "at the bottom edge");
        // One row up: the window stays.
        let up = lay(&s, area, 49, 0, g.window);
        assert_eq!(up.window.top, g.window.top);
        // To the first row: the window follows.
        assert_eq!(lay(&s, area, 0, 0, g.window).window.top, 0);
        // After rows went away, the window pulls back so it stays full.
        let fewer = session(12);
        let pulled = lay(&fewer, area, 11, 0, Window { top: 11, left: 1 });
        assert_eq!(pulled.rows.len(), 10, "every body line is used");
    }

    #[test]
    fn the_focused_column_always_shows_and_columns_scroll_towards_it() {
        let s = session(3);
        let narrow = Rect::new(0, 0, 60, 10);
        let last = s.step_table().columns.len() - 1;
        let g = lay(&s, narrow, 0, last, Window::default());
        assert!(g.column(last).is_some(), "the last column shows");
        assert!(g.column(0).is_some(), "the action step stays on the left");
        assert!(g.more_left && !g.more_right);
        assert!(g.columns.iter().all(|c| c.x + c.width <= narrow.right()));
        let back = lay(&s, narrow, 0, 1, g.window);
        assert!(back.column(1).is_some() && back.window.left <= 1);
    }
}
