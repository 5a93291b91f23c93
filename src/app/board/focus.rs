//! The focus on the board as it is laid out on screen: where the arrows, Tab and a
//! click go, and what the view draws with.

use super::{BoardAction, Dir};
use crate::app::App;
use crate::app::editor::EditTarget;
use crate::layout::board::{self as geometry, BoardLayout, Focus};

impl App {
    /// What the board's layout needs of its view state: the view draws with it, and
    /// the update step moves the focus and hit-tests clicks with it.
    pub fn board_focus(&self) -> Focus<'_> {
        let adding = self
            .editor
            .as_ref()
            .is_some_and(|e| matches!(&e.target, EditTarget::Board(edit) if edit.is_new()));
        Focus {
            pane: self.board.pane,
            note: (!adding).then_some(self.board.note),
            scroll: &self.board.scroll,
            compact: self.board.compact,
        }
    }

    /// The board laid out on the terminal, exactly as the view draws it.
    pub(in crate::app) fn board_layout(&self) -> Option<BoardLayout> {
        let area = geometry_area(self)?;
        Some(geometry::layout(
            area,
            self.current_board()?,
            self.board_focus(),
        ))
    }

    /// The first note wholly in view in a pane as it is scrolled now: where Tab lands,
    /// so the pane does not jump (the note index of the pane left behind meant nothing
    /// here and scrolled it).
    pub(super) fn first_note_in_view(&self, pane: usize) -> usize {
        let scroll = self.board.scroll.get(pane).copied().unwrap_or(0);
        self.board_layout()
            .and_then(|l| l.pane(pane)?.first_in_view(scroll))
            .unwrap_or(0)
    }

    /// Arrow keys: across the grid of cards, into the neighbouring pane at the edges.
    pub(super) fn move_focus(&mut self, dir: Dir) {
        let (p, i) = (self.board.pane, self.board.note);
        let panes = self.current_board().map_or(0, |b| b.panes.len());
        let Some(layout) = self.board_layout() else {
            // No room to lay the board out: plain order.
            self.board.note = match dir {
                Dir::Up | Dir::Left => i.saturating_sub(1),
                Dir::Down | Dir::Right => i + 1,
            };
            return;
        };
        let Some(pl) = layout.pane(p) else { return };
        let cur = pl.cards.get(i).copied();
        let within = cur.and_then(|c| match dir {
            Dir::Left => (c.col > 0).then(|| i - 1),
            Dir::Right => pl
                .cards
                .get(i + 1)
                .filter(|s| s.row == c.row)
                .map(|_| i + 1),
            Dir::Up => c.row.checked_sub(1).and_then(|r| pl.nearest(r, c.col)),
            Dir::Down => pl.nearest(c.row + 1, c.col),
        });
        if let Some(n) = within {
            self.board.note = n;
            return;
        }
        let row = cur.map_or(0, |c| c.row);
        let col = cur.map_or(0, |c| c.col);
        let cols = layout.pane_cols;
        let target = match dir {
            Dir::Left => p.checked_sub(1),
            Dir::Right => Some(p + 1),
            Dir::Up => p.checked_sub(cols),
            Dir::Down => Some(p + cols),
        }
        .filter(|&t| t < panes);
        let Some(target) = target else { return };
        self.board.pane = target;
        self.board.note = 0;
        let Some(tl) = self.board_layout().and_then(|l| l.pane(target).cloned()) else {
            return;
        };
        let last_row = tl.cards.last().map_or(0, |s| s.row);
        self.board.note = match dir {
            Dir::Left => tl.last_in_row(row.min(last_row)),
            Dir::Right => tl.nearest(row.min(last_row), 0),
            Dir::Up => tl.nearest(last_row, col),
            Dir::Down => tl.nearest(0, col),
        }
        .unwrap_or(0);
    }

    /// A click selects the card under it; a click on the focused card edits it.
    pub(in crate::app) fn board_click(&mut self, column: u16, row: u16) {
        let Some(layout) = self.board_layout() else {
            return;
        };
        let Some((pane, note)) = layout.hit(column, row) else {
            return;
        };
        match note {
            Some(n) if (pane, n) == (self.board.pane, self.board.note) => {
                self.board_action(BoardAction::Edit);
            }
            Some(n) => (self.board.pane, self.board.note) = (pane, n),
            None => self.board.pane = pane,
        }
    }
}

/// Where the current step's board is on the terminal, if it shows.
fn geometry_area(app: &App) -> Option<ratatui::layout::Rect> {
    crate::layout::projector::board_area(app.activity_area()?, &app.session)
}
