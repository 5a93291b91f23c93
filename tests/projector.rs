//! The projector screen, rendered through the update function into a test backend.

mod common;

use chrono::Duration;
use common::screen as draw_text;
use convene::app::{Action, App};
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> (App, FakeClock) {
    common::app_on(common::session(
        Template::default_template(),
        "City services 2027",
        &[
            ("Online building permits", "Apply and pay without a visit"),
            ("Open budget data", ""),
        ],
    ))
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    draw_text(app, width, height)
}

#[test]
fn first_step_running_at_80x24() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(75));
    let s = screen(&mut app, 80, 24);
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
    let s = screen(&mut app, 160, 48);
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
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("TIME IS UP"), "{s}");
    assert!(s.contains("01:20 over"), "{s}");
    assert!(s.contains("behind"), "the budget shows the delay: {s}");
}

#[test]
fn paused_clock_says_how_to_start() {
    let (mut app, _) = app();
    assert!(screen(&mut app, 80, 24).contains("PAUSED · Space to start"));
}

#[test]
fn tiny_terminals_still_show_the_time() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(1));
    for (w, h) in [(20, 6), (10, 3), (5, 1), (43, 11)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("04:59"), "{w}x{h}:\n{s}");
    }
    let mut empty = Terminal::new(TestBackend::new(0, 0)).unwrap();
    empty.draw(|f| convene::ui::draw(f, &app)).unwrap();
    assert!(
        screen(&mut app, 200, 60).contains("ON TIME"),
        "the big screen draws too"
    );
}

#[test]
fn help_lists_the_keys_and_any_key_closes_it() {
    let (mut app, _) = app();
    app.update(Action::ToggleHelp);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("start, pause or resume the clock"), "{s}");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('z'),
    ));
    assert!(!screen(&mut app, 100, 30).contains("start, pause or resume"));
}

#[test]
fn no_colour_still_marks_the_stage_in_words() {
    let (mut app, clock) = app();
    app.colour = false;
    app.update(Action::ToggleClock);
    clock.advance(Duration::minutes(4) + Duration::seconds(30));
    let buffer = common::draw(&mut app, 80, 24);
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    assert!(common::text_of(&buffer).contains("LAST MINUTE"));
}

#[test]
fn help_scrolls_when_the_keys_do_not_fit() {
    let (mut app, _) = app();
    app.update(Action::GoToStep(3));
    app.update(Action::ToggleHelp);
    let first = screen(&mut app, 80, 24);
    assert!(
        first.contains("▼ more") && !first.contains("quit (always saves)"),
        "{first}"
    );
    for _ in 0..6 {
        app.update(Action::ScrollHelp(10));
    }
    let last = screen(&mut app, 80, 24);
    assert!(last.contains("quit (always saves)"), "{last}");
    assert!(app.overlay.is_some(), "scrolling keeps the help open");
}

#[test]
fn a_long_message_wins_the_status_line_over_the_budget() {
    let (mut app, _) = app();
    let message = "Kept \"someday\", but it is not a date: agree on a real one";
    app.warn(message);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains(message), "{s}");
    assert!(s.contains("on schedule · ? help"), "the verdict stays: {s}");

    let longer = "Now an action of “Online building permits” in the plan (step 4)";
    app.say(longer);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains(longer), "a longer one gets the whole line: {s}");
}

#[test]
fn the_full_screen_clock_is_bigger_and_keeps_the_stage_in_words() {
    let (mut app, clock) = app();
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(5));
    let glyph_rows = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    let normal = screen(&mut app, 200, 60);
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('Z'),
    ));
    let zoomed = screen(&mut app, 200, 60);
    assert!(glyph_rows(&zoomed) > glyph_rows(&normal), "{zoomed}");
    assert!(
        zoomed.contains("ON TIME") && zoomed.contains("STEP 1 OF 6"),
        "{zoomed}"
    );
    assert!(!zoomed.contains("Facilitator"), "nothing but the clock");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('Z'),
    ));
    assert_eq!(screen(&mut app, 200, 60), normal);
}

/// Where `text` starts on the screen, cell by cell.
fn find_on_screen(app: &mut App, text: &str) -> (u16, u16) {
    let buf = common::draw(app, 80, 24);
    common::find(&buf, text).unwrap_or_else(|| panic!("{text:?} is not on screen"))
}

#[test]
fn a_click_on_the_agenda_strip_goes_to_that_step() {
    let (mut app, _) = app();
    let (column, row) = find_on_screen(&mut app, "4 Assign");
    app.update(Action::Click { column, row });
    assert_eq!(app.session.timing.current, 3, "the click went to step 4");
    let (column, row) = find_on_screen(&mut app, "1 Review");
    app.update(Action::Click { column, row });
    assert_eq!(app.session.timing.current, 0, "and back to step 1");
}

