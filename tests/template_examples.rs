//! An example session for each seed's template, typed by the app itself key by key
//! (as `tests/example.rs` does for the default workshop), checked against the files in
//! `sessions/`, and their exports against golden files. Each run is also the issue's
//! "done when" for its template: the OGP plan holds six commitments (the sixth
//! flagged) with milestones under them; the UN DESA room counts off into six groups and
//! the plenary shows each group's plan; a Planning for Success note promoted from the
//! early-evidence board is an early-evidence benchmark not yet assessed.
//!
//! After an intended change: `UPDATE_EXAMPLE=1 UPDATE_GOLDEN=1 cargo test --test
//! template_examples`, then read the diff.

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::room::Room;
use convene::domain::check::{self, ProblemKind};
use convene::domain::plan::status_value;
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::export::{Format, csv_table, render};
use crossterm::event::KeyCode;
use std::path::PathBuf;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn room(template: &str, title: &str) -> Room {
    let template = Template::built_in(template).unwrap();
    let session = Session::new(template, title, start());
    let (app, clock) = common::app_at(session, start());
    Room::new(app, clock)
}

fn file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("sessions/example-{name}.json"))
}

/// The committed example is what the keys make; its exports are the golden files.
fn check_example(name: &str, mut r: Room) {
    let session = r
        .app
        .take_changed()
        .expect("the workshop changed the session");
    let json = convene::storage::to_json(&session);
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(file(name), &json).unwrap();
    }
    let committed = std::fs::read_to_string(file(name)).unwrap_or_default();
    assert!(
        committed == json,
        "sessions/example-{name}.json is out of date: \
         UPDATE_EXAMPLE=1 cargo test --test template_examples"
    );
    let loaded = convene::storage::load(&file(name)).unwrap();
    assert_eq!(loaded, session, "the file reads back as it was written");
    let now = r.app.now();
    for &format in Format::all() {
        let out = render(&loaded, format, today(), now);
        common::assert_golden(&format!("{name}.{}", format.extension()), &out);
    }
    for table in loaded.workshop.tables.iter().skip(1) {
        let out = csv_table(&loaded, &table.key).unwrap();
        common::assert_golden(&format!("{name}-{}.csv", table.key), &out);
    }
}

/// Co-creation roadmap: the team and the vision, the roadmap, solutions promoted to
/// commitments, a sixth commitment, milestones under two of them.
#[test]
fn ogp_roadmap_example() {
    let mut r = room("ogp-roadmap", "Riverton open government plan 2027");
    r.keys("iF");
    r.line("Mayor's office (lead), IT, finance; two civil-society partners");
    r.line("Monthly open forum at the central library");
    r.line("Riverton University governance lab");
    r.line("A city whose residents can see, question and shape every decision");
    r.press(KeyCode::Esc);

    r.keys(" ");
    r.minutes(9);
    r.keys("n");
    // The roadmap: a table of the whole session.
    r.keys("o");
    r.line("Map the open-government work already under way");
    r.line("City departments, civil society");
    r.line("Ana Ruiz");
    r.line("Jan 15");
    r.keys("o");
    r.line("Co-create commitments in three public workshops");
    r.line("Residents, the forum, city staff");
    r.line("Ana Ruiz");
    r.line("Mar 31");
    r.minutes(14);
    r.keys("nn");
    r.minutes(3);
    r.keys("n");
    // Solutions, in the principle they serve; three become commitments.
    r.keys("a");
    r.line("Publish every city contract as open data");
    r.line("Live-stream council budget hearings");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("A public tracker of council promises");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Residents vote on 5% of the capital budget");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.press(KeyCode::Home);
    r.keys("P");
    r.press(KeyCode::Tab);
    r.keys("P");
    r.press(KeyCode::Tab);
    r.keys("P");
    r.minutes(12);
    r.keys("nn");
    // Step 7: three more commitments, leads and end dates.
    r.keys("G");
    for text in [
        "Open data on building permits",
        "A citizens' panel on air quality",
        "Plain-language summaries of every by-law",
    ] {
        r.keys("o");
        r.line(text);
        r.press(KeyCode::Esc);
    }
    // The first commitment's lead and end date (this step shows them 4th and 5th).
    r.keys("g");
    r.press(KeyCode::Home);
    r.keys("lll");
    r.cell("Ana Ruiz");
    r.cell("Dec 31 2027");
    r.minutes(18);
    r.keys("n");
    // Milestones under the first two commitments; one moves to the second.
    r.keys("o");
    r.line("Adopt the open contracting data standard");
    r.line("Ben Cole");
    r.line("Mar 1");
    r.line("The council resolution");
    r.keys("o");
    r.line("Publish the first year of contracts");
    r.line("Ben Cole");
    r.line("Jun 30");
    r.line("The data set on the open data portal");
    r.keys("o");
    r.line("Stream the first hearing");
    r.press(KeyCode::Esc);
    r.keys(">");
    r.minutes(7);
    r.keys(" ");

    let s = &r.app.session;
    assert_eq!(s.tables.rows("commitments").len(), 6);
    let over: Vec<_> = check::check(s, today())
        .into_iter()
        .filter(|p| p.kind == ProblemKind::OverCap)
        .collect();
    assert_eq!(over.len(), 1, "the sixth commitment is flagged");
    let sixth = &s.tables.rows("commitments")[5];
    assert_eq!(over[0].row, sixth.id);
    let first = &s.tables.rows("commitments")[0];
    assert_eq!(first.cell("principle"), "Transparency", "from its pane");
    let second = &s.tables.rows("commitments")[1];
    let under = |id: u64| s.tables.children(id).count();
    assert_eq!((under(first.id), under(second.id)), (2, 1));
    assert!(s.field("vision").starts_with("A city whose residents"));
    check_example("ogp-roadmap", r);
}

