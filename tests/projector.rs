//! The projector screen, rendered through the update function into a test backend.

use chrono::{DateTime, Duration, Utc};
use convene::app::{Action, App};
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::sync::Arc;

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn app() -> (App, FakeClock) {
    let clock = FakeClock::new(start());
    let mut session = Session::new(Template::default_template(), "City services 2027", start());
    session.add_initiative("Online building permits", "Apply and pay without a visit");
    session.add_initiative("Open budget data", "");
    (
        App::new(session, PathBuf::from("t.json"), Arc::new(clock.clone())),
        clock,
    )
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| convene::ui::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn first_step_running_at_80x24() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(75));
    let s = screen(&app, 80, 24);
    assert!(s.contains("STEP 1 OF 6"));
    assert!(s.contains("ON TIME"));
    assert!(
        s.contains("Online building permits"),
        "the review step lists the initiatives"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn task_step_in_warning_at_160x48() {
    let (mut app, clock) = app();
    app.update(Action::GoToStep(2));
    app.update(Action::ToggleClock);
    clock.advance(Duration::minutes(12) + Duration::seconds(30));
    let s = screen(&app, 160, 48);
    assert!(s.contains("TIME RUNNING LOW"));
    assert!(
        s.contains("If the room struggles"),
        "the panel shows the step's challenge"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn overtime_says_time_is_up_and_counts_on() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::minutes(6) + Duration::seconds(20));
    let s = screen(&app, 80, 24);
    assert!(s.contains("TIME IS UP"), "{s}");
    assert!(s.contains("01:20 over"), "{s}");
    assert!(s.contains("behind"), "the budget shows the delay: {s}");
}

#[test]
fn paused_clock_says_how_to_start() {
    let (app, _) = app();
    assert!(screen(&app, 80, 24).contains("PAUSED · Space to start"));
}

#[test]
fn tiny_terminals_still_show_the_time() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(1));
    for (w, h) in [(20, 6), (10, 3), (5, 1), (43, 11)] {
        let s = screen(&app, w, h);
        assert!(s.contains("04:59"), "{w}x{h}:\n{s}");
    }
    let mut empty = Terminal::new(TestBackend::new(0, 0)).unwrap();
    empty.draw(|f| convene::ui::draw(f, &app)).unwrap();
    assert!(
        screen(&app, 200, 60).contains("ON TIME"),
        "the big screen draws too"
    );
}

#[test]
fn help_lists_the_keys_and_any_key_closes_it() {
    let (mut app, _) = app();
    app.update(Action::ToggleHelp);
    let s = screen(&app, 100, 30);
    assert!(s.contains("start, pause or resume the clock"), "{s}");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('z'),
    ));
    assert!(!screen(&app, 100, 30).contains("start, pause or resume"));
}

#[test]
fn no_colour_still_marks_the_stage_in_words() {
    let (mut app, clock) = app();
    app.colour = false;
    app.update(Action::ToggleClock);
    clock.advance(Duration::minutes(4) + Duration::seconds(30));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| convene::ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    assert!(terminal.backend().to_string().contains("LAST MINUTE"));
}

#[test]
fn help_scrolls_when_the_keys_do_not_fit() {
    let (mut app, _) = app();
    app.update(Action::GoToStep(3));
    app.update(Action::ToggleHelp);
    let first = screen(&app, 80, 24);
    assert!(
        first.contains("▼ more") && !first.contains("quit (always saves)"),
        "{first}"
    );
    for _ in 0..4 {
        app.update(Action::ScrollHelp(10));
    }
    let last = screen(&app, 80, 24);
    assert!(last.contains("quit (always saves)"), "{last}");
    assert!(app.overlay.is_some(), "scrolling keeps the help open");
}

#[test]
fn a_long_message_wins_the_status_line_over_the_budget() {
    let (mut app, _) = app();
    let message = "Kept \"someday\", but it is not a date: agree on a real one";
    app.warn(message);
    let s = screen(&app, 80, 24);
    assert!(s.contains(message), "{s}");
    assert!(s.contains("on schedule · ? help"), "the verdict stays: {s}");

    let longer = "Now an action of “Online building permits” in the plan (step 4)";
    app.say(longer);
    let s = screen(&app, 80, 24);
    assert!(s.contains(longer), "a longer one gets the whole line: {s}");
}

#[test]
fn the_full_screen_clock_is_bigger_and_keeps_the_stage_in_words() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(5));
    let glyph_rows = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    let normal = screen(&app, 200, 60);
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('Z'),
    ));
    let zoomed = screen(&app, 200, 60);
    assert!(glyph_rows(&zoomed) > glyph_rows(&normal), "{zoomed}");
    assert!(
        zoomed.contains("ON TIME") && zoomed.contains("STEP 1 OF 6"),
        "{zoomed}"
    );
    assert!(!zoomed.contains("Facilitator"), "nothing but the clock");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('Z'),
    ));
    assert_eq!(screen(&app, 200, 60), normal);
}

/// Where `text` starts on the screen, cell by cell.
fn find_on_screen(app: &App, text: &str) -> (u16, u16) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| convene::ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let n = text.chars().count();
    (0..24u16)
        .find_map(|y| {
            let line: Vec<&str> = (0..80u16).map(|x| buffer[(x, y)].symbol()).collect();
            (0..=80 - n)
                .find(|&x| line[x..x + n].concat() == text)
                .map(|x| (x as u16, y))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen"))
}

#[test]
fn a_click_on_the_agenda_strip_goes_to_that_step() {
    let (mut app, _) = app();
    app.viewport = ratatui::layout::Rect::new(0, 0, 80, 24);
    let (column, row) = find_on_screen(&app, "4 Assign");
    app.update(Action::Click { column, row });
    assert_eq!(app.session.timing.current, 3, "the click went to step 4");
    let (column, row) = find_on_screen(&app, "1 Review");
    app.update(Action::Click { column, row });
    assert_eq!(app.session.timing.current, 0, "and back to step 1");
}
