//! The set-up screen: the session's title and the initiatives being planned.

use super::editor::{EditTarget, Editor};
use super::{App, SetupAction};
use crate::domain::text::sanitize_line;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupUi {
    pub selected: usize,
}

impl SetupUi {
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

impl App {
    pub(super) fn setup_action(&mut self, action: SetupAction) {
        let len = self.session.initiatives.len();
        let selected = self.setup.selected;
        let id = self.session.initiatives.get(selected).map(|i| i.id);
        match action {
            SetupAction::Up => self.setup.selected = selected.saturating_sub(1),
            SetupAction::Down => self.setup.selected = (selected + 1).min(len.saturating_sub(1)),
            SetupAction::Add => {
                self.editor = Some(Editor::new(
                    EditTarget::NewInitiative,
                    "New initiative",
                    "",
                    false,
                ))
            }
            SetupAction::EditTitle => {
                let title = self.session.title.clone();
                // The generated title is usually replaced whole.
                self.editor = Some(
                    Editor::new(EditTarget::Title, "Session title", &title, false)
                        .with_text_selected(),
                );
            }
            SetupAction::EditName => {
                if let Some(i) = self.session.initiatives.get(selected) {
                    let name = i.name.clone();
                    self.editor = Some(Editor::new(
                        EditTarget::InitiativeName(i.id),
                        "Initiative",
                        &name,
                        false,
                    ));
                }
            }
            SetupAction::EditDescription => {
                if let Some(i) = self.session.initiatives.get(selected) {
                    let (id, text) = (i.id, i.description.clone());
                    self.editor = Some(Editor::new(
                        EditTarget::InitiativeDescription(id),
                        "Description (Alt+Enter for a new line)",
                        &text,
                        true,
                    ));
                }
            }
            SetupAction::Delete => {
                if let Some(id) = id {
                    let name = self.session.initiatives[selected].name.clone();
                    self.record(format!("delete initiative {name:?}"));
                    self.session.initiatives.retain(|i| i.id != id);
                    self.after_content_change();
                    self.say(format!(
                        "Deleted {name:?} (its notes moved to the first pane; u to undo)"
                    ));
                }
            }
            SetupAction::MoveUp | SetupAction::MoveDown => {
                let to = if action == SetupAction::MoveUp {
                    selected.checked_sub(1)
                } else {
                    Some(selected + 1).filter(|&t| t < len)
                };
                if let Some(to) = to.filter(|_| id.is_some()) {
                    self.record("move initiative");
                    self.session.initiatives.swap(selected, to);
                    self.setup.selected = to;
                    self.after_content_change();
                }
            }
        }
    }

    /// Commits a set-up edit; a new initiative opens the next one straight away.
    pub(super) fn commit_setup_edit(&mut self, target: EditTarget, text: String) -> Option<Editor> {
        let line = sanitize_line(&text).trim().to_string();
        match target {
            EditTarget::NewInitiative => {
                if line.is_empty() {
                    return None;
                }
                self.record(format!("add initiative {line:?}"));
                self.session.add_initiative(&line, "");
                self.setup.selected = self.session.initiatives.len() - 1;
                self.after_content_change();
                Some(Editor::new(
                    EditTarget::NewInitiative,
                    "Next initiative (Esc when done)",
                    "",
                    false,
                ))
            }
            EditTarget::InitiativeName(id) if !line.is_empty() => {
                self.record("rename initiative");
                if let Some(i) = self.session.initiatives.iter_mut().find(|i| i.id == id) {
                    i.name = line;
                }
                self.after_content_change();
                None
            }
            EditTarget::InitiativeDescription(id) => {
                self.record("edit description");
                if let Some(i) = self.session.initiatives.iter_mut().find(|i| i.id == id) {
                    i.description = text;
                }
                self.after_content_change();
                None
            }
            EditTarget::Title if !line.is_empty() => {
                self.session.title = line;
                self.touch();
                None
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app, type_line};
    use super::*;
    use crate::app::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn initiatives_are_entered_one_after_another_and_undone() {
        let (mut app, _) = app();
        app.update(Action::Setup(SetupAction::Add));
        type_line(&mut app, "Online permits");
        type_line(&mut app, "Open budget data");
        assert!(app.editor.is_some(), "the next initiative is ready to type");
        app.update(Action::EditKey(KeyEvent::new(
            KeyCode::Esc,
            KeyModifiers::NONE,
        )));
        let names: Vec<_> = app
            .session
            .initiatives
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(names, ["Online permits", "Open budget data"]);
        assert_eq!(app.session.boards["tasks"].panes.len(), 2, "one pane each");
        app.update(Action::Setup(SetupAction::Delete));
        assert_eq!(app.session.initiatives.len(), 1);
        app.update(Action::Undo);
        assert_eq!(app.session.initiatives.len(), 2);
    }
}
