//! Rows under rows (OGP: milestones under commitments) and a capped table, through the
//! update function: added under their parent, moved to another parent, deleted and
//! undone with it; the sixth commitment flagged; snapshots of the nested table.

mod common;

use common::{press, press_char, screen, status, type_text};
use convene::app::{Action, App};
use convene::domain::template::Template;
use crossterm::event::KeyCode;

/// The OGP roadmap at step `step` (1-based), on a fresh session.
fn app_at_step(step: usize) -> App {
    let session = common::session(Template::built_in("ogp-roadmap").unwrap(), "Riverton", &[]);
    let (mut app, _) = common::app_on(session);
    app.update(Action::GoToStep(step - 1));
    app
}

/// Writes a row's first cell and stops.
fn add(app: &mut App, text: &str) {
    press_char(app, 'o');
    type_text(app, text);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Esc);
}

/// Commitments written at step 7, then the milestones step.
fn with_commitments(n: usize) -> App {
    let mut app = app_at_step(7);
    for i in 1..=n {
        add(&mut app, &format!("Commitment {i}"));
    }
    app.update(Action::GoToStep(7));
    app
}

fn milestones(app: &App) -> Vec<(String, Option<u64>)> {
    app.session
        .tables
        .rows("milestones")
        .iter()
        .map(|r| (r.cell("milestone").to_string(), r.parent))
        .collect()
}

fn commitment(app: &App, i: usize) -> u64 {
    app.session.tables.rows("commitments")[i].id
}

#[test]
fn a_milestone_needs_a_commitment_first() {
    let mut app = app_at_step(8);
    press_char(&mut app, 'o');
    assert!(app.editor.is_none());
    assert!(
        status(&app).contains("Add a commitment first: each milestone belongs to one (step 6)"),
        "{}",
        status(&app)
    );
}

#[test]
fn milestones_go_under_their_commitment_and_move_to_another() {
    let mut app = with_commitments(2);
    add(&mut app, "Adopt the standard");
    add(&mut app, "Publish the data");
    let (first, second) = (commitment(&app, 0), commitment(&app, 1));
    assert_eq!(
        milestones(&app),
        [
            ("Adopt the standard".into(), Some(first)),
            ("Publish the data".into(), Some(first)),
        ]
    );
    press_char(&mut app, '>');
    assert_eq!(milestones(&app)[1].1, Some(second));
    assert!(
        status(&app).contains("Now under “Commitment 2”"),
        "{}",
        status(&app)
    );
    press_char(&mut app, '>');
    assert!(status(&app).contains("Already under the last commitment"));
    // J past the last milestone of a commitment moves it to the next one's.
    press_char(&mut app, 'k');
    press_char(&mut app, 'J');
    assert_eq!(milestones(&app)[0].1, Some(second));
    let screen = screen(&mut app, 120, 35);
    assert!(
        screen.contains("▸ Commitment 1 — no milestones yet"),
        "{screen}"
    );
}

#[test]
fn deleting_a_commitment_takes_its_milestones_and_undo_brings_all_back() {
    let mut app = with_commitments(2);
    add(&mut app, "Adopt the standard");
    add(&mut app, "Publish the data");
    app.update(Action::GoToStep(6));
    let screen = screen(&mut app, 160, 48);
    assert!(screen.contains("Commitment 1 · 2 milestones"), "{screen}");
    press_char(&mut app, 'g');
    press_char(&mut app, 'd');
    assert!(
        status(&app).contains("and its 2 milestones"),
        "{}",
        status(&app)
    );
    assert!(milestones(&app).is_empty());
    assert_eq!(app.session.tables.rows("commitments").len(), 1);
    press_char(&mut app, 'u');
    assert_eq!(milestones(&app).len(), 2);
    assert_eq!(app.session.tables.rows("commitments").len(), 2);
}

#[test]
fn the_sixth_commitment_is_flagged_not_refused() {
    let mut app = with_commitments(6);
    app.update(Action::GoToStep(6));
    app.session.settings.show_panel = false;
    assert_eq!(app.session.tables.rows("commitments").len(), 6);
    let screen = screen(&mut app, 160, 48);
    assert!(
        screen.contains("1 commitment is past the limit (5 in the plan)"),
        "{screen}"
    );
    // The plan check's hints, one after another, reach the row past the cap.
    let mut said = Vec::new();
    for _ in 0..30 {
        press_char(&mut app, '!');
        said.push(status(&app));
    }
    let cap = said
        .iter()
        .find(|s| s.contains("6 commitments: the plan holds at most 5"))
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert!(cap.starts_with("▲ Row 6"), "{cap}");
}

#[test]
fn any_step_is_reached_by_its_number() {
    let mut app = app_at_step(1);
    press_char(&mut app, ':');
    type_text(&mut app, "10");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.session.timing.current, 9);
    press_char(&mut app, ':');
    type_text(&mut app, "13");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.session.timing.current, 9);
    assert!(
        status(&app).contains("the steps go from 1 to 12"),
        "{}",
        status(&app)
    );
}

fn nested() -> App {
    let mut app = with_commitments(3);
    for text in [
        "Adopt the open contracting standard",
        "Publish a year of contracts",
    ] {
        add(&mut app, text);
    }
    press_char(&mut app, 'G');
    press_char(&mut app, '>');
    add(&mut app, "Stream the first hearing");
    app.session.settings.show_panel = false;
    app
}

#[test]
fn snapshot_nested_table_80x24() {
    let mut app = nested();
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn snapshot_nested_table_160x48() {
    let mut app = nested();
    insta::assert_snapshot!(screen(&mut app, 160, 48));
}
