//! Action-plan table interaction: one table per initiative (or all of them), moved
//! through like a spreadsheet, edited in place, sorted and filtered without touching
//! the stored order, with the plan check's hints one key away.
//!
//! `view` holds what the table shows and where the focus is, `actions` what the keys
//! do to rows and cells, `edit` the cell editor and what its text becomes.

mod actions;
mod edit;
mod moves;
mod view;

pub use view::{Scope, TableUi};

use super::App;
use super::editor::EditTarget;
use crate::domain::check::{self, ByRow};
use crate::domain::session::Session;
use crate::domain::template::{ColumnSpec, Per};
use crate::layout::table::{self as geometry, GridInput, NewRow, Section, Window};

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
    /// A child row to the previous / next parent row.
    ToParent {
        forward: bool,
    },
    CycleStatus,
    /// This meeting's progress note for the focused row.
    Note,
    /// Edit the focused row's date.
    MoveDate,
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
        /// None in a table of the whole session.
        initiative: Option<u64>,
        /// The row it goes next to, and on which side.
        anchor: Option<u64>,
        below: bool,
        /// The parent row, in a child table.
        parent: Option<u64>,
    },
    Filter,
    /// A row's progress note in the meeting being held.
    Note {
        row: u64,
    },
}

/// The columns of the step's table.
fn columns(session: &Session) -> &[ColumnSpec] {
    &session.step_table().columns
}

fn column_index(session: &Session, key: &str) -> Option<usize> {
    columns(session).iter().position(|c| c.key == key)
}

impl App {
    /// What the grid's layout needs, for the rows in `view` with these problems: the
    /// view draws with it, the update step keeps the focus in view with it.
    pub fn grid_input<'a>(
        &'a self,
        view: &'a [usize],
        sections: Option<&'a [Section]>,
        problems: &'a ByRow<'a>,
    ) -> GridInput<'a> {
        let new_row = match self.editor.as_ref().map(|e| &e.target) {
            Some(EditTarget::Table(TableEdit::NewRow {
                anchor,
                below,
                parent,
                ..
            })) => Some(NewRow {
                anchor: *anchor,
                below: *below,
                parent: *parent,
            }),
            _ => None,
        };
        GridInput {
            session: &self.session,
            view,
            sections,
            problems,
            row: self.table.row,
            column: self.table.column,
            window: self.table.window,
            new_row,
            all: self.table.initiative(&self.session).is_none()
                && self.session.step_table().per == Per::Initiative,
        }
    }

    /// The table's window on the terminal as the view will draw it, if the grid shows.
    pub(super) fn table_window(&self) -> Option<Window> {
        if self.table.detail {
            return None;
        }
        let area = crate::layout::projector::table_area(self.activity_area()?, &self.session)?;
        let [_, _, _, body] = geometry::bands(area, self.session.in_review.is_some())?;
        let problems = check::check(&self.session, self.today());
        let problems = ByRow::new(&problems);
        let view = self.table.view(&self.session);
        let sections = self.table.sections(&self.session);
        let input = self.grid_input(&view, sections.as_deref(), &problems);
        Some(geometry::grid(body, &input).window)
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
        let row = &app.session.step_rows().rows[0];
        assert_eq!(row.cell("action"), "Publish the permit form online");
        assert_eq!(row.cell("owner"), "Ana");
        assert_eq!(row.cell("due"), "2026-12-15");
        assert!(app.editor.is_none());
    }
}
