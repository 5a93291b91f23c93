//! What reaches the app from outside it: a version of the session file written by
//! another program (an editor, a sync tool), and the mirrors that follow the session,
//! which let the facilitator's screen become a console.

use super::history::History;
use super::{App, Effect};
use crate::domain::session::Session;

/// A version of the session file this convene did not write, waiting for the
/// facilitator to choose: theirs or ours. Nothing is written over it meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    /// The file's text, kept whole whichever way the facilitator chooses.
    pub text: String,
    /// The session it holds, or why it cannot be read.
    pub theirs: Result<Session, String>,
}

/// Which version a conflict copy holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Copy {
    Ours(Box<Session>),
    Theirs(String),
}

impl App {
    /// The folder watcher saw a version of the file that is not ours.
    pub fn outside_change(&mut self, text: String, theirs: Result<Session, String>) {
        self.changed_outside();
        self.outside = Some(Outside { text, theirs });
    }

    /// Takes the file's version; ours (with what an open editor holds) is kept in a
    /// copy beside it. Not possible when the file cannot be read.
    pub(super) fn reload_theirs(&mut self) {
        let Some(outside) = self.outside.take() else {
            return;
        };
        let theirs = match outside.theirs {
            Ok(theirs) => theirs,
            Err(reason) => {
                let keep = self
                    .keymap
                    .first_keys(super::keys::Context::Outside, &["keep"]);
                self.warn(format!(
                    "The file cannot be read ({reason}): {keep} keeps yours"
                ));
                self.outside = Some(Outside {
                    text: outside.text,
                    theirs: Err(reason),
                });
                return;
            }
        };
        self.commit_open_editor();
        self.effects
            .push(Effect::Keep(Copy::Ours(Box::new(self.session.clone()))));
        self.effects.push(Effect::Accept(outside.text));
        self.session = theirs;
        // Undo would bring back parts of ours, which is whole in its copy.
        self.history = History::default();
        self.board = super::board::BoardUi::default();
        self.table.clamp(&self.session);
        self.setup.clamp(self.session.initiatives.len());
        // The file is theirs already: nothing of ours is left to save.
        self.changed = false;
        self.say("Reloaded the file as it is on disk; yours is kept beside it");
    }

    /// Keeps ours and saves it; theirs is kept in a copy beside it first.
    pub(super) fn keep_ours(&mut self) {
        let Some(outside) = self.outside.take() else {
            return;
        };
        self.effects
            .push(Effect::Keep(Copy::Theirs(outside.text.clone())));
        self.effects.push(Effect::Accept(outside.text));
        self.changed = true;
        self.say("Kept yours; the file's version is kept beside it");
    }

    /// The folder watcher counted the mirrors following the session.
    pub fn set_mirrors(&mut self, mirrors: usize) {
        self.changed_outside();
        let before = self.mirrors;
        self.mirrors = mirrors;
        let key = self
            .keymap
            .first_keys(super::keys::Context::Workshop, &["toggle_console"]);
        if before == 0 && mirrors > 0 && !self.session.settings.console && !key.is_empty() {
            self.say(format!(
                "A mirror follows: {key} makes this screen a console"
            ));
        } else if before > 0 && mirrors == 0 && self.session.settings.console {
            self.say("The mirror closed: the room's screen is back here");
        }
    }

    /// Whether the facilitator's screen is the console now: chosen, and a mirror
    /// shows the room's screen (without one the room needs this screen).
    pub fn console_shows(&self) -> bool {
        self.session.settings.console && self.mirrors > 0
    }

    pub(super) fn toggle_console(&mut self) {
        let console = !self.session.settings.console;
        self.session.settings.console = console;
        self.touch();
        if console && self.mirrors == 0 {
            let name = self.path.file_stem().unwrap_or_default().to_string_lossy();
            self.say(format!(
                "The console shows while a mirror follows: convene mirror {name} in another terminal"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::app;
    use super::*;
    use crate::app::Action;

    fn theirs(app: &App, title: &str) -> (String, Session) {
        let mut s = app.session.clone();
        s.title = title.into();
        (serde_json::to_string(&s).unwrap(), s)
    }

    #[test]
    fn nothing_is_saved_over_a_change_from_outside_until_the_facilitator_chooses() {
        let (mut app, _) = app();
        let (text, session) = theirs(&app, "Edited by hand");
        app.outside_change(text.clone(), Ok(session));
        app.update(Action::NextStep);
        assert!(app.take_changed().is_none(), "held back");
        app.update(Action::KeepOurs);
        assert_eq!(
            app.take_effects(),
            [
                Effect::Keep(Copy::Theirs(text.clone())),
                Effect::Accept(text)
            ]
        );
        let saved = app.take_changed().expect("ours is saved now");
        assert_eq!(
            (saved.title.as_str(), saved.clock().current),
            ("Test workshop", 1)
        );
    }

    #[test]
    fn reloading_takes_theirs_and_keeps_ours_with_what_was_being_typed() {
        let (mut app, _) = app();
        app.update(Action::GoToStep(2));
        app.update(Action::Board(crate::app::board::BoardAction::Add));
        for c in "half a note".chars() {
            app.update(Action::EditKey(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            )));
        }
        let (text, session) = theirs(&app, "Edited by hand");
        app.outside_change(text.clone(), Ok(session));
        app.update(Action::ReloadTheirs);
        let effects = app.take_effects();
        let Effect::Keep(Copy::Ours(ours)) = &effects[0] else {
            panic!("{effects:?}")
        };
        let notes: Vec<_> = ours.boards["tasks"].panes[0]
            .notes
            .iter()
            .map(|n| &n.text)
            .collect();
        assert_eq!(
            notes,
            ["half a note"],
            "the open editor's text is in our copy"
        );
        assert_eq!(effects[1], Effect::Accept(text));
        assert_eq!(app.session.title, "Edited by hand");
        assert!(app.editor.is_none());
        assert!(app.take_changed().is_none(), "the file is theirs already");
    }

    #[test]
    fn a_file_that_cannot_be_read_can_only_be_answered_by_keeping_ours() {
        let (mut app, _) = app();
        app.outside_change("{ half".into(), Err("not valid JSON".into()));
        app.update(Action::ReloadTheirs);
        assert!(app.outside.is_some(), "still asking");
        assert!(app.take_effects().is_empty());
        assert!(app.status.as_ref().unwrap().text.contains("not valid JSON"));
        app.update(Action::KeepOurs);
        assert!(app.outside.is_none());
        assert_eq!(
            app.take_effects()[0],
            Effect::Keep(Copy::Theirs("{ half".into()))
        );
    }

    #[test]
    fn the_console_shows_only_while_a_mirror_follows() {
        let (mut app, _) = app();
        app.update(Action::ToggleConsole);
        assert!(
            app.session.settings.console,
            "the choice is kept in the session"
        );
        assert!(
            !app.console_shows(),
            "no mirror: the room needs this screen"
        );
        assert!(
            app.status
                .as_ref()
                .unwrap()
                .text
                .contains("convene mirror test")
        );
        app.set_mirrors(1);
        assert!(app.console_shows());
        app.set_mirrors(0);
        assert!(!app.console_shows());
        assert!(app.status.as_ref().unwrap().text.contains("mirror closed"));
    }
}
