//! The plan after the workshop, on a fake clock: a workshop, then three reviews four
//! weeks apart, each changing statuses, owners and dates with progress notes, one of
//! them undone. What the room would notice: the review opens on what is late, every
//! change is in the row's history with its day and meeting, undo takes a change and
//! its record away together, and the workshop's own record is never touched.

mod common;

use chrono::{Duration, NaiveDate};
use common::{default_app, press, press_char, type_text};
use convene::app::{Action, App};
use convene::domain::progress::{Attention, Outlook, PlanProgress, attention};
use convene::domain::review::{Meeting, What};
use convene::domain::timer::FakeClock;
use crossterm::event::KeyCode;

fn line(app: &mut App, text: &str) {
    type_text(app, text);
    press(app, KeyCode::Enter);
}

/// Adds a row to the focused initiative: action, owner, (support), date.
fn row(app: &mut App, action: &str, owner: &str, due: &str) {
    press_char(app, 'o');
    line(app, action);
    line(app, owner);
    line(app, "");
    line(app, due);
    press(app, KeyCode::Esc);
}

/// The workshop of 21 November 2026: two initiatives, six actions.
fn workshop() -> (App, FakeClock) {
    let (mut app, clock) = default_app("Permits 2027", &["Online permits", "Open data"]);
    app.update(Action::ToggleClock);
    clock.advance(Duration::minutes(25));
    app.update(Action::GoToStep(3));
    row(
        &mut app,
        "Put the permit form online",
        "Ana Lopez",
        "2026-12-15",
    );
    row(
        &mut app,
        "Take card payments for fees",
        "Ben Okafor",
        "2027-01-31",
    );
    row(&mut app, "Train the front desk", "Carla Diaz", "2027-03-31");
    press_char(&mut app, 'w');
    row(
        &mut app,
        "Publish the budget as CSV",
        "Dev Patel",
        "2026-12-10",
    );
    row(&mut app, "Pick an open licence", "Ana Lopez", "2027-01-15");
    row(&mut app, "Run a data hackathon", "Eve Martin", "2027-05-01");
    clock.advance(Duration::minutes(10));
    app.update(Action::ToggleClock);
    (app, clock)
}

fn find(app: &App, action: &str) -> u64 {
    app.session
        .tables
        .all_rows()
        .find(|r| r.cell("action") == action)
        .unwrap()
        .id
}

/// Puts the focus on the row whose action is `action`, as the facilitator would with
/// the arrow keys, and returns where it was in the view.
fn focus(app: &mut App, action: &str) -> usize {
    press_char(app, 'g');
    for at in 0..20 {
        if app.table.focused(&app.session).unwrap().cell("action") == action {
            return at;
        }
        press(app, KeyCode::Down);
    }
    panic!("{action} is not in the view")
}

/// On the row whose action is `action`: these keys (statuses, a date...), then its
/// progress note.
fn progress(app: &mut App, action: &str, keys: &str, note: &str) {
    focus(app, action);
    for c in keys.chars() {
        press_char(app, c);
    }
    press_char(app, 'N');
    line(app, note);
}

/// Opens the review meeting with its clock running, on every initiative's rows.
fn open_review(app: &mut App) {
    press_char(app, 'r');
    press(app, KeyCode::Char(' '));
    press_char(app, 'w');
    press_char(app, 'w');
}

/// Stops the review's clock and goes back to the workshop's agenda.
fn close_review(app: &mut App) {
    press(app, KeyCode::Char(' '));
    press_char(app, 'r');
}

fn focused_actions(app: &App) -> Vec<String> {
    let view = app.table.view(&app.session);
    view.iter()
        .map(|&i| app.session.step_rows().rows[i].cell("action").to_string())
        .collect()
}