/// UN DESA module 4.4: six groups counted off from the names typed, each group's plan,
/// and the plenary side by side.
#[test]
fn un_desa_example() {
    let mut r = room("un-desa-action-planning", "Ministry of Health digital plan");
    r.keys("ia");
    r.line("Electronic health records");
    r.line("Telemedicine for rural clinics");
    r.line("Open health statistics");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Esc);
    r.keys(" ");
    r.minutes(8);
    r.keys("n");
    r.minutes(10);
    r.keys("n");
    // Step 3: six groups; the names, in the order people sit.
    r.keys("a");
    for name in [
        "Amina", "Bruno", "Chen", "Dara", "Emeka", "Farah", "Goran", "Hiro", "Ines", "Jonas",
        "Kofi", "Lena", "Mei",
    ] {
        r.keys(name);
        r.press(KeyCode::Char('\n'));
    }
    r.press(KeyCode::Enter);
    r.minutes(5);
    r.keys("n");
    // Step 4: each group plans its initiative.
    for (action, lead, owner) in [
        (
            "Choose one record format for every clinic",
            "Amina",
            "Dr Ortiz",
        ),
        (
            "Train two nurses per clinic on video calls",
            "Bruno",
            "Ms Mensah",
        ),
        (
            "Publish monthly case counts by district",
            "Chen",
            "Mr Haddad",
        ),
    ] {
        r.keys("o");
        r.line(action);
        r.line(lead);
        r.line("IT unit");
        r.line(owner);
        r.line("Jun 30");
        r.press(KeyCode::Esc);
        r.keys("w");
    }
    r.minutes(20);
    r.keys("nn");
    r.minutes(10);
    r.keys("n");
    // Step 7: the plenary, and its common themes.
    r.keys("a");
    r.line("Every plan needs the IT unit in the same months");
    r.press(KeyCode::Esc);
    r.minutes(4);
    r.keys(" ");

    let s = &r.app.session;
    let groups = s.groups.as_ref().expect("groups were formed");
    assert_eq!(groups.count, 6);
    assert_eq!(groups.members_of(1), ["Amina", "Goran", "Mei"]);
    assert_eq!(groups.members_of(6), ["Farah", "Lena"]);
    let screen = common::screen(&mut r.app, 160, 48);
    for action in [
        "Choose one record",
        "Train two nurses",
        "Publish monthly case",
    ] {
        assert!(screen.contains(action), "each group's plan:\n{screen}");
    }
    assert!(screen.contains("Groups 1–4 of 6"), "{screen}");
    r.keys("))");
    let screen = common::screen(&mut r.app, 160, 48);
    for n in 3..=6 {
        assert!(
            screen.contains(&format!("Group {n}")),
            "the next page:\n{screen}"
        );
    }
    check_example("un-desa-action-planning", r);
}

/// Planning for Success: the objective, groups per initiative, early evidence promoted
/// from the board, process benchmarks, key terms and resources.
#[test]
fn planning_for_success_example() {
    let mut r = room("planning-for-success", "Lincoln Elementary plan 2027");
    r.keys("ia");
    r.line("Reading strategies");
    r.line("Family engagement");
    r.press(KeyCode::Esc);
    r.keys("kD");
    r.line("Teach the same five reading strategies in every classroom");
    r.keys("F");
    r.line("Every pupil reads at grade level by the end of grade 3");
    r.line("School year 2026-2027");
    r.press(KeyCode::Esc);
    r.keys(" ");
    r.minutes(5);
    r.keys("nnn");
    // Step 4: two groups, one per initiative.
    r.keys("<");
    r.minutes(4);
    r.keys("n");
    // Step 5: early evidence, promoted to benchmarks.
    r.keys("a");
    r.line("Three in four lessons observed use a shared strategy by February");
    r.press(KeyCode::Esc);
    r.keys("P");
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Twice as many parents at reading evenings");
    r.press(KeyCode::Esc);
    r.keys("P");
    r.minutes(15);
    r.keys(":");
    r.line("8");
    // Step 8: key terms of the first initiative.
    r.keys("o");
    r.line("Shared strategy");
    r.line("One of the five reading strategies every teacher uses");
    r.minutes(12);
    r.keys("n");
    // Step 9: process benchmarks, with a person and a date.
    r.keys("o");
    r.line("Agree the five strategies at the staff meeting");
    r.line("Ms Park");
    r.line("Sep 30");
    r.keys("s");
    r.minutes(30);
    r.keys(":");
    r.line("11");
    r.keys("o");
    r.line("Reading coach");
    r.line("Half a post, from the literacy budget");
    r.press(KeyCode::Esc);
    r.minutes(10);
    r.keys(" ");

    let s = &r.app.session;
    let benchmarks = s.tables.rows("benchmarks");
    let evidence = benchmarks
        .iter()
        .find(|b| b.from_note.is_some())
        .expect("a promoted note");
    assert_eq!(evidence.cell("type"), "Early evidence of change");
    let status = s
        .workshop
        .table("benchmarks")
        .unwrap()
        .column("status")
        .unwrap();
    assert_eq!(
        status_value(evidence.cell("status"), status),
        "Not yet assessed"
    );
    assert_eq!(s.groups.as_ref().map(|g| g.count), Some(2));
    assert_eq!(s.tables.rows("terms").len(), 1);
    assert_eq!(s.tables.rows("resources").len(), 1);
    assert!(s.field("objective").starts_with("Every pupil"));
    check_example("planning-for-success", r);
}

