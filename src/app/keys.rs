//! Keys become actions, depending on what is on screen. The help overlay lists the
//! same bindings from the tables below, so keep each table beside its `match`.

use super::{Action, App, Overlay, Screen, SetupAction, board, table};
use crate::domain::template::Activity;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// (keys, what they do) for the help overlay.
pub type Help = &'static [(&'static str, &'static str)];

pub const GLOBAL_HELP: Help = &[
    ("Space", "start, pause or resume the clock"),
    ("n / p, PgDn / PgUp", "next / previous step"),
    (
        "1…9, click",
        "jump to step (click a step on the agenda strip)",
    ),
    ("+ / -", "add / remove a minute on this step"),
    ("R", "rebalance the remaining steps to finish on time"),
    (
        "f",
        "show / hide the facilitator panel (tips, challenges, budget)",
    ),
    (
        "Z",
        "the clock alone, as big as the screen allows (Z again: back)",
    ),
    ("i", "initiatives and session title"),
    ("u / U", "undo / redo (Ctrl-Z / Ctrl-R too)"),
    (
        "x",
        "export everything (Markdown, CSV, HTML, calendar, JSON)",
    ),
    ("b", "bell at time-up on / off"),
    ("L", "light / dark theme"),
    ("?", "this help"),
    ("q / Ctrl-C", "quit (always saves)"),
];

pub const SETUP_HELP: Help = &[
    ("a", "add initiatives (Enter adds the next, Esc stops)"),
    ("Enter / e", "rename the selected initiative"),
    ("D", "edit its description"),
    ("d", "delete it (its notes move to the first pane)"),
    ("K / J", "move it up / down"),
    ("t", "edit the session title"),
    ("Esc / i", "back to the workshop"),
];

pub const BRIEFING_HELP: Help = &[("a", "add initiatives (Enter adds the next, Esc stops)")];

pub const EDITOR_HELP: Help = &[
    ("Enter", "keep the text"),
    ("Alt+Enter", "new line (notes and long text)"),
    (
        "Esc",
        "stop: a note keeps what was typed; a cell or name stays as it was",
    ),
    ("Ctrl-U / Ctrl-R", "undo / redo typing"),
];

fn plain(key: &KeyEvent) -> bool {
    !key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

pub fn map(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::ForceQuit);
    }
    if app.editor.is_some() {
        return Some(Action::EditKey(key));
    }
    match app.overlay {
        Some(Overlay::ConfirmQuit) => {
            return match key.code {
                KeyCode::Char('y' | 'q') | KeyCode::Enter => Some(Action::ConfirmQuit),
                _ => Some(Action::CancelQuit),
            };
        }
        Some(Overlay::Help) => {
            return Some(match key.code {
                KeyCode::Down | KeyCode::Char('j') => Action::ScrollHelp(1),
                KeyCode::Up | KeyCode::Char('k') => Action::ScrollHelp(-1),
                KeyCode::PageDown | KeyCode::Char(' ') => Action::ScrollHelp(10),
                KeyCode::PageUp => Action::ScrollHelp(-10),
                _ => Action::Back,
            });
        }
        None => {}
    }
    if app.screen == Screen::Setup
        && let Some(a) = setup_key(&key)
    {
        return Some(Action::Setup(a));
    }
    if app.screen == Screen::Projector
        && let Some(action) = activity_key(app, key)
    {
        return Some(action);
    }
    global_key(&key)
}

fn global_key(key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('r' | 'y') => Some(Action::Redo),
            KeyCode::Char('z') => Some(Action::Undo),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(' ') => Action::ToggleClock,
        KeyCode::Char('n') | KeyCode::PageDown => Action::NextStep,
        KeyCode::Char('p') | KeyCode::PageUp => Action::PrevStep,
        KeyCode::Char(c @ '1'..='9') => Action::GoToStep(c as usize - '1' as usize),
        KeyCode::Char('+' | '=') => Action::AddMinute,
        KeyCode::Char('-' | '_') => Action::RemoveMinute,
        KeyCode::Char('R') => Action::Rebalance,
        KeyCode::Char('f') => Action::TogglePanel,
        KeyCode::Char('Z') => Action::ToggleZoom,
        KeyCode::Char('i') => Action::ToggleSetup,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('U') => Action::Redo,
        KeyCode::Char('x') => Action::ExportAll,
        KeyCode::Char('b') => Action::ToggleBell,
        KeyCode::Char('L') => Action::ToggleTheme,
        KeyCode::Char('?') | KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Back,
        _ => return None,
    })
}

fn setup_key(key: &KeyEvent) -> Option<SetupAction> {
    if !plain(key) {
        return None;
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => SetupAction::Up,
        KeyCode::Down | KeyCode::Char('j') => SetupAction::Down,
        KeyCode::Char('a') | KeyCode::Insert => SetupAction::Add,
        KeyCode::Enter | KeyCode::Char('e') => SetupAction::EditName,
        KeyCode::Char('D') => SetupAction::EditDescription,
        KeyCode::Char('d') | KeyCode::Delete => SetupAction::Delete,
        KeyCode::Char('K') => SetupAction::MoveUp,
        KeyCode::Char('J') => SetupAction::MoveDown,
        KeyCode::Char('t') => SetupAction::EditTitle,
        _ => return None,
    })
}

/// Keys of the current step's activity come before the global ones.
fn activity_key(app: &App, key: KeyEvent) -> Option<Action> {
    match app.activity() {
        Activity::Board(_) | Activity::Summary(_) if app.board_id().is_some() => {
            board::keys(key).map(Action::Board)
        }
        Activity::Table(_) => table::keys(key).map(Action::Table),
        // The review step lists the initiatives: let the room add them right there.
        Activity::Briefing(b)
            if b.show_initiatives && key.code == KeyCode::Char('a') && plain(&key) =>
        {
            Some(Action::Setup(SetupAction::Add))
        }
        _ => None,
    }
}

/// The bindings the help overlay shows right now, grouped under headings.
pub fn help(app: &App) -> Vec<(&'static str, Help)> {
    if app.editor.is_some() {
        return vec![("Editing", EDITOR_HELP)];
    }
    let mut sections = Vec::new();
    if app.screen == Screen::Setup {
        sections.push(("Initiatives", SETUP_HELP));
    } else {
        match app.activity() {
            Activity::Board(_) | Activity::Summary(_) if app.board_id().is_some() => {
                sections.push(("Board", board::HELP))
            }
            Activity::Table(_) => sections.push(("Action plan", table::HELP)),
            Activity::Briefing(b) if b.show_initiatives => {
                sections.push(("Initiatives", BRIEFING_HELP))
            }
            _ => {}
        }
    }
    sections.push(("Workshop", GLOBAL_HELP));
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::app;

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
        assert_eq!(help(&app).last().unwrap().0, "Workshop");
        assert_eq!(
            help(&app)[0].0,
            "Initiatives",
            "step 1 adds initiatives with a"
        );
        assert_eq!(map(&app, press('a')), Some(Action::Setup(SetupAction::Add)));
        app.update(Action::GoToStep(2));
        assert_eq!(help(&app)[0].0, "Board");
        app.update(Action::GoToStep(3));
        assert_eq!(help(&app)[0].0, "Action plan");
    }
}