/// At a first review with no next one booked yet, "due before the next review" looks
/// four weeks ahead rather than nowhere: the room walks what is due soon.
#[test]
fn a_first_review_with_none_booked_walks_what_is_due_within_four_weeks() {
    let (mut app, clock) = workshop();
    clock.advance(Duration::days(17));
    press_char(&mut app, 'r');
    assert_eq!(app.session.meeting(), Meeting::Review(1));
    let outlook = Outlook::of(&app.session, app.today());
    let table = app.session.workshop.plan().clone();
    let attention_of = |action: &str| {
        attention(
            app.session.tables.row(find(&app, action)).unwrap(),
            &table,
            &outlook,
        )
    };
    assert_eq!(
        attention_of("Publish the budget as CSV"),
        Attention::DueSoon
    );
    assert_eq!(
        attention_of("Put the permit form online"),
        Attention::DueSoon
    );
    assert_eq!(attention_of("Take card payments for fees"), Attention::Calm);
}

/// Pressing `s` round every status back to where the row was is no change: the
/// history stays empty and the row is not marked as changed.
#[test]
fn a_status_taken_round_to_where_it_was_leaves_no_history() {
    let (mut app, clock) = workshop();
    clock.advance(Duration::days(28));
    open_review(&mut app);
    let statuses = {
        let plan = app.session.workshop.plan();
        let roles = convene::domain::plan::Roles::of(&plan.columns);
        plan.columns[roles.status.unwrap()].statuses().len()
    };
    focus(&mut app, "Train the front desk");
    for _ in 0..statuses {
        press_char(&mut app, 's');
    }
    let row = app
        .session
        .tables
        .row(find(&app, "Train the front desk"))
        .unwrap();
    assert_eq!(
        row.cell("status"),
        "Not started",
        "round to the first value"
    );
    assert!(row.history.is_empty(), "{:?}", row.history);
}

/// A name already on the roster is not added twice (the digest would write two files
/// for one person and keep only the first one's email): its details open instead.
#[test]
fn the_roster_holds_each_person_once() {
    let (mut app, _) = workshop();
    press_char(&mut app, '@');
    press_char(&mut app, 'a');
    line(&mut app, "Ana Lopez");
    line(&mut app, "Head of permits");
    press(&mut app, KeyCode::Esc);
    press_char(&mut app, 'a');
    line(&mut app, "ana lopez");
    // Her role is in the field already: Enter keeps it.
    line(&mut app, "");
    press(&mut app, KeyCode::Esc);
    let roster = &app.session.roster;
    assert_eq!(roster.len(), 1, "{roster:?}");
    assert_eq!(roster[0].name, "Ana Lopez");
    assert_eq!(roster[0].role, "Head of permits");
}

