//! What the UI tests share: a workshop on a fake clock, keys as the facilitator
//! presses them, and the screen as text (one format for every snapshot).
#![allow(dead_code)]

pub mod pty;
pub mod room;

use chrono::{DateTime, TimeZone, Utc};
use convene::app::{Action, App};
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// Saturday 21 November 2026, 09:00 UTC: the workshop's day in every test.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
}

/// A new session of `template` titled `title`, with these initiatives (name, description).
pub fn session(template: Template, title: &str, initiatives: &[(&str, &str)]) -> Session {
    let mut session = Session::new(template, title, start());
    for (name, description) in initiatives {
        session.add_initiative(name, description);
    }
    session
}

/// The app on `session`, its clock at `now`.
pub fn app_at(session: Session, now: DateTime<Utc>) -> (App, FakeClock) {
    let clock = FakeClock::new(now);
    let app = App::new(session, PathBuf::from("test.json"), Arc::new(clock.clone()));
    (app, clock)
}

/// The app on `session` at the start of the workshop's day.
pub fn app_on(session: Session) -> (App, FakeClock) {
    app_at(session, start())
}

/// The default workshop with these initiatives (no descriptions).
pub fn default_app(title: &str, initiatives: &[&str]) -> (App, FakeClock) {
    let initiatives: Vec<(&str, &str)> = initiatives.iter().map(|n| (*n, "")).collect();
    app_on(session(Template::default_template(), title, &initiatives))
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

/// A character as a keyboard sends it: capitals come with Shift.
pub fn press_char(app: &mut App, c: char) {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.handle_key(KeyEvent::new(KeyCode::Char(c), modifiers));
}

/// Each character as a key press.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press_char(app, c);
    }
}

/// The screen drawn at `width` x `height`, after the app was told the terminal's size.
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| convene::ui::draw(frame, app))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text at `width` x `height`.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    text_of(&draw(app, width, height))
}

/// A buffer as text, one line per row, each wide character once.
pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        out.push_str(&row(buf, y).0);
        out.push('\n');
    }
    out
}

/// Row `y` as text, each wide character once, and the cell where each symbol starts
/// (its byte offset in the text, its x on screen).
fn row(buf: &Buffer, y: u16) -> (String, Vec<(usize, u16)>) {
    let (mut text, mut starts) = (String::new(), Vec::new());
    let mut skip = 0;
    for x in 0..buf.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buf[(x, y)].symbol();
        starts.push((text.len(), x));
        text.push_str(symbol);
        skip = symbol.width().max(1) - 1;
    }
    (text, starts)
}

/// Where `needle` starts on the screen (column and row of its first cell).
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let (text, starts) = row(buf, y);
        let i = text.find(needle)?;
        let x = starts
            .iter()
            .rev()
            .find(|(b, _)| *b <= i)
            .map_or(0, |(_, x)| *x);
        Some((x, y))
    })
}

/// The status line's message, or "".
pub fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file `tests/golden/<name>`, naming the first line
/// that differs; `UPDATE_GOLDEN=1` writes it anew.
pub fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .split('\n')
            .zip(actual.split('\n'))
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.split('\n').count().min(actual.split('\n').count()));
        panic!(
            "{} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (UPDATE_GOLDEN=1 regenerates it)",
            name,
            line + 1,
            expected.split('\n').nth(line),
            actual.split('\n').nth(line)
        );
    }
}