/// The example session (step 4 of the default workshop, rows the plan check flags).
fn example() -> App {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/example-workshop.json"
    );
    let session = convene::storage::load(std::path::Path::new(path)).unwrap();
    common::app_on(session).0
}

#[test]
fn the_session_title_uses_the_width_the_header_leaves() {
    let title = "City digital services 2027: permits, payments, open data";
    let (mut app, _) = common::app_on(common::session(Template::default_template(), title, &[]));
    let s = screen(&mut app, 120, 35);
    let header = s.lines().next().unwrap();
    assert!(header.contains(title), "{header}");
    let s = screen(&mut app, 80, 24);
    let header = s.lines().next().unwrap();
    assert!(
        header.trim_end().ends_with('…'),
        "cut, and says so: {header}"
    );
}

#[test]
fn the_one_line_panel_puts_the_remedy_first_and_marks_a_cut() {
    let mut app = example();
    app.update(Action::GoToStep(3));
    let s = screen(&mut app, 80, 24);
    let line = s.lines().nth(22).unwrap();
    assert!(
        line.starts_with(" → Explain that an owner is not the person"),
        "{line}"
    );
    assert!(line.trim_end().ends_with('…'), "{line}");
}

#[test]
fn a_short_summary_keeps_the_plan_check_and_says_what_is_below() {
    let mut app = example();
    app.update(Action::GoToStep(5));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("▲ 4 actions have no measure"), "{s}");
    assert!(s.contains("more ┘"), "a cut summary says so:\n{s}");
}

#[test]
fn the_set_up_screen_keeps_a_small_clock_while_it_runs() {
    let (mut app, clock) = app();
    app.update(Action::ToggleSetup);
    assert!(
        !screen(&mut app, 80, 24).contains("running"),
        "paused: none"
    );
    app.update(Action::ToggleClock);
    clock.advance(Duration::seconds(75));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("03:45") && s.contains("running"), "{s}");
}

#[test]
fn a_tick_redraws_the_table_as_it_was_and_a_change_shows_at_once() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/example-workshop.json"
    );
    let session = convene::storage::load(std::path::Path::new(path)).unwrap();
    let (mut app, clock) = common::app_on(session);
    app.update(Action::GoToStep(3));
    app.update(Action::ToggleClock);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    // A redraw as the loop does it on a tick: no action first.
    let mut redraw = |app: &App| {
        terminal.draw(|f| convene::ui::draw(f, app)).unwrap();
        common::text_of(terminal.backend().buffer())
    };
    let first = screen(&mut app, 120, 35);
    for _ in 0..3 {
        clock.advance(Duration::seconds(1));
        app.tick();
        let ticked = redraw(&app);
        assert_ne!(ticked, first, "the countdown moved");
        assert_eq!(ticked, screen(&mut app, 120, 35), "as a fresh draw");
    }
    assert!(first.contains("Put the permit"));
    app.update(Action::Table(convene::app::table::TableAction::Delete));
    let changed = redraw(&app);
    assert!(
        changed.contains("1 Let applicants pay"),
        "the deleted row went at once:\n{changed}"
    );
}

#[test]
fn a_briefing_cut_by_the_panel_says_how_much_is_below() {
    let names = [
        "Permits",
        "Budget",
        "Front desk",
        "Parking",
        "Library",
        "Waste",
        "Parks",
    ];
    let (mut app, _) = common::default_app("City services 2027", &names);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("3. Front desk"), "{s}");
    assert!(s.contains("5. Library"), "{s}");
    assert!(s.contains("▼ 2 more"), "the last two are cut:\n{s}");
    app.update(Action::TogglePanel);
    assert!(
        !screen(&mut app, 80, 24).contains("more"),
        "all of it fits without the panel"
    );
}

#[test]
fn help_continuation_lines_sit_under_the_description() {
    let (mut app, _) = app();
    app.update(Action::GoToStep(3));
    app.update(Action::ToggleHelp);
    let s = screen(&mut app, 80, 24);
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Tab/Shift-Tab"))
        .expect("the table's Tab line");
    let column =
        |l: &str, text: &str| l.chars().count() - l[l.find(text).unwrap()..].chars().count();
    let description = column(lines[at], "next / previous cell");
    let next = lines[at + 1];
    let inner = next.trim_start_matches(' ').trim_start_matches('│');
    let first = next.chars().count() - inner.trim_start().chars().count();
    assert_eq!(first, description, "{}\n{next}", lines[at]);
}

/// The app sharing at a LAN address, its join panel shown (no server: the panel is
/// drawn from what the app knows).
fn sharing() -> App {
    use convene::app::share::{Live, ShareAction};
    let (mut app, _) = app();
    app.update(Action::Share(ShareAction::Panel));
    app.take_effects();
    app.shared(Ok(Live {
        url: "http://192.168.100.200:7878/j/K4TQ7M".into(),
        code: "K4TQ7M".into(),
    }));
    app
}

