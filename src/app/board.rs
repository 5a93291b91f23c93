//! Board interaction: focus, notes added and edited in place.

use super::App;
use super::editor::{EditTarget, Editor};
use crate::domain::board::{Note, NoteColour};
use crate::domain::session::Session;
use crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardUi {
    pub pane: usize,
    pub note: usize,
}

impl BoardUi {
    pub fn clamp(&mut self, _session: &Session) {}
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardAction {
    Add,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardEdit {
    New { board: String, pane: String },
}

pub fn keys(key: KeyEvent) -> Option<BoardAction> {
    match key.code {
        KeyCode::Char('a') => Some(BoardAction::Add),
        _ => None,
    }
}

impl App {
    /// The id of the board the current step shows.
    pub fn board_id(&self) -> Option<String> {
        self.session.current_step().board().map(|b| b.board.clone())
    }

    pub(super) fn board_action(&mut self, action: BoardAction) {
        let Some(board) = self.board_id() else { return };
        match action {
            BoardAction::Add => {
                let Some(pane) = self.session.boards[&board].panes.get(self.board.pane) else {
                    return;
                };
                let target = EditTarget::Board(BoardEdit::New {
                    board,
                    pane: pane.key.clone(),
                });
                self.editor = Some(Editor::new(target, "New note", "", true));
            }
        }
    }

    pub(super) fn commit_board_edit(&mut self, edit: BoardEdit, text: String) -> Option<Editor> {
        match edit {
            BoardEdit::New { board, pane } => {
                if text.trim().is_empty() {
                    return None;
                }
                self.record("add note");
                let id = self.session.new_id();
                let p = self
                    .session
                    .boards
                    .get_mut(&board)?
                    .panes
                    .iter_mut()
                    .find(|p| p.key == pane)?;
                p.notes.push(Note {
                    id,
                    text,
                    colour: NoteColour::Yellow,
                    author: None,
                    votes: 0,
                    group: None,
                    promoted_to: None,
                });
                let target = EditTarget::Board(BoardEdit::New { board, pane });
                Some(Editor::new(target, "Next note (Esc to stop)", "", true))
            }
        }
    }

    pub(super) fn cancel_board_edit(&mut self, edit: BoardEdit, text: String) {
        // Esc stops rapid entry but keeps what was typed: a note is never lost.
        self.commit_board_edit(edit, text);
    }

    pub(super) fn board_click(&mut self, _column: u16, _row: u16) {}
}

pub const HELP: super::keys::Help = &[(
    "a",
    "add notes to the focused pane (Enter keeps each, Esc stops)",
)];
