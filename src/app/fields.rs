//! The session's short fields (the objective, the vision): typed on the set-up screen
//! or on a step that lists them, one after another, each in place.

use super::App;
use super::Screen;
use super::editor::{EditTarget, Editor};
use crate::domain::text::{sanitize, sanitize_line};

impl App {
    /// The fields `F` goes through here: every field on the set-up screen, the step's
    /// own on a step.
    fn field_keys(&self) -> Vec<String> {
        match self.screen {
            Screen::Setup => self
                .session
                .workshop
                .fields
                .iter()
                .map(|f| f.key.clone())
                .collect(),
            Screen::Projector => self.session.current_step().fields().to_vec(),
            Screen::Roster => Vec::new(),
        }
    }

    /// Opens the first field; Enter keeps it and opens the next.
    pub(super) fn edit_fields(&mut self) {
        match self.field_keys().first() {
            Some(key) => self.editor = self.field_editor(key),
            None => self.say("This step asks for no session fields (the set-up screen lists them)"),
        }
    }

    fn field_editor(&self, key: &str) -> Option<Editor> {
        let spec = self.session.workshop.field(key)?;
        let keys = self.field_keys();
        let at = keys.iter().position(|k| k == key).unwrap_or(0);
        let then = if at + 1 < keys.len() {
            "Enter: next field"
        } else {
            "Enter keeps it"
        };
        let new_line = if spec.long {
            ", Alt+Enter: new line"
        } else {
            ""
        };
        let label = format!(
            "{} ({then}{new_line}, Esc: stop)",
            sanitize_line(&spec.title)
        );
        let editor = Editor::new(
            EditTarget::Field(key.to_string()),
            label,
            self.session.field(key),
            spec.long,
        );
        Some(editor)
    }

    /// Keeps a field's text (one line unless the field is long) and opens the next.
    pub(super) fn commit_field(&mut self, key: String, text: String) -> Option<Editor> {
        let long = self.session.workshop.field(&key).is_some_and(|f| f.long);
        let text = if long {
            sanitize(&text).trim().to_string()
        } else {
            sanitize_line(&text).trim().to_string()
        };
        if text != self.session.field(&key) {
            let title = self
                .session
                .workshop
                .field(&key)
                .map_or(key.clone(), |f| f.title.clone());
            self.record(format!("edit {title}"));
            self.session.set_field(&key, text);
            self.after_content_change();
        }
        let keys = self.field_keys();
        let next = keys
            .iter()
            .position(|k| *k == key)
            .and_then(|i| keys.get(i + 1));
        next.and_then(|k| self.field_editor(k))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app, type_line};
    use super::*;
    use crate::app::Action;
    use crate::domain::session::Session;
    use crate::domain::template::Template;

    #[test]
    fn fields_are_typed_one_after_another_and_undone() {
        let (mut app, _) = app();
        let t = Template::built_in("planning-for-success").unwrap();
        app.session = Session::new(t, "PfS", app.now());
        app.update(Action::ToggleSetup);
        app.update(Action::EditFields);
        type_line(&mut app, "Every pupil reads at grade level by June");
        assert!(
            matches!(&app.editor, Some(e) if e.target == EditTarget::Field("timeframe".into())),
            "the next field opens"
        );
        type_line(&mut app, "This school year");
        assert!(app.editor.is_none(), "the last field closes");
        assert_eq!(
            app.session.field("objective"),
            "Every pupil reads at grade level by June"
        );
        app.update(Action::Undo);
        assert_eq!(app.session.field("timeframe"), "");
        assert_ne!(app.session.field("objective"), "");
    }
}
