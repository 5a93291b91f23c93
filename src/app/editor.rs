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
    /// A session field, by its key.
    Field(String),
    /// The groups step's list of names.
    Participants,
    /// The number of the step to go to.
    Step,
    /// The dots each participant has on phones.
    Dots,
    /// The date of the next review.
    NextReview,
    /// A field of the person at `index` on the roster (`None`: a new person's name);
    /// `chain`: Enter moves on to the next field.
    Person {
        index: Option<usize>,
        field: usize,
        chain: bool,
    },
}

pub struct Editor {
    pub target: EditTarget,
    pub area: TextArea<'static>,
    /// One-line fields commit on Enter; multi-line ones take Alt+Enter for a new line.
    pub multiline: bool,
    /// Shown above the text: what is being edited.
    pub label: String,
    /// Words offered while typing (names, status values...); Tab takes the first.
    pub completions: Vec<String>,
}

/// What the editor's own keys do (the keymap's `editor` context binds them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditCommand {
    /// Keep the text.
    Commit,
    /// A new line where text may have several; elsewhere it keeps the text.
    NewLine,
    /// Stop editing.
    Cancel,
    /// Take the first word offered (else a tab, as typed).
    Complete,
    Undo,
    Redo,
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
            completions: Vec::new(),
        }
    }

    pub fn with_completions(mut self, completions: Vec<String>) -> Editor {
        self.completions = completions;
        self
    }

    /// The offered words that fit what is being typed after the last comma: those
    /// starting with it, or with a word starting with it. All of them before typing.
    pub fn suggestions(&self) -> Vec<&str> {
        let last = self.area.lines().last().map(String::as_str).unwrap_or("");
        let item = current_item(last).trim().to_lowercase();
        self.completions
            .iter()
            .filter(|c| {
                let c = c.to_lowercase();
                c != item
                    && (c.starts_with(&item) || c.split_whitespace().any(|w| w.starts_with(&item)))
            })
            .map(String::as_str)
            .collect()
    }

    /// Replaces what is being typed after the last comma with the first suggestion.
    fn complete(&mut self) -> bool {
        let Some(first) = self.suggestions().first().map(|s| s.to_string()) else {
            return false;
        };
        self.area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.area.move_cursor(ratatui_textarea::CursorMove::End);
        let last = self.area.lines().last().cloned().unwrap_or_default();
        let item = current_item(&last);
        for _ in 0..item.chars().count() {
            self.area.delete_char();
        }
        let after_comma = item.len() < last.len();
        self.area.insert_str(if after_comma {
            format!(" {first}")
        } else {
            first
        });
        true
    }

    /// Shows what the field holds selected, so typing replaces it and an arrow key
    /// edits it instead (a date, a generated title).
    pub fn with_text_selected(mut self) -> Editor {
        if !self.area.is_empty() {
            self.area.select_all();
            self.area.set_selection_style(
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED),
            );
        }
        self
    }

    /// The text as it will be stored: cleaned, with trailing blank lines dropped.
    pub fn text(&self) -> String {
        let joined = self.area.lines().join("\n");
        let clean = sanitize(&joined);
        clean.trim_end().to_string()
    }

    pub fn command(&mut self, command: EditCommand) -> EditOutcome {
        match command {
            EditCommand::Commit => return EditOutcome::Commit,
            EditCommand::Cancel => return EditOutcome::Cancel,
            EditCommand::NewLine if self.multiline => self.area.insert_newline(),
            EditCommand::NewLine => return EditOutcome::Commit,
            EditCommand::Complete => {
                if !self.complete() {
                    self.area.insert_tab();
                }
            }
            EditCommand::Undo => {
                self.area.undo();
            }
            EditCommand::Redo => {
                self.area.redo();
            }
        }
        EditOutcome::Editing
    }

    /// A key that is not one of the editor's commands: typing, moving the cursor.
    pub fn key(&mut self, key: KeyEvent) {
        // A one-line field never gets a line break, whatever key the text area
        // would take for one.
        let newline = matches!(key.code, KeyCode::Enter)
            || (key.code == KeyCode::Char('m') && key.modifiers.contains(KeyModifiers::CONTROL));
        if newline && !self.multiline {
            return;
        }
        self.area.input(key);
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

/// The part of a line after its last comma.
fn current_item(line: &str) -> &str {
    line.rfind(',').map(|i| &line[i + 1..]).unwrap_or(line)
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
            e.key(key(KeyCode::Char(c)));
        }
        assert_eq!(e.command(EditCommand::NewLine), EditOutcome::Editing);
        e.paste("there\u{1b}[2J 🎉");
        assert_eq!(e.text(), "Hi\nthere 🎉");
        assert_eq!(e.command(EditCommand::Commit), EditOutcome::Commit);
    }

    #[test]
    fn tab_takes_the_first_name_offered() {
        let names = vec![
            "Ana Lopez".to_string(),
            "Ben".to_string(),
            "Li Chen".to_string(),
        ];
        let mut e = Editor::new(EditTarget::Title, "Owner", "", false).with_completions(names);
        assert_eq!(e.suggestions().len(), 3, "every name before typing");
        e.key(key(KeyCode::Char('c')));
        assert_eq!(e.suggestions(), ["Li Chen"]);
        e.command(EditCommand::Complete);
        assert_eq!(e.text(), "Li Chen");
        assert!(
            e.suggestions().is_empty(),
            "complete: nothing more to offer"
        );
        e.paste(", a");
        e.command(EditCommand::Complete);
        assert_eq!(e.text(), "Li Chen, Ana Lopez");
    }

    #[test]
    fn typing_over_a_selected_text_replaces_it() {
        let mut e = Editor::new(
            EditTarget::Title,
            "Title",
            "Action Planning 2026-11-21",
            false,
        )
        .with_text_selected();
        for c in "Budget day".chars() {
            e.key(key(KeyCode::Char(c)));
        }
        assert_eq!(e.text(), "Budget day");
        let mut e = Editor::new(EditTarget::Title, "Title", "Budget", false).with_text_selected();
        e.key(key(KeyCode::End));
        e.key(key(KeyCode::Char('!')));
        assert_eq!(e.text(), "Budget!", "an arrow key edits instead");
    }

    #[test]
    fn a_one_line_field_never_takes_a_line_break() {
        let mut e = Editor::new(EditTarget::Title, "Title", "Budget", false);
        e.key(key(KeyCode::Enter));
        assert_eq!(
            e.text(),
            "Budget",
            "Enter unbound from commit types nothing"
        );
        assert_eq!(e.command(EditCommand::NewLine), EditOutcome::Commit);
        let mut e = Editor::new(EditTarget::Title, "Note", "one", true);
        e.command(EditCommand::NewLine);
        e.key(key(KeyCode::Char('2')));
        e.command(EditCommand::Undo);
        assert_eq!(e.text(), "one", "undo typing takes the line back");
        e.command(EditCommand::Redo);
        assert_eq!(e.text(), "one\n2");
    }

    #[test]
    fn a_huge_paste_is_kept_whole() {
        let mut e = Editor::new(EditTarget::Title, "Title", "", false);
        let big = "x".repeat(10_000);
        e.paste(&big);
        assert_eq!(e.text().len(), 10_000);
    }
}
