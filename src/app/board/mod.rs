//! Board interaction: focus, notes added in rapid succession and edited in place,
//! moved, coloured, clustered, dot-voted and promoted to the action plan.
//!
//! Here the board's view state and what its keys mean; `focus` moves the focus on
//! the laid-out board (arrows, Tab, clicks), `actions` changes notes and panes,
//! `edit` is what a note's, or a cluster heading's, typed text becomes.

mod actions;
mod edit;
mod focus;

use super::App;
use crate::domain::board::{Board, Note};
use crate::domain::session::Session;
use crate::domain::text::{sanitize_line, shorten};

/// Which pane and note have the focus, and how far each pane is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardUi {
    pub pane: usize,
    pub note: usize,
    /// First content line shown, per pane (kept so the focused card is in view).
    pub scroll: Vec<u32>,
    /// The compact view on every pane (`z`); kept from step to step.
    pub compact: bool,
    /// The board and its note ids as last seen: a note that appears since (an undone
    /// delete, a redone add) takes the focus, so the room sees it come back.
    seen: Option<(String, Vec<u64>)>,
}

impl BoardUi {
    /// A fresh focus for another step's board, in the view the facilitator chose.
    pub fn keeping_view(old: &BoardUi) -> BoardUi {
        BoardUi {
            compact: old.compact,
            ..BoardUi::default()
        }
    }

    /// A note that came from a phone: counted as seen, so the focus stays where the
    /// facilitator put it (they may be halfway across the board).
    pub fn arrived_from_room(&mut self, id: u64) {
        if let Some((_, seen)) = &mut self.seen
            && let Err(at) = seen.binary_search(&id)
        {
            seen.insert(at, id);
        }
    }

    /// Keeps the focus on a pane and note that exist; a note that was not there the
    /// last time takes the focus.
    pub fn clamp(&mut self, session: &Session) {
        let Some((id, board)) = session
            .current_step()
            .board()
            .and_then(|spec| Some((&spec.board, session.boards.get(&spec.board)?)))
        else {
            return;
        };
        let mut ids: Vec<u64> = board
            .panes
            .iter()
            .flat_map(|p| p.notes.iter().map(|n| n.id))
            .collect();
        ids.sort_unstable();
        if let Some((seen_board, seen)) = &self.seen
            && seen_board == id
            && let Some(&new) = ids.iter().rev().find(|n| seen.binary_search(n).is_err())
            && let Some((p, i)) = board.locate(new)
        {
            (self.pane, self.note) = (p, i);
        }
        self.seen = Some((id.clone(), ids));
        self.pane = self.pane.min(board.panes.len().saturating_sub(1));
        let notes = board.panes.get(self.pane).map_or(0, |p| p.notes.len());
        self.note = self.note.min(notes.saturating_sub(1));
        self.scroll.resize(board.panes.len(), 0);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardAction {
    /// Open the editor for a new note in the focused pane (rapid entry).
    Add,
    Edit,
    Delete,
    Colour {
        forward: bool,
    },
    Focus(Dir),
    /// Tab / Shift-Tab: the next or previous pane.
    Pane {
        forward: bool,
    },
    /// Home / End: the first or last note of the pane.
    Ends {
        last: bool,
    },
    /// `<` `>`: the note goes to the previous or next pane.
    MoveToPane {
        forward: bool,
    },
    /// `[` `]`: the note goes one place earlier or later in its pane.
    Shift {
        forward: bool,
    },
    Vote,
    Unvote,
    Sort,
    Group,
    Ungroup,
    Promote,
    /// `z`: the compact view on every pane, or back to cards.
    Compact,
}

/// What the text being edited on the board becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardEdit {
    New {
        board: String,
        pane: String,
    },
    Text {
        board: String,
        note: u64,
    },
    /// The heading of the cluster the note joins.
    Group {
        board: String,
        note: u64,
    },
}

impl BoardEdit {
    pub fn is_new(&self) -> bool {
        matches!(self, BoardEdit::New { .. })
    }
}

/// A short quote of a note for the status line.
fn quote(text: &str) -> String {
    format!("“{}”", shorten(&sanitize_line(text), 30))
}

impl App {
    /// The id of the board the current step shows.
    pub fn board_id(&self) -> Option<String> {
        self.session.current_step().board().map(|b| b.board.clone())
    }

    pub(in crate::app) fn current_board(&self) -> Option<&Board> {
        let spec = self.session.current_step().board()?;
        self.session.boards.get(&spec.board)
    }

    pub(in crate::app) fn current_board_mut(&mut self) -> Option<&mut Board> {
        let id = self.session.current_step().board()?.board.clone();
        self.session.boards.get_mut(&id)
    }

    /// The focused note, if the focused pane has any.
    pub fn focused_note(&self) -> Option<&Note> {
        self.current_board()?
            .panes
            .get(self.board.pane)?
            .notes
            .get(self.board.note)
    }
}
