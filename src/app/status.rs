//! The status line's message: information fades after a few seconds, a warning stays
//! until the next thing the facilitator does, and a prompt ("type the next one") goes
//! when the editor it prompts for closes.

use super::App;
use crate::domain::text::sanitize_line;
use chrono::{DateTime, Duration, Utc};

/// How long information stays on the status line: long enough to read twice.
const FADE_AFTER: Duration = Duration::seconds(5);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// When the message goes by itself (information only).
    pub fades_at: Option<DateTime<Utc>>,
    /// It asks for what the open editor takes, and goes with it.
    pub prompt: bool,
}

impl App {
    /// Information: it fades. Messages quote notes, cells and template text: cleaned
    /// here, once, for all.
    pub fn say(&mut self, text: impl AsRef<str>) {
        let fades_at = Some(self.now() + FADE_AFTER);
        self.set_status(text.as_ref(), false, fades_at, false);
    }

    /// A warning: it stays until the next action.
    pub fn warn(&mut self, text: impl AsRef<str>) {
        self.set_status(text.as_ref(), true, None, false);
    }

    /// What the open editor asks for: it goes when the editor closes.
    pub(super) fn prompt(&mut self, text: impl AsRef<str>) {
        self.set_status(text.as_ref(), false, None, true);
    }

    fn set_status(
        &mut self,
        text: &str,
        error: bool,
        fades_at: Option<DateTime<Utc>>,
        prompt: bool,
    ) {
        self.status = Some(Status {
            text: sanitize_line(text),
            error,
            fades_at,
            prompt,
        });
    }

    /// Drops a message whose time is up, or a prompt whose editor has closed.
    pub(super) fn expire_status(&mut self) {
        let now = self.now();
        let editing = self.editor.is_some();
        if let Some(status) = &self.status
            && (status.fades_at.is_some_and(|at| at <= now) || (status.prompt && !editing))
        {
            self.status = None;
        }
    }

    /// Milliseconds until the message fades, if one will.
    pub(super) fn ms_to_status_fade(&self) -> Option<i64> {
        let at = self.status.as_ref()?.fades_at?;
        Some((at - self.now()).num_milliseconds().max(0))
    }
}

#[cfg(test)]
mod tests {
    use crate::app::Action;
    use crate::app::board::BoardAction;
    use crate::app::tests::{app, type_line};
    use chrono::Duration;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn information_fades_and_the_loop_wakes_once_for_it() {
        let (mut app, clock) = app();
        app.update(Action::ToggleBell);
        assert!(app.status.is_some());
        assert_eq!(
            app.ms_to_next_change(),
            Some(5000),
            "paused: woken for the fade only"
        );
        clock.advance(Duration::milliseconds(4999));
        app.tick();
        assert!(app.status.is_some(), "still there just before");
        clock.advance(Duration::milliseconds(1));
        app.tick();
        assert_eq!(app.status, None);
        assert_eq!(app.ms_to_next_change(), None, "nothing more to wake for");
    }

    #[test]
    fn a_warning_stays_until_the_next_action() {
        let (mut app, clock) = app();
        app.update(Action::AskStep);
        type_line(&mut app, "42");
        clock.advance(Duration::minutes(1));
        app.tick();
        assert!(app.status.as_ref().is_some_and(|s| s.error));
        app.update(Action::ToggleZoom);
        assert_eq!(app.status, None);
    }

    #[test]
    fn the_next_note_prompt_goes_with_the_editor() {
        let (mut app, _) = app();
        app.update(Action::GoToStep(2));
        app.update(Action::Setup(crate::app::SetupAction::Add));
        type_line(&mut app, "Open data");
        app.update(Action::Back);
        app.update(Action::Board(BoardAction::Add));
        type_line(&mut app, "Call the mayor");
        let prompt = app.status.clone().unwrap();
        assert!(prompt.text.contains("type the next one"), "{prompt:?}");
        app.update(Action::EditKey(KeyEvent::new(
            KeyCode::Esc,
            KeyModifiers::NONE,
        )));
        assert!(app.editor.is_none());
        assert_eq!(app.status, None, "Esc ended the entry: no prompt left");
    }
}