/// Implementing the plan (seed 002): two initiatives, the sequence of steps with key
/// persons and dates, who is notified, briefings for two audiences, a simulation that
/// found a gap, and the first review booked.
#[test]
fn implementation_sequence_example() {
    let mut r = room(
        "implementation-sequence",
        "Riverton flood plan: implementation",
    );
    r.keys("a");
    r.line("Early-warning text messages");
    r.line("Sandbag depots in every district");
    r.press(KeyCode::Esc);
    r.keys(" ");
    r.minutes(10);
    r.keys("n");
    for (action, owner, due) in [
        (
            "Agree the warning texts with the mayor's office",
            "Ana Ruiz",
            "Jan 15",
        ),
        (
            "Sign the contract with the text-message provider",
            "Ben Cole",
            "Feb 28",
        ),
    ] {
        r.keys("o");
        r.line(action);
        r.line(owner);
        r.line(due);
        r.press(KeyCode::Esc);
    }
    r.keys("w");
    r.keys("o");
    r.line("Stock four depots before the spring rains");
    r.line("Carla Diaz");
    r.line("end of march");
    r.press(KeyCode::Esc);
    r.minutes(20);
    r.keys("n");
    // Who is notified, on the depots' step.
    r.press(KeyCode::Home);
    r.press(KeyCode::Right);
    r.press(KeyCode::Enter);
    r.line("District chiefs, fire brigade");
    r.minutes(10);
    r.keys("n");
    // Briefings: the audience is a value typed by its first word.
    for (audience, topic, by, when, how_often) in [
        (
            "key",
            "How a warning is triggered and who signs it",
            "Ana Ruiz",
            "Jan 20",
            "Every quarter",
        ),
        (
            "wider",
            "What a warning text means and what to do",
            "Dev Patel",
            "Feb 15",
            "Before each rainy season",
        ),
    ] {
        r.keys("o");
        r.line(audience);
        r.line(topic);
        r.line(by);
        r.line(when);
        r.line(how_often);
        r.press(KeyCode::Esc);
    }
    r.minutes(10);
    r.keys("n");
    // The simulation: what happened, where it broke, what changes.
    r.keys("a");
    r.line("The provider's service is down for a night");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Nobody knew who sends the warning at night");
    r.press(KeyCode::Esc);
    r.press(KeyCode::Tab);
    r.keys("a");
    r.line("Name a night-duty sender and a backup");
    r.press(KeyCode::Esc);
    r.minutes(10);
    r.keys("n");
    r.keys("T");
    r.line("in 4 weeks");
    r.minutes(5);
    r.keys(" ");

    let s = &r.app.session;
    assert_eq!(s.next_review, "2026-12-22", "the first review booked");
    let audiences: Vec<&str> = s
        .tables
        .rows("briefings")
        .iter()
        .map(|b| b.cell("audience"))
        .collect();
    assert_eq!(audiences, ["Key public officials", "Wider community"]);
    let depots = &s.tables.rows("sequence")[2];
    assert_eq!(depots.cell("notify"), "District chiefs, fire brigade");
    assert_eq!(s.boards["simulation"].note_count(), 3);
    check_example("implementation-sequence", r);
}

/// Every step of every example draws at every size, from a 20x6 terminal to a large
/// projector, and says which step it is wherever the header fits.
#[test]
fn every_step_of_every_example_draws_at_any_size() {
    for name in [
        "ogp-roadmap",
        "un-desa-action-planning",
        "planning-for-success",
        "implementation-sequence",
    ] {
        let session = convene::storage::load(&file(name)).unwrap();
        let steps = session.steps().len();
        let (mut app, _) = common::app_at(session, start());
        for step in 0..steps {
            app.update(convene::app::Action::GoToStep(step));
            for (w, h) in [(20, 6), (43, 11), (80, 24), (120, 35), (160, 48), (200, 60)] {
                let screen = common::screen(&mut app, w, h);
                if w >= 80 {
                    let header = format!("STEP {} OF {steps}", step + 1);
                    assert!(screen.contains(&header), "{name} {w}x{h}:\n{screen}");
                }
            }
        }
    }
}
