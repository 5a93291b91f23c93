//! The application state and its update function: actions in, state changes and
//! effects (save, bell, export) out. No terminal and no disk here.

pub mod action;
pub mod board;
pub mod editor;
mod fields;
pub mod groups;
pub mod history;
pub mod keys;
pub mod outside;
mod painted;
mod review;
pub mod roster;
pub mod setup;
pub mod share;
mod status;
pub mod table;
mod timing;

pub use action::{Action, SetupAction};
pub use keys::{KeyPatch, KeyProblem, Keymap};
pub use painted::{PaintKey, Painted};
pub use status::Status;

use crate::domain::session::{Session, ThemeName};
use crate::domain::template::Activity;
use crate::domain::timer::{Clock, Stage};
use crate::layout::{self, projector::Projector};
use crossterm::event::KeyEvent;
use editor::{EditOutcome, EditTarget, Editor};
use history::History;
use keys::Key;
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The step on the projector.
    Projector,
    /// The list of initiatives being planned.
    Setup,
    /// The people of the plan: who must be told, and how to reach them.
    Roster,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// "Stop sharing?": the share key pressed with the panel hidden.
    ConfirmStopSharing,
}

/// Side effects the update asks for; the runner carries them out off the key path.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Bell,
    /// Write every export format for this copy of the session.
    Export(Box<Session>),
    /// Keep this version in a conflict copy beside the session, before any later save.
    Keep(outside::Copy),
    /// The facilitator answered for this version of the file written outside: saving
    /// over it is no longer overwriting someone's work.
    Accept(String),
    /// Start the server for the room's phones (answered with `App::shared`).
    StartSharing,
    StopSharing,
    /// The answer for the phone waiting on `ticket`.
    Reply {
        ticket: u64,
        result: Result<share::Accepted, crate::domain::share::Refusal>,
    },
}

pub struct App {
    pub session: Session,
    /// Where the session is saved.
    pub path: PathBuf,
    clock: Arc<dyn Clock>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub editor: Option<Editor>,
    pub setup: setup::SetupUi,
    pub roster: roster::RosterUi,
    pub board: board::BoardUi,
    pub table: table::TableUi,
    pub groups: groups::GroupsUi,
    /// Sharing with the room's phones.
    pub share: share::ShareUi,
    /// The first group the plenary shows, when they do not all fit side by side.
    pub plenary: usize,
    pub history: History,
    /// The keys, set at start-up from the user's config (the defaults in tests).
    pub keymap: Keymap,
    pub status: Option<Status>,
    /// Use colour at all (`NO_COLOR` turns it off).
    pub colour: bool,
    pub should_quit: bool,
    /// Only the clock is on screen (for long stretches of group work).
    pub zoom: bool,
    /// First line of the help overlay shown (it scrolls on small screens).
    pub help_scroll: u16,
    /// The last save failed: shown until a save succeeds.
    pub save_error: Option<String>,
    /// Mirrors following the session (from the folder watcher).
    pub mirrors: usize,
    /// A version of the file written outside, waiting for an answer.
    pub outside: Option<outside::Outside>,
    /// The local time zone, for clock times shown to the room.
    pub offset: chrono::FixedOffset,
    /// The terminal's size, as last reported: the board and the table are laid out on
    /// it to move the focus, keep it in view and hit-test clicks, as the view draws them.
    viewport: Rect,
    /// The session changed since the last hand-off to the autosaver.
    changed: bool,
    /// The last change recorded for undo whose effect on the rows' history is written.
    history_written: u64,
    effects: Vec<Effect>,
    last_stage: Stage,
    /// Moves on with every change to what the step's activity shows.
    generation: u64,
    /// The activity as last drawn, for the clock's ticks.
    pub painted: Painted,
}

