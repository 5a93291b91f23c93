//! The groups step and the plenary through the update function: the count, the names,
//! the draw, each group's work, undo; snapshots of the count-off the room reads.

mod common;

use common::{press, press_char, screen, status, type_text};
use convene::app::{Action, App};
use convene::domain::groups::Method;
use convene::domain::template::Template;
use crossterm::event::KeyCode;

/// The UN DESA workshop at its groups step, with three initiatives.
fn app() -> App {
    let session = common::session(
        Template::built_in("un-desa-action-planning").unwrap(),
        "Health plan",
        &[("Records", ""), ("Telemedicine", ""), ("Statistics", "")],
    );
    let (mut app, _) = common::app_on(session);
    app.update(Action::GoToStep(2));
    app
}

fn names(app: &mut App, names: &[&str]) {
    press_char(app, 'a');
    common::type_text(app, &names.join("\n"));
    common::press(app, KeyCode::Enter);
}

#[test]
fn reaching_the_step_forms_six_groups_each_given_an_initiative() {
    let app = app();
    let groups = app.session.groups.as_ref().expect("formed on arrival");
    assert_eq!(groups.count, 6);
    let records = app.session.initiatives[0].id;
    assert_eq!(groups.work_of(4).and_then(|w| w.initiative), Some(records));
}

#[test]
fn names_are_counted_off_or_drawn_and_every_change_undoes() {
    let mut app = app();
    names(
        &mut app,
        &["Ana", "Ben", "Chen", "Dana", "Eli", "Fay", "Gus"],
    );
    let groups = app.session.groups.clone().unwrap();
    assert_eq!(groups.members_of(1), ["Ana", "Gus"]);
    press_char(&mut app, '<');
    assert_eq!(app.session.groups.as_ref().unwrap().count, 5);
    assert_eq!(
        app.session.groups.as_ref().unwrap().members_of(1),
        ["Ana", "Fay"],
        "dealt again"
    );
    press_char(&mut app, 'r');
    let drawn = app.session.groups.clone().unwrap();
    assert_eq!(drawn.method, Method::Random);
    let everyone: usize = (1..=5).map(|g| drawn.members_of(g).len()).sum();
    assert_eq!(everyone, 7, "nobody lost in the draw");
    press_char(&mut app, 'u');
    press_char(&mut app, 'u');
    assert_eq!(app.session.groups.as_ref(), Some(&groups), "undo, twice");
    press_char(&mut app, 'M');
    assert_eq!(app.session.groups.as_ref().unwrap().method, Method::Random);
}

#[test]
fn the_selected_group_is_given_other_work() {
    let mut app = app();
    press_char(&mut app, 'l');
    press_char(&mut app, 'w');
    let stats = app.session.initiatives[2].id;
    let groups = app.session.groups.as_ref().unwrap();
    assert_eq!(groups.work_of(2).and_then(|w| w.initiative), Some(stats));
    assert!(
        status(&app).contains("Group 2 works on Statistics"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_groups_are_in_the_file_and_the_report() {
    let mut app = app();
    names(&mut app, &["Ana", "Ben"]);
    let saved = app.take_changed().unwrap();
    let json = convene::storage::to_json(&saved);
    let back: convene::domain::session::Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back.groups, saved.groups);
    let md = convene::export::render(
        &saved,
        convene::export::Format::Md,
        common::start().date_naive(),
        common::start(),
    );
    assert!(md.contains("| 1 | Ana | Records |"), "{md}");
}

#[test]
fn snapshot_count_off_80x24() {
    let mut app = app();
    names(
        &mut app,
        &["Ana", "Ben", "Chen", "Dana", "Eli", "Fay", "Gus", "Hana"],
    );
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn snapshot_count_off_160x48() {
    let mut app = app();
    names(
        &mut app,
        &["Ana", "Ben", "Chen", "Dana", "Eli", "Fay", "Gus", "Hana"],
    );
    insta::assert_snapshot!(screen(&mut app, 160, 48));
}

#[test]
fn undoing_past_the_forming_still_shows_groups() {
    let session = common::session(
        Template::built_in("un-desa-action-planning").unwrap(),
        "Health plan",
        &[],
    );
    let (mut app, _) = common::app_on(session);
    app.update(Action::ToggleSetup);
    press_char(&mut app, 'a');
    type_text(&mut app, "Records");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    app.update(Action::ToggleSetup);
    app.update(Action::GoToStep(2));
    press_char(&mut app, 'u');
    assert!(
        app.session.initiatives.is_empty(),
        "the initiative is undone"
    );
    assert_eq!(app.session.groups.as_ref().map(|g| g.count), Some(6));
    assert!(screen(&mut app, 80, 24).contains("Group 6"));
}
