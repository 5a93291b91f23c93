//! Keys become actions through one table per context (`keymap`), which also writes
//! the help. Which contexts listen depends on what is on screen; the first that
//! binds a key wins.

mod defaults;
mod key;
mod keymap;
mod patch;

pub use key::Key;
pub use keymap::{Binding, Bindings, Context, Does, Keymap, Line};
pub use patch::{KeyPatch, KeyProblem};

use super::{Action, App, Overlay, Screen};
use crate::domain::template::Activity;
use crossterm::event::{KeyEvent, KeyEventKind};
use std::collections::HashSet;

pub fn map(app: &App, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from(event);
    if app.keymap.is_force_quit(key) {
        return Some(Action::ForceQuit);
    }
    // The question about a change made outside waits for its answer, even over an
    // open editor (whose text is kept).
    if app.outside.is_some() {
        return app.keymap.action(Context::Outside, key);
    }
    if app.editor.is_some() {
        return Some(Action::EditKey(event));
    }
    contexts(app, true)
        .into_iter()
        .find_map(|context| app.keymap.action(context, key))
}

/// The contexts whose keys work now, first come first served. `overlay`: an open
/// help or quit box takes every key.
fn contexts(app: &App, overlay: bool) -> Vec<Context> {
    if app.editor.is_some() {
        return vec![Context::Editor];
    }
    match app.overlay {
        Some(Overlay::Help) if overlay => return vec![Context::Help],
        Some(Overlay::ConfirmQuit) if overlay => return vec![Context::Quit],
        Some(Overlay::ConfirmStopSharing) if overlay => return vec![Context::StopSharing],
        _ => {}
    }
    let mut contexts = Vec::with_capacity(4);
    match app.screen {
        Screen::Setup => contexts.push(Context::Setup),
        Screen::Roster => contexts.push(Context::Roster),
        Screen::Projector => {
            match app.activity() {
                Activity::Board(_) | Activity::Summary(_) if app.board_id().is_some() => {
                    contexts.push(Context::Board)
                }
                Activity::Table(_) => contexts.push(Context::Table),
                Activity::Groups(_) => contexts.push(Context::Groups),
                // The review step lists the initiatives: the room adds them right there.
                Activity::Briefing(b) if b.show_initiatives => contexts.push(Context::Briefing),
                _ => {}
            }
            if let Activity::Summary(s) = app.activity()
                && s.plenary
            {
                contexts.push(Context::Plenary);
            }
            if !app.session.current_step().fields().is_empty() {
                contexts.push(Context::Fields);
            }
        }
    }
    contexts.push(Context::Workshop);
    contexts
}

/// One heading of the help and its lines: (keys, what they do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub lines: Vec<(String, &'static str)>,
}

/// The keys that work on what is on screen (under the help box), with the user's
/// keys. A key an earlier context takes is left out of the later ones: the help
/// says what a key does here.
pub fn help(app: &App) -> Vec<Section> {
    let mut taken = HashSet::new();
    contexts(app, false)
        .into_iter()
        .map(|context| Section {
            title: context.title(),
            lines: app.keymap.help_lines(context, &mut taken),
        })
        .filter(|s| !s.lines.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SetupAction;
    use crate::app::tests::app;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn keys_follow_the_context() {
        let (mut app, _) = app();
        assert_eq!(map(&app, press(' ')), Some(Action::ToggleClock));
        assert_eq!(map(&app, press('3')), Some(Action::GoToStep(2)));
        app.update(Action::Quit);
        assert_eq!(map(&app, press('y')), Some(Action::ConfirmQuit));
        assert_eq!(map(&app, press('n')), Some(Action::CancelQuit));
        app.update(Action::CancelQuit);
        app.update(Action::ToggleSetup);
        assert_eq!(map(&app, press('a')), Some(Action::Setup(SetupAction::Add)));
        app.update(Action::Setup(SetupAction::Add));
        assert_eq!(
            map(&app, press('q')),
            Some(Action::EditKey(press('q'))),
            "typing, not quitting"
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map(&app, ctrl_c),
            Some(Action::ForceQuit),
            "Ctrl-C always leaves"
        );
    }

    #[test]
    fn help_lists_the_keys_of_the_current_context() {
        let (mut app, _) = app();
        assert_eq!(help(&app).last().unwrap().title, "Workshop");
        assert_eq!(
            help(&app)[0].title,
            "Initiatives",
            "step 1 adds initiatives with a"
        );
        assert_eq!(map(&app, press('a')), Some(Action::Setup(SetupAction::Add)));
        app.update(Action::GoToStep(2));
        assert_eq!(help(&app)[0].title, "Board");
        app.update(Action::GoToStep(3));
        assert_eq!(help(&app)[0].title, "Action plan");
        app.update(Action::GoToStep(2));
        app.update(Action::Board(crate::app::board::BoardAction::Add));
        let editing = help(&app);
        assert_eq!(editing.len(), 1);
        assert_eq!(editing[0].title, "Editing");
    }

    #[test]
    fn a_key_taken_by_the_activity_is_not_listed_for_the_workshop() {
        let (mut app, _) = app();
        app.update(Action::GoToStep(3));
        let sections = help(&app);
        let workshop = sections.last().unwrap();
        assert!(
            !workshop.lines.iter().any(|(keys, _)| keys == "Esc"),
            "Esc closes the table's detail here: {workshop:?}"
        );
        assert!(sections[0].lines.iter().any(|(keys, _)| keys == "Esc"));
    }
}