#[test]
fn a_workshop_and_three_monthly_reviews() {
    let (mut app, clock) = workshop();
    let workshop_timing = app.session.timing.clone();
    // Filling the plan in the workshop is writing it, not changing it.
    assert!(app.session.tables.all_rows().all(|r| r.history.is_empty()));

    // Review 1, four weeks later: the two December actions are overdue.
    clock.advance(Duration::weeks(4));
    press_char(&mut app, 'r');
    assert_eq!(app.session.meeting(), Meeting::Review(1));
    assert_eq!(app.session.current_step().title, "Celebrate what is done");
    press_char(&mut app, 'w'); // every initiative's rows
    press_char(&mut app, 'w');
    let order = focused_actions(&app);
    assert_eq!(
        &order[..2],
        ["Put the permit form online", "Publish the budget as CSV"],
        "the overdue actions first: {order:?}"
    );
    // The form went live: done, with its evidence.
    focus(&mut app, "Put the permit form online");
    press_char(&mut app, 's');
    press_char(&mut app, 's');
    press_char(&mut app, 'N');
    line(&mut app, "Live since 10 Dec; 40 applications");
    // The budget slipped: a new date, then a note that is undone.
    focus(&mut app, "Publish the budget as CSV");
    press_char(&mut app, 't');
    line(&mut app, "jan 10");
    press_char(&mut app, 'N');
    line(&mut app, "Waiting for finance");
    press_char(&mut app, 'u');
    let budget = find(&app, "Publish the budget as CSV");
    let row = app.session.tables.row(budget).unwrap();
    assert_eq!(row.cell("due"), "2027-01-10");
    assert_eq!(row.note_in(Meeting::Review(1)), None, "the note was undone");
    assert_eq!(
        row.history.len(),
        1,
        "and only its record went: {:?}",
        row.history
    );
    press_char(&mut app, 'T');
    line(&mut app, "in 4 weeks");
    assert_eq!(app.session.next_review, "2027-01-16");

    let form = find(&app, "Put the permit form online");
    let history = &app.session.tables.row(form).unwrap().history;
    let day1 = NaiveDate::from_ymd_opt(2026, 12, 19).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].on, history[0].meeting),
        (day1, Meeting::Review(1))
    );
    assert!(matches!(&history[0].what,
        What::Cell { column, from, to } if column == "status" && from.is_empty() && to == "Done"));
    assert!(matches!(&history[1].what, What::Note { note } if note.starts_with("Live since")));
    press_char(&mut app, 'r'); // back to the workshop's agenda

    // Review 2: the card payments are due before the next review; Ben hands over.
    clock.advance(Duration::weeks(4));
    press_char(&mut app, 'r');
    assert_eq!(app.session.meeting(), Meeting::Review(2));
    press_char(&mut app, 'T');
    line(&mut app, "feb 13");
    let today = app.today();
    let outlook = Outlook::of(&app.session, today);
    let table = app.session.workshop.plan().clone();
    let attention_of = |app: &App, action: &str| {
        attention(
            app.session.tables.row(find(app, action)).unwrap(),
            &table,
            &outlook,
        )
    };
    assert_eq!(
        attention_of(&app, "Publish the budget as CSV"),
        Attention::Overdue
    );
    assert_eq!(
        attention_of(&app, "Pick an open licence"),
        Attention::Overdue
    );
    assert_eq!(
        attention_of(&app, "Take card payments for fees"),
        Attention::DueSoon
    );
    assert_eq!(
        attention_of(&app, "Put the permit form online"),
        Attention::Calm,
        "done at the last review: not news any more"
    );
    press_char(&mut app, 'w');
    press_char(&mut app, 'w');
    focus(&mut app, "Take card payments for fees");
    // Ben hands over to Carla: the owner's cell cleared and typed anew.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Enter);
    line(&mut app, "Carla Diaz");
    focus(&mut app, "Publish the budget as CSV");
    press_char(&mut app, 's');
    press_char(&mut app, 'N');
    line(&mut app, "Draft file shared with finance");
    press_char(&mut app, 'r');

    // Review 3.
    clock.advance(Duration::weeks(4));
    press_char(&mut app, 'r');
    assert_eq!(app.session.meeting(), Meeting::Review(3));
    press_char(&mut app, 'w');
    press_char(&mut app, 'w');
    focus(&mut app, "Publish the budget as CSV");
    press_char(&mut app, 's');
    press_char(&mut app, 'N');
    line(&mut app, "Published on the portal");
    press_char(&mut app, 'r');

    // Each review kept its own day; the workshop's clock was never touched.
    let days: Vec<String> = app
        .session
        .reviews
        .iter()
        .map(|r| r.on.to_string())
        .collect();
    assert_eq!(days, ["2026-12-19", "2027-01-16", "2027-02-13"]);
    assert_eq!(app.session.timing, workshop_timing);

    let budget = app
        .session
        .tables
        .row(find(&app, "Publish the budget as CSV"))
        .unwrap();
    let lines: Vec<String> = budget
        .history
        .iter()
        .map(|c| match &c.what {
            What::Cell { column, from, to } => {
                format!("{} {} {column}: {from:?} → {to:?}", c.on, c.meeting)
            }
            What::Note { note } => format!("{} {} note: {note}", c.on, c.meeting),
        })
        .collect();
    assert_eq!(
        lines,
        [
            "2026-12-19 review 1 due: \"2026-12-10\" → \"2027-01-10\"",
            "2027-01-16 review 2 status: \"\" → \"In progress\"",
            "2027-01-16 review 2 note: Draft file shared with finance",
            "2027-02-13 review 3 status: \"In progress\" → \"Done\"",
            "2027-02-13 review 3 note: Published on the portal",
        ]
    );
    let payments = app
        .session
        .tables
        .row(find(&app, "Take card payments for fees"))
        .unwrap();
    assert_eq!(payments.cell("owner"), "Carla Diaz");
    assert!(payments.changed_at(2) && !payments.changed_at(3));

    // Progress: two of six done, per initiative and whole.
    let progress = PlanProgress::of(&app.session, app.today()).unwrap();
    assert_eq!((progress.whole.done, progress.whole.total), (2, 6));
    assert_eq!(progress.initiatives[0].0, "Online permits");
    assert_eq!(progress.initiatives[0].1.done, 1);
}

