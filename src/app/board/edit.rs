//! What text typed on the board becomes: new notes (one after another), a note's new
//! text and initials, a cluster's heading.

use super::{BoardEdit, quote};
use crate::app::App;
use crate::app::editor::{EditTarget, Editor};
use crate::domain::board::{Note, parse_author};
use crate::domain::text::{sanitize_line, shorten};

impl App {
    pub(in crate::app) fn commit_board_edit(
        &mut self,
        edit: BoardEdit,
        text: String,
    ) -> Option<Editor> {
        self.finish_board_edit(edit, text, true)
    }

    pub(in crate::app) fn cancel_board_edit(&mut self, edit: BoardEdit, text: String) {
        match edit {
            // Esc stops rapid entry but keeps what was typed: a note is never lost.
            BoardEdit::New { .. } | BoardEdit::Text { .. } => {
                self.finish_board_edit(edit, text, false);
            }
            BoardEdit::Group { .. } => self.say("Not clustered"),
        }
    }

    /// `more`: Enter was pressed on a new note, so the next one opens at once.
    fn finish_board_edit(&mut self, edit: BoardEdit, text: String, more: bool) -> Option<Editor> {
        match edit {
            BoardEdit::New { board, pane } => self.add_note(board, pane, &text, more),
            BoardEdit::Text { board, note } => {
                self.edit_note(&board, note, &text);
                None
            }
            BoardEdit::Group { board, note } => {
                self.group_note(&board, note, &text);
                None
            }
        }
    }

    fn add_note(&mut self, board: String, pane: String, text: &str, more: bool) -> Option<Editor> {
        let (author, body) = parse_author(text);
        let body = body.trim();
        if body.is_empty() {
            if author.is_some() {
                self.say("A note needs some text: nothing added");
            }
            return None;
        }
        let exists = self.session.boards.contains_key(&board);
        if !exists {
            self.warn("This board is gone: the note was not added");
            return None;
        }
        self.record(format!("add note {}", quote(body)));
        let id = self.session.new_id();
        let b = self.session.boards.get_mut(&board)?;
        // The pane can only vanish if the file changed under us: keep the note anyway.
        let p = b.pane_index(&pane).unwrap_or(0);
        let title = sanitize_line(&b.panes.get(p)?.title);
        let notes = &mut b.panes[p].notes;
        notes.push(Note {
            author,
            ..Note::new(id, body)
        });
        let idx = notes.len() - 1;
        if self.board_id().as_deref() == Some(board.as_str()) {
            (self.board.pane, self.board.note) = (p, idx);
        }
        self.after_content_change();
        if !more {
            self.say(format!("Added to {title}"));
            return None;
        }
        self.prompt(format!("Added to {title}: type the next one, Esc to stop"));
        Some(Editor::new(
            EditTarget::Board(BoardEdit::New { board, pane }),
            "Next note (Esc to stop)",
            "",
            true,
        ))
    }

    fn edit_note(&mut self, board: &str, id: u64, text: &str) {
        let (author, body) = parse_author(text);
        let body = body.trim();
        let Some(old) = self.session.boards.get(board).and_then(|b| b.note(id)) else {
            return;
        };
        if body.is_empty() {
            self.warn("Empty text: the note keeps its old text (d deletes it)");
            return;
        }
        if old.text == body && old.author == author {
            return;
        }
        self.record(format!("edit note {}", quote(body)));
        if let Some(n) = self
            .session
            .boards
            .get_mut(board)
            .and_then(|b| b.note_mut(id))
        {
            n.text = body.to_string();
            n.author = author;
        }
        self.after_content_change();
        self.say("Note changed (u undoes)");
    }

    fn group_note(&mut self, board: &str, id: u64, text: &str) {
        let heading = shorten(sanitize_line(text).trim(), 40);
        let Some(old) = self.session.boards.get(board).and_then(|b| b.note(id)) else {
            return;
        };
        if heading.is_empty() {
            self.say("No heading: nothing clustered");
            return;
        }
        if old.group.as_deref() == Some(heading.as_str()) {
            self.say(format!("Already in cluster “{heading}”"));
            return;
        }
        self.record(format!("cluster under {heading:?}"));
        let idx = self
            .session
            .boards
            .get_mut(board)
            .and_then(|b| b.set_group(id, Some(heading.clone())));
        if let Some(idx) = idx {
            self.board.note = idx;
        }
        self.after_content_change();
        self.say(format!("In cluster “{heading}” (G takes it out)"));
    }
}
