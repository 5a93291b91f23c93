//! The room's screen (what a mirror draws), the facilitator's console, and a change
//! made to the session file outside convene, through the app on a fake clock.

mod common;

use chrono::Duration;
use common::{app_at, key, start, text_of};
use convene::app::Effect;
use convene::app::outside::Copy;
use convene::domain::room::RoomView;
use convene::domain::session::Session;
use convene::storage::autosave::{Autosaver, SaveReport};
use convene::storage::watch::{Fingerprints, Seen, Watch};
use convene::ui::theme::Theme;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::Instant;

fn example() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-workshop.json");
    convene::storage::load(&path).unwrap()
}

/// The example session at `step`, its clock paused, as the room sees it.
fn room_screen(step: usize, width: u16, height: u16, notice: Option<&str>) -> String {
    let mut session = example();
    session.timing.current = step;
    let room = RoomView::of(&session, start() + Duration::minutes(30));
    let theme = Theme::new(room.theme, true);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| convene::ui::room::draw(f, &room, notice, None, &theme))
        .unwrap();
    text_of(terminal.backend().buffer())
}

#[test]
fn the_room_sees_the_board_with_no_focus_and_no_hints() {
    let screen = room_screen(2, 120, 35, None);
    insta::assert_snapshot!(screen);
    assert!(!screen.contains('┏'), "no card or pane drawn as focused");
    assert!(!screen.contains("Facilitator"));
}

#[test]
fn the_room_sees_every_initiatives_actions_without_the_plan_check() {
    let screen = room_screen(3, 120, 35, None);
    insta::assert_snapshot!(screen);
    assert!(!screen.contains('▲'), "no plan-check marks");
    assert!(screen.contains("Online building permits (3)"));
    assert!(screen.contains("Open budget data"));
}

#[test]
fn the_room_is_told_when_nobody_runs_the_session() {
    let screen = room_screen(0, 80, 24, Some("Waiting for the facilitator"));
    insta::assert_snapshot!(screen);
    assert!(
        screen
            .lines()
            .nth(23)
            .unwrap()
            .contains("Waiting for the facilitator")
    );
}

#[test]
fn the_console_shows_the_next_step_the_tips_and_the_budget_beside_the_activity() {
    let (mut app, _) = app_at(example(), start() + Duration::minutes(30));
    app.update(convene::app::Action::GoToStep(2));
    app.update(convene::app::Action::ToggleConsole);
    assert!(
        !common::screen(&mut app, 120, 35).contains("Console"),
        "no mirror yet"
    );
    app.set_mirrors(1);
    let screen = common::screen(&mut app, 120, 35);
    insta::assert_snapshot!(screen);
    for part in [
        "Next: 4 Assign owners",
        "Tips",
        "Time budget",
        "Console (m: room layout)",
    ] {
        assert!(screen.contains(part), "{part}:\n{screen}");
    }
    // The activity keeps its keys: a note added in the console is in the session.
    common::press(&mut app, KeyCode::Char('a'));
    common::type_text(&mut app, "From the console");
    common::press(&mut app, KeyCode::Enter);
    common::press(&mut app, KeyCode::Esc);
    let board = &app.session.boards["tasks"];
    assert!(
        board.panes[0]
            .notes
            .iter()
            .any(|n| n.text == "From the console")
    );
}

/// Typing a note changes nothing on disk until it is kept: the autosaver is handed
/// nothing per keystroke, and once per kept note.
#[test]
fn a_note_being_typed_is_not_saved_per_keystroke() {
    let (mut app, _) = app_at(example(), start());
    app.update(convene::app::Action::GoToStep(2));
    app.take_changed();
    common::press(&mut app, KeyCode::Char('a'));
    for c in "A long note".chars() {
        common::press_char(&mut app, c);
        assert!(app.take_changed().is_none(), "nothing saved while typing");
    }
    app.handle_key(key(KeyCode::Enter));
    assert!(app.take_changed().is_some(), "the kept note is saved");
}

#[test]
fn a_file_rewritten_outside_is_noticed_asked_about_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.json");
    let ours_text = convene::storage::to_json(&example());
    convene::storage::save(&path, &ours_text).unwrap();
    let ours = Fingerprints::default();
    ours.add(&ours_text);
    let (mut app, clock) = app_at(example(), start());
    app.path = path.clone();
    let (tx, seen) = channel();
    let _watch = Watch::start(&path, None, ours.clone(), move |s| {
        let _ = tx.send(s);
    })
    .unwrap();

    // Someone edits the file by hand, in place, while the workshop runs.
    let mut theirs = example();
    theirs.title = "Edited by hand".into();
    let written = Instant::now();
    std::fs::write(&path, convene::storage::to_json(&theirs)).unwrap();
    let (text, session) = loop {
        match seen.recv_timeout(common::pty::DEADLINE).expect("noticed") {
            Seen::Version { text, session } => break (text, session),
            _ => continue,
        }
    };
    let noticed = written.elapsed();
    assert!(noticed < std::time::Duration::from_secs(1), "{noticed:?}");
    app.outside_change(text.clone(), session.map(|s| *s).map_err(|e| e.reason));
    clock.advance(Duration::seconds(5));

    let screen = common::screen(&mut app, 100, 32);
    assert!(screen.contains("changed outside convene"), "{screen}");
    assert!(screen.contains("workshop.conflict.json"), "{screen}");
    common::press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.session.timing.current,
        example().timing.current,
        "keys wait"
    );
    assert!(
        app.take_changed().is_none(),
        "nothing goes to disk meanwhile"
    );

    // Keep ours: the loop's order is theirs copied, agreed to, then ours saved.
    common::press(&mut app, KeyCode::Char('k'));
    let (reports_tx, reports) = channel();
    let mut saver = Autosaver::start(path.clone(), ours.clone(), move |r| {
        let _ = reports_tx.send(r);
    });
    for effect in app.take_effects() {
        match effect {
            Effect::Keep(Copy::Theirs(text)) => saver.keep(text),
            Effect::Accept(text) => ours.add(&text),
            other => panic!("{other:?}"),
        }
    }
    saver.save(app.take_changed().expect("ours is saved"));
    let deadline = common::pty::DEADLINE;
    let Ok(SaveReport::Kept(Ok(copy))) = reports.recv_timeout(deadline) else {
        panic!("theirs is kept first")
    };
    assert!(matches!(
        reports.recv_timeout(deadline),
        Ok(SaveReport::Saved(_))
    ));
    saver.finish().unwrap();
    assert_eq!(copy, dir.path().join("workshop.conflict.json"));
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        text,
        "theirs, whole"
    );
    let saved = convene::storage::load(&path).unwrap();
    assert_eq!(saved.title, example().title, "ours is the session again");
}