const REVIEWED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-reviewed.json"
);

/// The second example session: the workshop above, reviewed twice, four weeks apart.
/// Each review runs its agenda on its own clock, walks the late actions, changes
/// statuses, an owner and a date with progress notes, and sets the next review.
fn reviewed_twice() -> App {
    let (mut app, clock) = workshop();
    clock.advance(Duration::weeks(4) - Duration::minutes(35));

    // Review 1, Saturday 19 December 2026.
    open_review(&mut app);
    clock.advance(Duration::minutes(4));
    press_char(&mut app, 'n');
    let live = "Live since 10 December: 40 applications in the first week";
    progress(&mut app, "Put the permit form online", "ss", live);
    focus(&mut app, "Publish the budget as CSV");
    press_char(&mut app, 's');
    press_char(&mut app, 't');
    line(&mut app, "jan 10");
    press_char(&mut app, 'N');
    line(&mut app, "Finance wants to check the figures first");
    clock.advance(Duration::minutes(12));
    press_char(&mut app, 'n');
    press_char(&mut app, 'n');
    press_char(&mut app, 'n');
    press_char(&mut app, 'T');
    line(&mut app, "in 4 weeks");
    clock.advance(Duration::minutes(10));
    close_review(&mut app);

    // Review 2, Saturday 16 January 2027.
    clock.advance(Duration::weeks(4) - Duration::minutes(30));
    open_review(&mut app);
    clock.advance(Duration::minutes(5));
    press_char(&mut app, 'n');
    let published = "Published on the city portal on 12 January";
    progress(&mut app, "Publish the budget as CSV", "s", published);
    focus(&mut app, "Take card payments for fees");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Enter);
    line(&mut app, "Carla Diaz");
    press_char(&mut app, 's');
    press_char(&mut app, 'N');
    line(
        &mut app,
        "Ben moved to the budget office; Carla takes it over",
    );
    let legal = "Legal has not answered since December";
    progress(&mut app, "Pick an open licence", "sss", legal);
    clock.advance(Duration::minutes(14));
    press_char(&mut app, 'n');
    press_char(&mut app, 'n');
    // Who needs to be told: the mayor's office hears about card payments, and the
    // roster gets the plan's names with roles and emails.
    focus(&mut app, "Take card payments for fees");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    line(&mut app, "Mayor's office");
    press_char(&mut app, '@');
    press_char(&mut app, 'F');
    press_char(&mut app, 'l');
    press(&mut app, KeyCode::Enter);
    line(&mut app, "Head of permits");
    press_char(&mut app, 'l');
    press(&mut app, KeyCode::Enter);
    line(&mut app, "ana.lopez@city.example");
    press_char(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    line(&mut app, "carla.diaz@city.example");
    press_char(&mut app, 'a');
    line(&mut app, "Mayor's office");
    line(&mut app, "Sponsor");
    line(&mut app, "mayor@city.example");
    press(&mut app, KeyCode::Esc);
    press_char(&mut app, '@');
    press_char(&mut app, 'n');
    press_char(&mut app, 'T');
    line(&mut app, "feb 13");
    clock.advance(Duration::minutes(9));
    close_review(&mut app);
    app
}