impl App {
    pub fn new(session: Session, path: PathBuf, clock: Arc<dyn Clock>) -> App {
        let last_stage = session.countdown(clock.now()).stage;
        let mut app = App {
            session,
            path,
            clock,
            screen: Screen::Projector,
            overlay: None,
            editor: None,
            setup: setup::SetupUi::default(),
            roster: roster::RosterUi::default(),
            board: board::BoardUi::default(),
            table: table::TableUi::default(),
            groups: groups::GroupsUi::default(),
            share: share::ShareUi::default(),
            plenary: 0,
            history: History::default(),
            keymap: Keymap::default(),
            status: None,
            colour: true,
            should_quit: false,
            zoom: false,
            help_scroll: 0,
            save_error: None,
            mirrors: 0,
            outside: None,
            offset: chrono::FixedOffset::east_opt(0).expect("zero offset"),
            viewport: Rect::new(0, 0, 80, 24),
            changed: false,
            history_written: 0,
            effects: Vec::new(),
            last_stage,
            generation: 0,
            painted: Painted::default(),
        };
        // A session reopened on its groups step shows the groups at once.
        app.form_groups();
        app
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.now().with_timezone(&self.offset).date_naive()
    }

    /// A key press; returns whether it did anything (a key bound to nothing here
    /// changes nothing, so the screen needs no redraw).
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        match keys::map(self, key) {
            Some(action) => {
                self.update(action);
                true
            }
            None => false,
        }
    }

    pub fn update(&mut self, action: Action) {
        self.generation += 1;
        let typing = matches!(action, Action::EditKey(_) | Action::Paste(_));
        // A message stays until the next thing the facilitator does.
        // Nor does a phone's note: the facilitator did nothing.
        let quiet = matches!(action, Action::Resize { .. } | Action::Room(_));
        if !typing && !quiet {
            self.status = None;
        }
        if self.act(action) {
            self.keep_focus_in_view();
        }
        // Changes that do not pass through `after_content_change`.
        self.record_row_history();
        self.expire_status();
        self.check_stage();
    }

    /// Carries out an action; returns whether what is laid out on screen may have
    /// moved (typing into an open editor moves nothing).
    fn act(&mut self, action: Action) -> bool {
        let now = self.now();
        match action {
            Action::ToggleClock => {
                self.session.clock_mut().toggle(now);
                self.touch();
            }
            Action::NextStep => self.go_to(self.session.clock().current + 1),
            Action::PrevStep => self.go_to(self.session.clock().current.saturating_sub(1)),
            Action::GoToStep(i) => self.go_to(i),
            Action::AskStep => {
                let steps = self.session.steps().len();
                self.editor = Some(Editor::new(
                    EditTarget::Step,
                    format!("Go to step (1–{steps}), Enter"),
                    "",
                    false,
                ));
            }
            Action::AddMinute => self.adjust_minutes(1),
            Action::RemoveMinute => self.adjust_minutes(-1),
            Action::Rebalance => self.rebalance(),
            Action::ToggleZoom => self.zoom = !self.zoom,
            Action::TogglePanel => {
                self.session.settings.show_panel = !self.session.settings.show_panel;
                self.touch();
            }
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::ScrollHelp(lines) => {
                // The view stops at the last line; this only keeps the number sane.
                self.help_scroll = self.help_scroll.saturating_add_signed(lines).min(500);
            }
            Action::ToggleTheme => {
                let settings = &mut self.session.settings;
                settings.theme = match settings.theme {
                    ThemeName::Light => ThemeName::Dark,
                    ThemeName::Dark => ThemeName::Light,
                };
                self.touch();
            }
            Action::ToggleBell => {
                let bell = !self.session.settings.bell;
                self.session.settings.bell = bell;
                self.say(if bell {
                    "Bell on: it rings when time is up"
                } else {
                    "Bell off"
                });
                self.touch();
            }
            Action::ToggleConsole => self.toggle_console(),
            Action::ToggleReview => self.toggle_review(),
            Action::ToggleRoster => self.toggle_roster(),
            Action::Roster(a) => self.roster_action(a),
            Action::NextReview => self.edit_next_review(),
            Action::ReloadTheirs => self.reload_theirs(),
            Action::KeepOurs => self.keep_ours(),
            Action::ToggleSetup => {
                self.screen = match self.screen {
                    Screen::Setup => Screen::Projector,
                    _ => Screen::Setup,
                }
            }
            Action::Back => {
                if self.overlay.is_some() {
                    self.overlay = None;
                } else if self.screen != Screen::Projector {
                    self.screen = Screen::Projector;
                } else {
                    self.activity_back();
                }
            }
            Action::Undo => match self.history.undo(&mut self.session) {
                Some(what) => {
                    self.say(format!("Undone: {what}"));
                    self.after_content_change();
                    // Undoing past the groups' forming leaves the step with groups.
                    self.form_groups();
                }
                None => self.say("Nothing to undo"),
            },
            Action::Redo => match self.history.redo(&mut self.session) {
                Some(what) => {
                    self.say(format!("Redone: {what}"));
                    self.after_content_change();
                }
                None => self.say("Nothing to redo"),
            },
            Action::ExportAll => {
                self.effects
                    .push(Effect::Export(Box::new(self.session.clone())));
                self.say("Exporting…");
            }
            Action::Setup(a) => self.setup_action(a),
            Action::Board(a) => self.board_action(a),
            Action::Table(a) => self.table_action(a),
            Action::Groups(a) => self.groups_action(a),
            Action::EditFields => self.edit_fields(),
            Action::Share(a) => self.share_action(a),
            Action::Room(a) => self.room_action(a),
            Action::PlenaryPage { forward } => {
                let groups = self.session.groups.as_ref().map_or(0, |g| g.count as usize);
                let width = self
                    .activity_area()
                    .and_then(|area| layout::projector::plenary_area(area, &self.session))
                    .map_or(0, |area| area.width);
                let first = if forward {
                    self.plenary + 1
                } else {
                    self.plenary.saturating_sub(1)
                };
                // Kept where the view stops, so the other key moves back at once.
                self.plenary = layout::groups::plenary_page(width, groups, first).1;
            }
            Action::EditKey(key) => return self.edit_key(key) != EditOutcome::Editing,
            Action::Paste(text) => {
                let opens = self.editor.is_none();
                // A paste with nothing open starts a note on a board, or edits the
                // focused cell of the table, so it never vanishes.
                if self.editor.is_none()
                    && self.screen == Screen::Projector
                    && self.overlay.is_none()
                {
                    if let Activity::Table(_) = self.activity() {
                        // Like a spreadsheet, a paste replaces the cell (u undoes).
                        self.table_action(table::TableAction::Edit);
                        self.editor = self.editor.take().map(Editor::with_text_selected);
                    } else {
                        self.board_action(board::BoardAction::Add);
                    }
                }
                if let Some(editor) = &mut self.editor {
                    editor.paste(&text);
                }
                return opens;
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Resize { width, height } => self.viewport = Rect::new(0, 0, width, height),
            Action::Quit => self.overlay = Some(Overlay::ConfirmQuit),
            Action::ConfirmQuit | Action::ForceQuit => {
                self.commit_open_editor();
                self.should_quit = true;
            }
            Action::CancelQuit => self.overlay = None,
        }
        true
    }

    /// Scrolls the board's panes and the table's window so the focus shows, as the
    /// view will draw them.
    fn keep_focus_in_view(&mut self) {
        self.board.clamp(&self.session);
        if let Some(layout) = self.board_layout() {
            for pl in &layout.panes {
                if let Some(s) = self.board.scroll.get_mut(pl.index) {
                    *s = pl.scroll;
                }
            }
        }
        if let Some(window) = self.table_window() {
            self.table.window = window;
        }
    }

    /// The projector's areas on the terminal, when they show (not the set-up screen,
    /// the full-screen clock, the console or a screen too small for them).
    fn projector_screen(&self) -> Option<Rect> {
        let shown = self.screen == Screen::Projector && !self.zoom && !layout::tiny(self.viewport);
        shown.then_some(self.viewport)
    }

    /// Where the step's activity is drawn: on the projector screen or the console.
    fn activity_area(&self) -> Option<Rect> {
        let screen = self.projector_screen()?;
        Some(if self.console_shows() {
            layout::console::Console::new(screen).activity
        } else {
            Projector::new(screen, &self.session).activity
        })
    }

    /// What the activity drawn now depends on: the tick's redraw reuses the last one
    /// drawn for the same key. An open editor is drawn afresh (its box may reach
    /// past the activity).
    pub fn paint_key(&self, area: Rect) -> Option<PaintKey> {
        self.editor.is_none().then(|| PaintKey {
            generation: self.generation,
            area,
            today: self.today(),
        })
    }

    /// A change made outside `update` (a report from the loop).
    fn changed_outside(&mut self) {
        self.generation += 1;
    }

    /// Called on every clock tick: rings the bell once when time runs out.
    pub fn tick(&mut self) {
        self.expire_status();
        self.check_stage();
    }

    fn check_stage(&mut self) {
        let countdown = self.session.countdown(self.now());
        let stage = countdown.stage;
        if stage == Stage::Overtime
            && self.last_stage != Stage::Overtime
            && countdown.running
            && self.session.settings.bell
        {
            self.effects.push(Effect::Bell);
        }
        self.last_stage = stage;
    }

    /// Milliseconds until something on screen changes by itself, if anything will.
    pub fn ms_to_next_change(&self) -> Option<i64> {
        let countdown = self.session.countdown(self.now());
        let clock = countdown.running.then(|| countdown.ms_to_next_change());
        // The loop wakes once more for a message to fade.
        match (clock, self.ms_to_status_fade()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn go_to(&mut self, step: usize) {
        let last = self.session.steps().len() - 1;
        if step > last {
            self.say("This is the last step");
            return;
        }
        self.commit_open_editor();
        let now = self.now();
        self.session.clock_mut().go_to(step, now);
        self.board = board::BoardUi::keeping_view(&self.board);
        self.table.on_step_change();
        self.plenary = 0;
        self.form_groups();
        self.touch();
    }

    /// Marks the session as changed so the autosaver picks it up.
    fn touch(&mut self) {
        self.changed = true;
    }

    /// Before a content change: remember how it was, for undo.
    fn record(&mut self, what: impl Into<String>) {
        self.history.record(&self.session, what);
        self.changed = true;
    }

    fn after_content_change(&mut self) {
        // Before anything looks at the rows: the review's order reads their history.
        self.record_row_history();
        self.session.sync_boards();
        self.board.clamp(&self.session);
        self.table.clamp(&self.session);
        self.setup.clamp(self.session.initiatives.len());
        self.changed = true;
    }

    /// Hands the session to the autosaver if it changed since last time; nothing
    /// while a version written outside waits for an answer (it is not overwritten).
    pub fn take_changed(&mut self) -> Option<Session> {
        if self.outside.is_none() && std::mem::take(&mut self.changed) {
            self.session.saved_at = self.now();
            Some(self.session.clone())
        } else {
            None
        }
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn activity(&self) -> &Activity {
        &self.session.current_step().activity
    }

    fn edit_key(&mut self, key: KeyEvent) -> EditOutcome {
        let Some(editor) = &mut self.editor else {
            return EditOutcome::Editing;
        };
        let outcome = match self.keymap.edit_command(Key::from(key)) {
            Some(command) => editor.command(command),
            None => {
                editor.key(key);
                EditOutcome::Editing
            }
        };
        match outcome {
            EditOutcome::Editing => {}
            EditOutcome::Commit => {
                let editor = self.editor.take().expect("editor is open");
                self.commit(editor, false);
            }
            EditOutcome::Cancel => {
                let editor = self.editor.take().expect("editor is open");
                self.cancel(editor);
            }
        }
        outcome
    }

    /// Keeps what is being typed when the facilitator leaves in a hurry (step change, quit).
    fn commit_open_editor(&mut self) {
        if let Some(editor) = self.editor.take() {
            self.commit(editor, true);
        }
    }

    /// `leaving`: the commit comes from moving away, so no follow-up editor opens.
    fn commit(&mut self, editor: Editor, leaving: bool) {
        let text = editor.text();
        let next = match editor.target {
            EditTarget::Board(edit) => self.commit_board_edit(edit, text),
            EditTarget::Table(edit) => self.commit_table_edit(edit, text),
            EditTarget::Field(key) => self.commit_field(key, text),
            EditTarget::Participants => self.commit_participants(text),
            EditTarget::Step => self.commit_step(&text),
            EditTarget::Dots => self.commit_dots(&text),
            EditTarget::Person {
                index,
                field,
                chain,
            } => self.commit_person(index, field, chain, &text),
            EditTarget::NextReview => {
                self.commit_next_review(&text);
                None
            }
            target => self.commit_setup_edit(target, text),
        };
        if !leaving {
            self.editor = next;
        }
    }

    fn cancel(&mut self, editor: Editor) {
        let text = editor.text();
        if let EditTarget::Board(edit) = editor.target {
            self.cancel_board_edit(edit, text);
        }
    }

    /// Goes to the step whose number was typed.
    fn commit_step(&mut self, text: &str) -> Option<Editor> {
        let steps = self.session.steps().len();
        match text.trim().parse::<usize>() {
            Ok(n) if (1..=steps).contains(&n) => self.go_to(n - 1),
            _ if text.trim().is_empty() => {}
            _ => self.warn(format!(
                "No step {:?}: the steps go from 1 to {steps}",
                text.trim()
            )),
        }
        None
    }

    fn activity_back(&mut self) {
        if let Activity::Table(_) = self.activity() {
            self.table_action(table::TableAction::Back);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.editor.is_some() || self.overlay.is_some() {
            return;
        }
        let Some(screen) = self.projector_screen() else {
            return;
        };
        let steps = self.session.steps().len();
        // The console has no agenda strip.
        let strip = (!self.console_shows()).then(|| Projector::new(screen, &self.session));
        match strip.and_then(|p| p.step_at(steps, column, row)) {
            Some(step) => self.go_to(step),
            None => self.board_click(column, row),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::template::Template;
    use crate::domain::timer::FakeClock;
    use chrono::{DateTime, Duration, Utc};

    pub fn start() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    pub fn app() -> (App, FakeClock) {
        let clock = FakeClock::new(start());
        let session = Session::new(Template::default_template(), "Test workshop", start());
        let app = App::new(session, PathBuf::from("test.json"), Arc::new(clock.clone()));
        (app, clock)
    }

    /// Types into the open editor and presses Enter.
    pub fn type_line(app: &mut App, text: &str) {
        use crossterm::event::{KeyCode, KeyModifiers};
        for c in text.chars() {
            app.update(Action::EditKey(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        app.update(Action::EditKey(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        )));
    }

    #[test]
    fn space_starts_the_clock_and_steps_move_on() {
        let (mut app, clock) = app();
        app.update(Action::ToggleClock);
        clock.advance(Duration::seconds(61));
        assert_eq!(app.session.countdown(app.now()).text(), "03:59");
        app.update(Action::NextStep);
        assert_eq!(app.session.timing.current, 1);
        assert_eq!(app.session.countdown(app.now()).text(), "05:00");
        assert!(
            app.take_changed().is_some(),
            "a change is handed to the autosaver"
        );
        assert!(app.take_changed().is_none(), "and only once");
    }

    #[test]
    fn the_bell_rings_once_at_time_up_when_enabled() {
        let (mut app, clock) = app();
        app.update(Action::ToggleBell);
        app.update(Action::ToggleClock);
        clock.advance(Duration::minutes(5) + Duration::seconds(1));
        app.tick();
        assert_eq!(app.take_effects(), vec![Effect::Bell]);
        clock.advance(Duration::seconds(1));
        app.tick();
        assert!(app.take_effects().is_empty());
    }

    #[test]
    fn quitting_asks_first() {
        let (mut app, _) = app();
        app.update(Action::Quit);
        assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
        app.update(Action::CancelQuit);
        assert!(!app.should_quit);
        app.update(Action::Quit);
        app.update(Action::ConfirmQuit);
        assert!(app.should_quit);
    }

    #[test]
    fn the_clock_sleeps_when_paused() {
        let (mut app, clock) = app();
        assert_eq!(app.ms_to_next_change(), None);
        app.update(Action::ToggleClock);
        clock.advance(Duration::milliseconds(300));
        assert_eq!(app.ms_to_next_change(), Some(700));
    }
}