/// Reads the QR code the terminal drew back into an image (each cell's upper and
/// lower half, by colour) and decodes it, as a phone's camera would.
fn decode_qr(buf: &ratatui::buffer::Buffer, width: u16, height: u16) -> String {
    use convene::layout::share::{QrScale, panel};
    use ratatui::style::Color;
    let (side, _) = convene::ui::share::modules("http://192.168.100.200:7878/j/K4TQ7M").unwrap();
    let (area, scale) = panel(ratatui::layout::Rect::new(0, 0, width, height), side)
        .qr
        .expect("a QR code at this size");
    let dark = |c: Color| c == Color::Black;
    let module = |x: u16, y: u16| -> bool {
        match scale {
            QrScale::Half => {
                let cell = &buf[(area.x + x, area.y + y / 2)];
                assert_eq!(cell.symbol(), "▀");
                dark(if y.is_multiple_of(2) {
                    cell.fg
                } else {
                    cell.bg
                })
            }
            QrScale::Double => dark(buf[(area.x + 2 * x, area.y + y)].bg),
        }
    };
    // Four pixels a module, for the decoder's finder patterns.
    let px = 4usize;
    let n = usize::from(side) * px;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(n, n, |x, y| {
        if module((x / px) as u16, (y / px) as u16) {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on screen");
    grids[0].decode().expect("the code decodes").1
}

#[test]
fn the_join_panel_draws_a_qr_code_that_decodes_to_the_address() {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut app = sharing();
        let buf = common::draw(&mut app, width, height);
        assert_eq!(
            decode_qr(&buf, width, height),
            "http://192.168.100.200:7878/j/K4TQ7M",
            "at {width}x{height}"
        );
    }
}

#[test]
fn snapshot_join_panel_80x24() {
    let mut app = sharing();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("http://192.168.100.200:7878/j/K4TQ7M"));
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_join_panel_160x48() {
    let mut app = sharing();
    let s = screen(&mut app, 160, 48);
    insta::assert_snapshot!(s);
}

#[test]
fn too_small_for_a_code_the_address_and_code_still_show() {
    let mut app = sharing();
    let s = screen(&mut app, 60, 18);
    assert!(s.contains("Too small for a QR code"), "{s}");
    assert!(s.contains("http://192.168.100.200:7878/j/K4TQ7M"), "{s}");
}

#[test]
fn the_hidden_panel_leaves_a_badge_with_the_people() {
    use convene::app::share::ShareAction;
    let mut app = sharing();
    app.set_people(12);
    app.update(Action::Share(ShareAction::Panel));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("sharing · 12 people"), "{s}");
    assert!(!s.contains("Join from your phone"));
    let header = s.lines().next().unwrap();
    assert!(
        header.contains("… sharing · 12 people"),
        "the badge hides the end of the header, and says so: {header}"
    );
}

/// "Ask the mayor", sent from a phone to the first pane of the tasks board.
fn from_a_phone(app: &mut App, initials: &str) {
    let pane = app.session.boards["tasks"].panes[0].key.clone();
    app.update(Action::Room(convene::app::share::RoomAction::Note {
        ticket: 1,
        participant: "p".into(),
        pane,
        text: "Ask the mayor".into(),
        initials: initials.into(),
    }));
}

#[test]
fn the_badge_shows_the_oldest_note_waiting_in_the_inbox() {
    use convene::app::share::ShareAction;
    let mut app = sharing();
    app.update(Action::GoToStep(2));
    app.update(Action::Share(ShareAction::ToggleInbox));
    app.update(Action::Share(ShareAction::Panel));
    from_a_phone(&mut app, "");
    // Without a mirror the projector is the room's screen: the count only.
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("1 waiting E/X/A"), "{s}");
    assert!(!s.contains("Ask the mayor"), "a note not yet accepted: {s}");
    // With a mirror on the projector, the facilitator's console reads the next note.
    app.set_mirrors(1);
    app.session.settings.console = true;
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("1 waiting, next “Ask the mayor” E/X/A"), "{s}");
    assert!(
        !s.lines().skip(1).any(|l| l.contains("Ask the mayor")),
        "not on the board until accepted"
    );
}

#[test]
fn the_join_panel_draws_at_every_size_without_a_panic() {
    let mut app = sharing();
    for width in (20..=130).step_by(7) {
        for height in (6..=50).step_by(3) {
            let s = screen(&mut app, width, height);
            assert!(!s.is_empty());
        }
    }
}

#[test]
fn a_note_from_a_phone_says_so_on_its_card() {
    let mut app = sharing();
    app.update(Action::GoToStep(2));
    from_a_phone(&mut app, "AB");
    app.update(Action::Share(convene::app::share::ShareAction::Panel));
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("Ask the mayor") && s.contains("room AB"), "{s}");
}