#[test]
fn the_reviewed_example_is_what_the_app_makes() {
    let mut app = reviewed_twice();
    let json = convene::storage::to_json(&app.take_changed().expect("the reviews changed it"));
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(REVIEWED, &json).unwrap();
    }
    let committed = std::fs::read_to_string(REVIEWED).unwrap();
    assert!(
        committed == json,
        "sessions/example-reviewed.json is out of date: UPDATE_EXAMPLE=1 cargo test --test review"
    );
    let s = convene::storage::load(std::path::Path::new(REVIEWED)).unwrap();
    assert_eq!(s.reviews.len(), 2);
    assert_eq!(s.in_review, None, "closed: `open` shows the workshop");
    assert_eq!(s.next_review, "2027-02-13");
    assert!(
        s.reviews.iter().all(|r| !r.timing.log.is_empty()),
        "each ran its own clock"
    );
    let licence = s
        .tables
        .all_rows()
        .find(|r| r.cell("action") == "Pick an open licence")
        .unwrap();
    assert_eq!(licence.cell("status"), "Blocked");
    let roster: Vec<(&str, &str, &str)> = s
        .roster
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str(), p.email.as_str()))
        .collect();
    assert_eq!(
        roster,
        [
            ("Ana Lopez", "Head of permits", "ana.lopez@city.example"),
            ("Carla Diaz", "", "carla.diaz@city.example"),
            ("Dev Patel", "", ""),
            ("Eve Martin", "", ""),
            ("Mayor's office", "Sponsor", "mayor@city.example"),
        ]
    );
}

/// The reviewed example opened for its third review, on 13 February 2027, on every
/// initiative's rows.
fn third_review() -> App {
    let session = convene::storage::load(std::path::Path::new(REVIEWED)).unwrap();
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 13, 9, 0, 0).unwrap();
    let (mut app, _) = common::app_at(session, at);
    app.open_review_meeting();
    press_char(&mut app, 'w');
    press_char(&mut app, 'w');
    app
}

#[test]
fn the_review_opens_on_the_late_rows_with_the_plans_progress() {
    let mut app = third_review();
    assert_eq!(app.session.meeting(), Meeting::Review(3));
    let screen = common::screen(&mut app, 160, 48);
    assert!(screen.contains("Review 3 · Sat 13 Feb 2027"), "{screen}");
    assert!(screen.contains("Plan 2 of 6 done ▰▰▱▱▱▱▱▱"), "{screen}");
    assert!(screen.contains("! 2 overdue"), "{screen}");
    assert_eq!(
        &focused_actions(&app)[..2],
        ["Take card payments for fees", "Pick an open licence"]
    );
}

#[test]
fn snapshot_review_80x24() {
    let mut app = third_review();
    insta::assert_snapshot!("review_80x24", common::screen(&mut app, 80, 24));
}

#[test]
fn snapshot_review_160x48_with_a_rows_history() {
    let mut app = third_review();
    focus(&mut app, "Publish the budget as CSV");
    press_char(&mut app, 'v');
    insta::assert_snapshot!("review_160x48_history", common::screen(&mut app, 160, 48));
}

#[test]
fn the_plan_check_measures_against_the_reviews_day() {
    use convene::domain::check::{ProblemKind, check};
    let mut app = third_review();
    let payments = find(&app, "Take card payments for fees");
    let late = |app: &App, day: NaiveDate| {
        check(&app.session, day)
            .iter()
            .any(|p| p.row == payments && p.kind == ProblemKind::PastDate)
    };
    // Due 31 January: in the past on the review's day, not on the workshop's.
    assert!(late(&app, app.today()));
    assert!(!late(&app, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()));
    focus(&mut app, "Take card payments for fees");
    press(&mut app, KeyCode::End);
    let screen = common::screen(&mut app, 160, 48);
    assert!(screen.contains("due in the past"), "{screen}");
}

