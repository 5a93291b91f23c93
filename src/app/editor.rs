//! The in-place text editor shared by notes, cells and initiatives (ratatui-textarea).

use crate::domain::text::sanitize;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

/// What the text being edited will become when it is committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new initiative's name (the set-up list).
    NewInitiative,
    InitiativeName(u64),
    InitiativeDescription(u64),
    /// The session's title.
    Title,
    Board(super::board::BoardEdit),
    Table(super::table::TableEdit),
}

pub struct Editor {
    pub target: EditTarget,
    pub area: TextArea<'static>,
    /// One-line fields commit on Enter; multi-line ones take Alt+Enter for a new line.
    pub multiline: bool,
    /// Shown above the text: what is being edited.
    pub label: String,
}

/// What a key did to the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    Editing,
    Commit,
    Cancel,
}

impl Editor {
    pub fn new(
        target: EditTarget,
        label: impl Into<String>,
        text: &str,
        multiline: bool,
    ) -> Editor {
        let lines = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_max_histories(200);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            target,
            area,
            multiline,
            label: label.into(),
        }
    }

    /// The text as it will be stored: cleaned, with trailing blank lines dropped.
    pub fn text(&self) -> String {
        let joined = self.area.lines().join("\n");
        let clean = sanitize(&joined);
        clean.trim_end().to_string()
    }

    pub fn key(&mut self, key: KeyEvent) -> EditOutcome {
        let alt_or_ctrl_j = key.modifiers.contains(KeyModifiers::ALT)
            || (key.code == KeyCode::Char('j') && key.modifiers.contains(KeyModifiers::CONTROL));
        match key.code {
            KeyCode::Esc => EditOutcome::Cancel,
            KeyCode::Enter if alt_or_ctrl_j && self.multiline => {
                self.area.insert_newline();
                EditOutcome::Editing
            }
            KeyCode::Char('j') if alt_or_ctrl_j && self.multiline => {
                self.area.insert_newline();
                EditOutcome::Editing
            }
            KeyCode::Enter => EditOutcome::Commit,
            _ => {
                self.area.input(key);
                EditOutcome::Editing
            }
        }
    }

    /// A paste arrives whole (bracketed paste); control characters never get in.
    pub fn paste(&mut self, text: &str) {
        let clean = sanitize(text);
        let clean = if self.multiline {
            clean
        } else {
            clean.replace('\n', " ")
        };
        self.area.insert_str(clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_paste_and_newlines() {
        let mut e = Editor::new(EditTarget::Title, "Title", "", true);
        for c in "Hi".chars() {
            assert_eq!(e.key(key(KeyCode::Char(c))), EditOutcome::Editing);
        }
        e.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
        e.paste("there\u{1b}[2J 🎉");
        assert_eq!(e.text(), "Hi\nthere 🎉");
        assert_eq!(e.key(key(KeyCode::Enter)), EditOutcome::Commit);
    }

    #[test]
    fn a_huge_paste_is_kept_whole() {
        let mut e = Editor::new(EditTarget::Title, "Title", "", false);
        let big = "x".repeat(10_000);
        e.paste(&big);
        assert_eq!(e.text().len(), 10_000);
    }
}
