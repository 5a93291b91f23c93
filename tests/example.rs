//! The example session in `sessions/` is made by the app itself: this test types it
//! key by key through the update function, on a fake clock that plays out the first
//! half hour of a workshop, and checks that the committed file is exactly what those
//! keys produce. After an intended change, `UPDATE_EXAMPLE=1 cargo test --test example`
//! writes the file anew.

mod common;

use common::room::Room;

use chrono::{DateTime, Utc};
use convene::domain::session::Session;
use convene::domain::template::Template;
use crossterm::event::KeyCode;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-workshop.json"
);

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-19T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The workshop as a facilitator ran it: set-up, review, hand-out, brainstorm, and the
/// first minutes of assigning owners; the clock is paused there.
fn run_workshop() -> Session {
    let session = Session::new(
        Template::default_template(),
        "City digital services 2027",
        start(),
    );
    let (app, clock) = common::app_at(session, start());
    let mut r = Room::new(app, clock);

    // Set-up: three initiatives, two with a description.
    r.keys("ia");
    r.line("Online building permits");
    r.line("Open budget data");
    r.line("Digital front desk");
    r.press(KeyCode::Esc);
    r.keys("kkD");
    r.line("Apply, pay and track a permit without visiting the town hall");
    r.keys("jD");
    r.line("Publish the budget and monthly spending as open data");
    r.press(KeyCode::Esc);

    // Steps 1 and 2.
    r.keys(" ");
    r.minutes(6);
    r.keys("n");
    r.minutes(4);
    r.keys("n");

    // Step 3: tasks for each initiative, called out by the room.
    r.keys("a");
    r.line("Put the permit application form online");
    r.line("AB: Let applicants pay the fee by card online");
    r.line("Send status updates to applicants by text message");
    r.line("Improve communication");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Publish the 2027 budget as a spreadsheet");
    r.line("CM: Release monthly spending reports as open data");
    r.line("Pick an open licence for the data");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Train front-desk staff on the new permit system");
    r.line("One phone number for every city service");
    r.press(KeyCode::Esc);
    // Votes, colours and a cluster, pane by pane.
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("vvvv");
    r.keys("g");
    r.line("Quick wins");
    r.press(KeyCode::Down);
    r.keys("vvvcc");
    r.keys("g");
    r.press(KeyCode::Enter);
    r.press(KeyCode::Down);
    r.keys("cv");
    r.press(KeyCode::Down);
    r.keys("ccccc");
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("vvvvvc");
    r.press(KeyCode::Down);
    r.keys("vvccc");
    r.press(KeyCode::Down);
    r.keys("ccccv");
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("vvccc");
    r.press(KeyCode::Down);
    r.keys("v");
    // The favourites go to the plan.
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("P");
    r.press(KeyCode::Down);
    r.keys("P");
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("P");
    r.minutes(16);
    r.keys("n");

    // Step 4: owners, dates and measures for the promoted tasks, cell by cell.
    r.keys("g");
    r.press(KeyCode::Home);
    r.press(KeyCode::Right);
    r.cell("Ana Lopez");
    r.cell("IT services; legal team informed");
    r.cell("Dec 15");
    r.cell("Two developers for six weeks");
    r.cell("Paper forms are still required by the regulation");
    r.cell("Monthly note to the council");
    r.cell("Half of all permit applications filed online by June");
    r.keys("s");
    r.press(KeyCode::Down);
    r.press(KeyCode::Home);
    r.press(KeyCode::Right);
    r.cell("Ben Okafor");
    r.cell("Finance department");
    r.cell("+10w");
    r.cell("Payment provider contract");
    // A new row is written in one go: Enter moves to the next column.
    r.keys("o");
    r.line("Improve communication");
    r.press(KeyCode::Enter);
    r.press(KeyCode::Enter);
    r.line("someday");
    r.press(KeyCode::Esc);
    r.keys("w");
    r.press(KeyCode::Home);
    r.press(KeyCode::Right);
    r.cell("Chen Ma");
    r.cell("Budget office");
    r.cell("2026-11-06");
    r.keys("o");
    r.line("Choose an open licence and publish it with the data");
    r.keys("Ch");
    r.press(KeyCode::Tab);
    r.press(KeyCode::Enter);
    r.press(KeyCode::Enter);
    r.line("end of january");
    r.press(KeyCode::Esc);
    r.minutes(3);
    r.keys(" ");

    r.app
        .take_changed()
        .expect("the workshop changed the session")
}

#[test]
fn the_example_session_is_what_the_app_makes() {
    let json = convene::storage::to_json(&run_workshop());
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(FILE, &json).unwrap();
    }
    let committed = std::fs::read_to_string(FILE).unwrap();
    assert!(
        committed == json,
        "sessions/example-workshop.json is out of date: UPDATE_EXAMPLE=1 cargo test --test example"
    );
}

#[test]
fn the_example_shows_a_workshop_in_progress() {
    let s = convene::storage::load(std::path::Path::new(FILE)).unwrap();
    assert_eq!(s.timing.current, 3, "on the owners-and-dates step");
    assert!(
        !s.timing.is_running(),
        "paused, so opening it later shows the same time"
    );
    assert_eq!(s.initiatives.len(), 3);
    let tasks = &s.boards["tasks"];
    let panes_with_notes = tasks.panes.iter().filter(|p| !p.notes.is_empty()).count();
    assert_eq!(panes_with_notes, 3);
    let notes: Vec<_> = tasks.panes.iter().flat_map(|p| &p.notes).collect();
    let colours: std::collections::HashSet<_> = notes.iter().map(|n| n.colour).collect();
    assert!(colours.len() >= 4, "several colours: {colours:?}");
    assert!(notes.iter().any(|n| n.votes > 0));
    assert!(
        notes
            .iter()
            .filter(|n| n.group.as_deref() == Some("Quick wins"))
            .count()
            >= 2
    );
    assert!(notes.iter().any(|n| n.author.is_some()));
    assert!(
        s.tables.promoted_notes().len() >= 2,
        "notes promoted to the plan"
    );
    let initiatives_with_rows: std::collections::HashSet<_> =
        s.plan().rows.iter().map(|r| r.initiative).collect();
    assert!(initiatives_with_rows.len() >= 2, "rows for two initiatives");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let problems = convene::domain::check::check(&s, today);
    assert!(
        !problems.is_empty(),
        "some rows are flagged by the plan check"
    );
    let fine = s
        .plan()
        .rows
        .iter()
        .filter(|r| problems.iter().all(|p| p.row != r.id));
    assert!(fine.count() >= 1, "and at least one row is complete");
}