/// The exports of the reviewed example, as its owners receive them on 20 January 2027:
/// the report and the handout with the reviews, the progress since the last review and
/// each row's history; the calendar with the next review as an event.
#[test]
fn the_reviewed_exports_match_their_golden_files() {
    use convene::export::{Format, render};
    let session = convene::storage::load(std::path::Path::new(REVIEWED)).unwrap();
    let today = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 20, 9, 0, 0).unwrap();
    for (format, name) in [
        (Format::Md, "reviewed.md"),
        (Format::Html, "reviewed.html"),
        (Format::Ics, "reviewed.ics"),
        (Format::Digest, "reviewed.digest.md"),
        (Format::DigestHtml, "reviewed.digest.html"),
    ] {
        common::assert_golden(name, &render(&session, format, today, now));
    }
    let ics = render(&session, Format::Ics, today, now);
    assert!(
        ics.contains("SUMMARY:Plan review: Permits 2027\r\n"),
        "{ics}"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20270213\r\n"), "{ics}");
    assert!(
        ics.contains("ATTENDEE;CN=\"Carla Diaz\";ROLE=REQ-PARTICIPANT:mailto:carla.diaz@city.ex"),
        "the owner invited to her deadline: {ics}"
    );
    let digest = render(&session, Format::Digest, today, now);
    for heading in [
        "## Ana Lopez",
        "## Carla Diaz",
        "## Dev Patel",
        "## Eve Martin",
        "## Mayor's office",
    ] {
        assert!(digest.contains(heading), "{heading}: {digest}");
    }
}

#[test]
fn a_reviews_attendees_are_recorded_once_and_reported() {
    let mut app = third_review();
    app.add_attendees(&[
        "Ana Lopez".into(),
        " ana lopez ".into(),
        "Ben\u{1b}[2J".into(),
    ]);
    assert_eq!(
        app.session.review().unwrap().attendees,
        ["Ana Lopez", "Ben"]
    );
    let today = app.today();
    let md = convene::export::render(&app.session, convene::export::Format::Md, today, app.now());
    assert!(
        md.contains("review 3 on Sat 13 Feb 2027 (Ana Lopez, Ben)"),
        "{md}"
    );
}

/// Walking the late rows: a row set to done keeps its place (its mark changes), so
/// the next key goes to the row the room expects; the next step orders them afresh.
#[test]
fn the_order_holds_while_the_room_walks_the_rows() {
    let mut app = third_review();
    let before = focused_actions(&app);
    assert_eq!(before[0], "Take card payments for fees");
    focus(&mut app, "Take card payments for fees");
    press_char(&mut app, 's');
    assert_eq!(focused_actions(&app), before, "nothing moved");
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.table.focused(&app.session).unwrap().cell("action"),
        "Pick an open licence"
    );
    press_char(&mut app, 'n');
    let after = focused_actions(&app);
    assert_eq!(after[0], "Pick an open licence", "{after:?}");
    assert_eq!(
        after[1], "Take card payments for fees",
        "done now: {after:?}"
    );
}

/// No size of terminal breaks the review, its row detail or the roster.
#[test]
fn every_screen_of_a_review_draws_at_any_size() {
    let mut app = third_review();
    for (w, h) in [(20, 6), (30, 8), (40, 12), (80, 24), (200, 60)] {
        common::screen(&mut app, w, h);
        press_char(&mut app, 'v');
        common::screen(&mut app, w, h);
        press_char(&mut app, 'v');
        press_char(&mut app, '@');
        common::screen(&mut app, w, h);
        press_char(&mut app, '@');
        press_char(&mut app, 'n');
    }
    // A huge pasted note is kept whole.
    press_char(&mut app, '2');
    focus(&mut app, "Run a data hackathon");
    press_char(&mut app, 'N');
    app.update(Action::Paste("x".repeat(10_000)));
    press(&mut app, KeyCode::Enter);
    let row = app
        .session
        .tables
        .row(find(&app, "Run a data hackathon"))
        .unwrap();
    assert_eq!(row.note_in(Meeting::Review(3)).unwrap().len(), 10_000);
    common::screen(&mut app, 80, 24);
}
