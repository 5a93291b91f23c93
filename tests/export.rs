//! Exports of a realistic workshop, compared with golden files, and of a hostile one,
//! checked for what would break a spreadsheet, a browser, a calendar or a Markdown viewer.
//!
//! Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test export`, then read the diff before committing.

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::assert_golden;
use convene::domain::board::{Note, NoteColour};
use convene::domain::plan::{PlanRow, StatusTone, status_value};
use convene::domain::session::{Session, initiative_key};
use convene::domain::template::{ColumnKind, Template};
use convene::domain::text::sanitize;
use convene::domain::timer::{LogEntry, TimerEvent};
use convene::export::{Format, render};
use std::path::PathBuf;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, h, m, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn now() -> DateTime<Utc> {
    at(9, 50)
}

struct NoteSpec<'a> {
    text: &'a str,
    colour: NoteColour,
    votes: u32,
    group: Option<&'a str>,
}

fn n<'a>(
    text: &'a str,
    colour: NoteColour,
    votes: u32,
    group: Option<&'static str>,
) -> NoteSpec<'a> {
    NoteSpec {
        text,
        colour,
        votes,
        group,
    }
}

fn add_note(s: &mut Session, board: &str, pane: &str, spec: NoteSpec) -> u64 {
    let id = s.new_id();
    let pane = s
        .boards
        .get_mut(board)
        .unwrap()
        .panes
        .iter_mut()
        .find(|p| p.key == pane)
        .unwrap_or_else(|| panic!("no pane {pane} on {board}"));
    pane.notes.push(Note {
        id,
        text: spec.text.to_string(),
        colour: spec.colour,
        author: None,
        votes: spec.votes,
        group: spec.group.map(str::to_string),
        from_room: false,
        room_votes: 0,
    });
    id
}

fn add_row(s: &mut Session, initiative: u64, cells: &[(&str, &str)]) -> u64 {
    let id = s.new_id();
    s.plan_mut().rows.push(PlanRow::new(id, initiative, cells));
    id
}

fn promote(s: &mut Session, note: u64, row: u64) {
    s.plan_mut()
        .rows
        .iter_mut()
        .find(|r| r.id == row)
        .unwrap()
        .from_note = Some(note);
}

/// A 45-minute workshop as a city team might have run it: three initiatives, notes with
/// votes and groups, six actions (some with gaps the plan check points out), and a
/// clock that ran a little over.
fn workshop() -> Session {
    use NoteColour::*;
    let mut s = Session::new(
        Template::default_template(),
        "City services 2027: from plan to action",
        at(9, 0),
    );
    let permits = s.add_initiative(
        "Online building permits",
        "Residents apply for and track building permits online, from form to decision.",
    );
    let data = s.add_initiative(
        "Open budget data",
        "Publish the city budget as open data, updated every quarter.",
    );
    let desk = s.add_initiative("One front desk for city services", "");
    let (p, d, f) = (
        initiative_key(permits),
        initiative_key(data),
        initiative_key(desk),
    );

    add_note(
        &mut s,
        "tasks",
        &p,
        n(
            "Map today's paper process with the permit office",
            Yellow,
            5,
            Some("First month"),
        ),
    );
    let form = add_note(
        &mut s,
        "tasks",
        &p,
        n(
            "Publish the permit form online",
            Yellow,
            4,
            Some("First month"),
        ),
    );
    add_note(
        &mut s,
        "tasks",
        &p,
        n(
            "Let applicants follow their file by SMS",
            Sky,
            3,
            Some("Later"),
        ),
    );
    add_note(
        &mut s,
        "tasks",
        &p,
        n(
            "Train front-desk staff on the new workflow",
            Green,
            2,
            Some("Later"),
        ),
    );
    add_note(
        &mut s,
        "tasks",
        &p,
        n(
            "Ask the architects' association what slows them down",
            Orange,
            1,
            None,
        ),
    );
    add_note(
        &mut s,
        "tasks",
        &d,
        n("Agree a release calendar with finance", Yellow, 3, None),
    );
    add_note(
        &mut s,
        "tasks",
        &d,
        n("Pick the open data licence", Sky, 2, None),
    );
    let budget = add_note(
        &mut s,
        "tasks",
        &d,
        n("Publish the 2026 budget as CSV and JSON", Yellow, 4, None),
    );
    add_note(
        &mut s,
        "tasks",
        &f,
        n("Count visits per service for one month", Green, 2, None),
    );
    add_note(
        &mut s,
        "tasks",
        &f,
        n("Improve communication", Pink, 0, None),
    );

    add_note(
        &mut s,
        "resources",
        "Financial",
        n("€40k for the permit platform licence", Yellow, 3, None),
    );
    add_note(
        &mut s,
        "resources",
        "Financial",
        n("Small budget for user testing", Orange, 1, None),
    );
    add_note(
        &mut s,
        "resources",
        "People",
        n("Half a developer for six months", Sky, 2, None),
    );
    add_note(
        &mut s,
        "resources",
        "People",
        n("A data steward in finance", Sky, 1, None),
    );
    add_note(
        &mut s,
        "resources",
        "Political",
        n(
            "The mayor's office announces the open budget",
            Pink,
            2,
            None,
        ),
    );

    add_note(
        &mut s,
        "takeaways",
        "Takeaways",
        n(
            "Online permits is the first win residents will see",
            Green,
            3,
            None,
        ),
    );
    add_note(
        &mut s,
        "takeaways",
        "Takeaways",
        n(
            "Open data needs an owner in finance, not in IT",
            Yellow,
            2,
            None,
        ),
    );
    add_note(
        &mut s,
        "takeaways",
        "Next steps",
        n(
            "Review meeting on 15 January, same room, same people",
            Sky,
            0,
            None,
        ),
    );
    add_note(
        &mut s,
        "takeaways",
        "Next steps",
        n(
            "Ana sends this plan to every owner by Friday",
            Yellow,
            0,
            None,
        ),
    );

    let r1 = add_row(
        &mut s,
        permits,
        &[
            ("action", "Publish the permit form online"),
            ("owner", "Ana Lima"),
            ("support", "IT service desk"),
            ("due", "2027-02-15"),
            ("resources", "Web team, two sprints\nE-signature licence"),
            ("barriers", "Legal check of the e-signature"),
            ("communication", "Monthly update to the permit office"),
            ("kpi", "100 permits filed online by March"),
            ("status", "In progress"),
        ],
    );
    promote(&mut s, form, r1);
    add_row(
        &mut s,
        permits,
        &[
            ("action", "Map today's paper process with the permit office"),
            ("owner", "Marc Dubois"),
            ("due", "2026-12-18"),
            ("resources", "Two half-day sessions with the office"),
            ("kpi", "Process map signed off by the head of office"),
            ("status", "Done"),
        ],
    );
    add_row(
        &mut s,
        permits,
        &[
            ("action", "Send status updates to applicants by SMS"),
            ("due", "after the summer"),
            ("resources", "SMS gateway contract"),
            ("status", "Not started"),
        ],
    );
    let r4 = add_row(
        &mut s,
        data,
        &[
            ("action", "Publish the 2026 budget as CSV and JSON"),
            ("owner", "Li Wei"),
            ("support", "Finance, Communications"),
            ("due", "2027-01-29"),
            ("resources", "A data steward, one day a week"),
            ("barriers", "Finance fears the figures will be misread"),
            (
                "communication",
                "Press release at launch, then a quarterly note",
            ),
            ("kpi", "Dataset online and updated each quarter"),
            ("status", "Not started"),
        ],
    );
    promote(&mut s, budget, r4);
    add_row(
        &mut s,
        data,
        &[
            ("action", "Agree the open data licence with legal"),
            ("owner", "Li Wei"),
            ("due", "2026-10-30"),
            ("barriers", "Waiting for the legal department"),
            ("kpi", "Licence adopted by the council"),
            ("status", "Blocked"),
        ],
    );
    add_row(
        &mut s,
        desk,
        &[
            ("action", "Improve communication"),
            ("owner", "Sam Okafor"),
            ("status", "Not started"),
        ],
    );

    // The clock: started two minutes late, ran over on the task step, and the summary
    // step is still running at export time.
    let secs = |m: i64, s: i64| (m * 60 + s) * 1000;
    s.timing.log.push(LogEntry {
        at: at(9, 2),
        step: 0,
        event: TimerEvent::Start,
    });
    s.timing.spent_ms = vec![
        secs(6, 10),
        secs(4, 40),
        secs(17, 20),
        secs(12, 5),
        secs(5, 0),
        secs(1, 30),
    ];
    s.timing.current = 5;
    s.timing.running_since = Some(at(9, 47));
    s.saved_at = at(9, 49);
    s
}

#[test]
fn every_format_matches_its_golden_file() {
    let s = workshop();
    for &format in Format::all() {
        let name = format!("workshop.{}", format.extension());
        assert_golden(&name, &render(&s, format, today(), now()));
    }
}

/// The example session of `sessions/`, as a participant would receive it.
#[test]
fn the_example_session_exports_match_their_golden_files() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions/example-workshop.json");
    let s = convene::storage::load(&path).unwrap();
    for &format in Format::all() {
        let name = format!("example.{}", format.extension());
        assert_golden(&name, &render(&s, format, today(), now()));
    }
}

#[test]
fn exports_are_deterministic() {
    for &format in Format::all() {
        assert_eq!(
            render(&workshop(), format, today(), now()),
            render(&workshop(), format, today(), now()),
            "{format}"
        );
    }
}

// ---------------------------------------------------------------- what readers see

#[test]
fn the_report_shows_planned_and_actual_time_read_at_the_export_moment() {
    let md = render(&workshop(), Format::Md, today(), now());
    assert!(
        md.contains("| 3 | Define specific tasks for each initiative | 15 min | 17 min |"),
        "{md}"
    );
    // The summary step is running: 1:30 banked plus the 3 minutes since 9:47.
    assert!(
        md.contains("| 6 | Summarize takeaways and next steps | 5 min | 5 min |"),
        "{md}"
    );
    assert!(
        md.contains("| **Total** | **45 min** | **50 min** |"),
        "{md}"
    );
    let later = render(&workshop(), Format::Md, today(), at(9, 55));
    assert!(
        later.contains("| **Total** | **45 min** | **55 min** |"),
        "{later}"
    );
}

#[test]
fn the_report_has_every_part_a_reader_looks_for() {
    let md = render(&workshop(), Format::Md, today(), now());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Agenda",
            "## Initiatives",
            "## Boards",
            "## Action plan",
            "## Takeaways and next steps",
            "## Plan check"
        ]
    );
    assert!(md.starts_with("# City services 2027: from plan to action\n"));
    assert!(md.contains("21 November 2026"));
    // Boards are named by the steps that use them; the summary board is not repeated.
    assert!(md.contains("### Define specific tasks for each initiative\n\n_Step 3 · 10 notes_"));
    assert!(md.contains("### Identify the resources needed\n\n_Step 5 · 5 notes_"));
    assert_eq!(md.matches("Online permits is the first win").count(), 1);
    // Most voted first within a group, groups in the order the room made them.
    let first = md
        .find("Map today's paper process with the permit office · **5 votes**")
        .unwrap();
    let second = md
        .find("Publish the permit form online · **4 votes** · → in Action plan")
        .unwrap();
    let later = md.find("**Later**").unwrap();
    assert!(first < second && second < later);
    // The takeaways board's panes become the summary's sections.
    let summary = &md[md.find("## Takeaways and next steps").unwrap()..];
    assert!(summary.contains("### Takeaways\n") && summary.contains("### Next steps\n"));
    assert!(summary.contains("Review meeting on 15 January"));
    // One plan table per initiative, under the template's column titles.
    assert_eq!(
        md.matches("| Action step | Owner | Supported by / kept informed | By when |")
            .count(),
        3
    );
    assert!(md.contains("Web team, two sprints<br>E-signature licence"));
    // The plan check, in words the facilitator used in the room.
    let check = &md[md.find("## Plan check").unwrap()..];
    for warning in [
        "2 actions have no measure of success",
        "1 action is due in the past",
        "1 action needs a date",
        "1 action needs an owner",
        "1 action has a date that is not a date",
        "1 action is too vague to act on",
    ] {
        assert!(check.contains(warning), "{warning}\n{check}");
    }
    assert!(check.contains(
        "- **Send status updates to applicants by SMS** (Online building permits): no owner"
    ));
}

#[test]
fn the_spreadsheet_has_one_row_per_action_under_plain_column_names() {
    let csv = render(&workshop(), Format::Csv, today(), now());
    assert!(csv.starts_with('\u{feff}'), "a BOM so Excel reads UTF-8");
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\r'));
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..4],
        [
            "Initiative",
            "Action step",
            "Owner",
            "Supported by / kept informed"
        ]
    );
    assert_eq!(header.len(), 10);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(&rows[0][0], "Online building permits");
    assert_eq!(&rows[0][4], "2027-02-15");
    assert_eq!(&rows[0][5], "Web team, two sprints\nE-signature licence");
    assert_eq!(&rows[3][2], "Li Wei");
    assert_eq!(
        &rows[2][4], "after the summer",
        "text that is not a date is kept as typed"
    );
}

/// An action whose status the room never set is shown in the table as the column's
/// first value ("○ Not started"): every export says the same, not nothing.
#[test]
fn an_unset_status_exports_as_the_room_saw_it() {
    let mut s = Session::new(Template::default_template(), "Statuses", at(9, 0));
    let initiative = s.add_initiative("Open data", "");
    add_row(
        &mut s,
        initiative,
        &[("action", "Publish the budget"), ("due", "2027-01-31")],
    );
    let status = &s.workshop.plan().columns[8];
    assert!(
        matches!(status.kind, ColumnKind::Status(_)),
        "the default plan ends with its status column"
    );
    // The table's rules: an empty cell has the column's default, shown with its tone's
    // symbol.
    let value = status_value("", status).to_string();
    assert_eq!(value, "Not started");
    let seen = format!("{} {value}", StatusTone::of(&value).symbol());

    let csv = render(&s, Format::Csv, today(), now());
    let row = csv.lines().nth(1).unwrap();
    assert!(row.ends_with(&format!(",{value}")), "{row}");
    let md = render(&s, Format::Md, today(), now());
    assert!(md.contains(&format!("| {seen} |")), "{md}");
    let html = render(&s, Format::Html, today(), now());
    assert!(
        html.contains(&format!(
            ">{}\u{a0}{value}</span>",
            StatusTone::of(&value).symbol()
        )),
        "the handout's badge"
    );
    let ics = render(&s, Format::Ics, today(), now()).replace("\r\n ", "");
    assert!(ics.contains(&format!("Status: {value}")), "{ics}");
}

#[test]
fn the_calendar_has_one_all_day_event_per_dated_action() {
    let ics = render(&workshop(), Format::Ics, today(), now());
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split_terminator("\r\n").collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    // Six actions: one has a date that is not a date, one has none.
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 4);
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20270215"));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20270216"));
    assert!(lines.contains(&"SUMMARY:Publish the permit form online"));
    assert!(lines.contains(&"DTSTAMP:20261121T095000Z"));
    let description = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:Owner: Li Wei"))
        .unwrap();
    assert!(description.contains("\\nResources needed: A data steward\\, one day a week"));
    assert!(description.contains("\\nKPI / evidence of success: Dataset online"));
    assert!(description.contains("\\nInitiative: Open budget data"));
}

#[test]
fn calendar_uids_stay_the_same_when_the_plan_changes() {
    let uids = |s: &Session, now: DateTime<Utc>| -> Vec<String> {
        render(s, Format::Ics, today(), now)
            .replace("\r\n ", "")
            .lines()
            .filter_map(|l| l.strip_prefix("UID:").map(String::from))
            .collect()
    };
    let before = uids(&workshop(), now());
    assert_eq!(before.len(), 4);
    assert!(
        before
            .iter()
            .all(|u| u.starts_with("row-") && u.ends_with("@convene"))
    );
    let unique: std::collections::HashSet<_> = before.iter().collect();
    assert_eq!(unique.len(), 4);

    let mut edited = workshop();
    edited.plan_mut().rows[0].set("due", "2027-03-01".into());
    edited.plan_mut().rows[0].set("action", "Publish the permit form and guide online".into());
    assert_eq!(
        uids(&edited, at(16, 0)),
        before,
        "re-importing updates the same events"
    );

    let other = Session::new(Template::default_template(), "Another workshop", at(9, 0));
    let mut other_with_row = other.clone();
    let i = other_with_row.add_initiative("X", "");
    add_row(&mut other_with_row, i, &[("due", "2027-01-01")]);
    assert!(!before.contains(&uids(&other_with_row, now())[0]));
}

#[test]
fn the_handout_stands_alone() {
    let html = render(&workshop(), Format::Html, today(), now());
    let lower = html.to_lowercase();
    assert!(lower.starts_with("<!doctype html>"));
    for outside in ["<script", "src=", "href=\"http", "@import", "url(", "<link"] {
        assert!(
            !lower.contains(outside),
            "{outside} would reach outside the file"
        );
    }
    assert!(html.contains("@media print") && html.contains("@page"));
    assert!(html.contains("break-before: page"));
    // Notes as cards with a colour, a marker and the colour's name in words.
    assert!(
        html.contains("<li class=\"note note-sky\"><span class=\"marker\" title=\"sky\">□</span>")
    );
    // Status as a badge that says it in words and a symbol, not only in colour.
    assert!(html.contains("<span class=\"badge badge-good\">✓\u{a0}Done</span>"));
    assert!(html.contains("<span class=\"badge badge-bad\">✗\u{a0}Blocked</span>"));
    assert!(html.contains("class=\"callout\""));
    assert!(html.contains("Map today&#39;s paper process"));
}

#[test]
fn an_empty_session_exports_without_gaps_or_panics() {
    let s = Session::new(Template::default_template(), "Fresh", at(9, 0));
    for template in Template::all_built_in().into_iter().filter(|t| !t.review) {
        let s2 = Session::new(template, "Other template", at(9, 0));
        for &format in Format::all() {
            render(&s2, format, today(), now());
        }
    }
    let md = render(&s, Format::Md, today(), now());
    assert!(md.contains("_The workshop clock was never started, so there are no actual times._"));
    assert!(md.contains("_No initiatives were set up._"));
    assert!(md.contains("No open warnings"));
    let csv = render(&s, Format::Csv, today(), now());
    assert_eq!(csv.lines().count(), 1, "just the header");
    let ics = render(&s, Format::Ics, today(), now());
    assert!(!ics.contains("BEGIN:VEVENT"));
}

// ---------------------------------------------------------------- hostile input

const SCRIPT: &str = "<script>alert(1)</script>";
const FORMULA: &str = "=HYPERLINK(\"http://x\",\"y\")";

fn long_text() -> String {
    let unit = "Ünïcödé long text, with commas; semicolons | pipes \"quotes\" 会議 🎉 ";
    let mut s = String::new();
    while s.chars().count() < 5000 {
        s.push_str(unit);
    }
    s.chars().take(5000).collect()
}

fn payloads() -> Vec<String> {
    [
        SCRIPT,
        FORMULA,
        "a, b, \"c\", d",
        "pipe | in | cell \\| already escaped?",
        "line one\nline two\r\nline three\rline four",
        "emoji 🎉👩‍👩‍👧‍👦 and CJK 会議の結果、来週まで",
        "+1 plus",
        "-1 minus",
        "@SUM(A1:A9)",
        "\tstarts with a tab",
        "\rstarts with a carriage return",
        "back\\slash; semi, comma",
        "</td></tr></table><img src=x onerror=alert(1)>",
        "' OR '1'='1",
        "# heading",
        "- list item",
        "1. numbered",
        "    indented code",
        "`code` *em* _u_ [l](http://x) <b>bold</b> &amp; $x$ ~~s~~",
        "2027-05-01",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([long_text()])
    .collect()
}

/// Every user string is hostile: title, initiatives, column titles, notes, groups,
/// authors and every cell of the plan.
fn hostile() -> Session {
    hostile_from(payloads())
}

/// The hostile session as the exports show it: its text cleaned the way typed text is
/// (tabs become spaces, carriage returns end lines).
fn hostile_as_typed() -> Session {
    hostile_from(payloads().iter().map(|p| sanitize(p)).collect())
}

fn hostile_from(p: Vec<String>) -> Session {
    let mut template = Template::default_template();
    template.tables[0].columns[2].title = "Support | kept informed, \"cc\"".into();
    template.tables[0].columns[5].title = FORMULA.into();
    let mut s = Session::new(
        template,
        &format!("{SCRIPT} | {FORMULA}\nnext line"),
        at(9, 0),
    );
    let mut initiatives = Vec::new();
    for (i, text) in p.iter().take(4).enumerate() {
        initiatives.push(s.add_initiative(text, &p[(i + 4) % p.len()]));
    }
    for (i, text) in p.iter().enumerate() {
        let pane = initiative_key(initiatives[i % initiatives.len()]);
        let id = add_note(
            &mut s,
            "tasks",
            &pane,
            n(text, NoteColour::ALL[i % 6], i as u32, None),
        );
        let note = s
            .boards
            .get_mut("tasks")
            .unwrap()
            .panes
            .iter_mut()
            .flat_map(|p| &mut p.notes)
            .find(|n| n.id == id)
            .unwrap();
        note.group = Some(p[(i + 1) % p.len()].clone()).filter(|_| i % 3 == 0);
        note.author = Some(p[(i + 2) % p.len()].clone());
        add_note(
            &mut s,
            "takeaways",
            "Next steps",
            n(text, NoteColour::Pink, 1, None),
        );
    }
    let keys: Vec<String> = s
        .workshop
        .plan()
        .columns
        .iter()
        .map(|c| c.key.clone())
        .collect();
    for (i, _) in p.iter().enumerate() {
        let cells: Vec<(String, String)> = keys
            .iter()
            .enumerate()
            .map(|(k, key)| {
                let value = if key == "due" && i % 2 == 0 {
                    "2027-05-01".to_string()
                } else {
                    p[(i + k) % p.len()].clone()
                };
                (key.clone(), value)
            })
            .collect();
        let cells: Vec<(&str, &str)> = cells
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        add_row(&mut s, initiatives[i % initiatives.len()], &cells);
    }
    s
}

fn dump(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("CONVENE_EXPORT_DUMP") {
        std::fs::write(PathBuf::from(dir).join(name), text).unwrap();
    }
}

#[test]
fn hostile_csv_parses_back_to_the_same_values() {
    let csv = render(&hostile(), Format::Csv, today(), now());
    let s = hostile_as_typed();
    dump("hostile.csv", &csv);
    let defused = |v: &str| {
        if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{v}")
        } else {
            v.to_string()
        }
    };
    let mut expected: Vec<Vec<String>> = vec![
        std::iter::once("Initiative".to_string())
            .chain(s.workshop.plan().columns.iter().map(|c| defused(&c.title)))
            .collect(),
    ];
    for initiative in &s.initiatives {
        for row in s.plan().rows_of(initiative.id) {
            expected.push(
                std::iter::once(defused(&initiative.name))
                    .chain(
                        s.workshop
                            .plan()
                            .columns
                            .iter()
                            .map(|c| defused(row.cell(&c.key))),
                    )
                    .collect(),
            );
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let parsed: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(parsed.len(), s.plan().rows.len() + 1);
    assert_eq!(parsed, expected);
    // Nothing a spreadsheet would run, and the long text whole.
    for cell in parsed.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
    assert!(parsed.iter().flatten().any(|c| *c == long_text()));
    assert!(
        parsed
            .iter()
            .flatten()
            .any(|c| c == "'=HYPERLINK(\"http://x\",\"y\")")
    );
}

#[test]
fn hostile_html_runs_nothing() {
    let s = hostile();
    let html = render(&s, Format::Html, today(), now());
    dump("hostile.html", &html);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "an unescaped script tag");
    assert!(!lower.contains("<img"), "an unescaped image tag");
    assert!(!lower.contains("<b>"), "user markup is shown, not applied");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(1)&gt;")
    );
    assert!(html.contains("&#39; OR &#39;1&#39;=&#39;1"));
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
    let escaped_long = long_text().replace('"', "&quot;");
    assert!(
        html.contains(&escaped_long),
        "the 5,000-character text is all there"
    );
    // The structure survived: every plan row is a row of its own table.
    let agenda_rows = s.workshop.steps.len() + 1; // and the total
    assert_eq!(
        html.matches("<tr><td").count() - agenda_rows,
        s.plan().rows.len()
    );
}

fn ics_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\r', '\n'], "\\n")
}

#[test]
fn hostile_calendar_lines_fit_and_unfold_to_the_escaped_text() {
    let s = hostile();
    // The calendar reads the date column: make sure the fixture still has one there.
    assert_eq!(s.workshop.plan().columns[3].kind, ColumnKind::Date);
    let ics = render(&s, Format::Ics, today(), now());
    dump("hostile.ics", &ics);
    let bytes = ics.as_bytes();
    assert!(bytes.ends_with(b"\r\n"));
    for line in bytes.split(|b| *b == b'\n') {
        if line.is_empty() {
            continue;
        }
        assert_eq!(line.last(), Some(&b'\r'), "every line ends with CRLF");
        let line = &line[..line.len() - 1];
        assert!(!line.contains(&b'\r'), "no bare CR inside a line");
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a UTF-8 character was split"
        );
    }
    let unfolded = ics.replace("\r\n ", "");
    let summaries: Vec<&str> = unfolded
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("SUMMARY:"))
        .collect();
    let dated: Vec<&PlanRow> = s
        .initiatives
        .iter()
        .flat_map(|i| s.plan().rows_of(i.id))
        .filter(|r| NaiveDate::parse_from_str(r.cell("due"), "%Y-%m-%d").is_ok())
        .collect();
    assert_eq!(summaries.len(), dated.len());
    for (summary, row) in summaries.iter().zip(&dated) {
        assert_eq!(*summary, ics_escape(row.cell("action")));
    }
    assert!(summaries.contains(&ics_escape(&long_text()).as_str()));
    assert!(unfolded.contains(&format!("X-WR-CALNAME:{}", ics_escape(&s.title))));
}

/// Pipes that split cells: those not escaped by an odd run of backslashes.
fn cell_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                count += 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    count
}

#[test]
fn hostile_markdown_keeps_its_tables_and_blocks() {
    let s = hostile();
    let md = render(&s, Format::Md, today(), now());
    dump("hostile.md", &md);
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with('|') {
            tables += 1;
            let header = cell_pipes(lines[i]);
            assert!(lines[i + 1].starts_with("| ---"), "{}", lines[i + 1]);
            while i < lines.len() && lines[i].starts_with('|') {
                assert_eq!(cell_pipes(lines[i]), header, "line {}: {}", i + 1, lines[i]);
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    assert_eq!(
        tables,
        1 + s.initiatives.len(),
        "the agenda and one plan per initiative"
    );
    // User text never starts a line: every line begins with something the report wrote.
    let ours = [
        "# ",
        "## ",
        "### ",
        "#### ",
        "| ",
        "- ",
        "**",
        "_",
        "---",
        "Open warnings",
        "Action by action",
        "",
    ];
    for line in &lines {
        let numbered = line
            .split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        assert!(
            numbered || ours.iter().any(|p| line.starts_with(p)) && !line.starts_with("    "),
            "{line:?}"
        );
    }
    // No raw HTML from the user: every < they typed is escaped.
    assert!(!md.replace("<br>", "").replace("\\<", "").contains('<'));
    assert!(
        md.contains(&long_text().replace('|', "\\|")),
        "the long text is all there"
    );
}

#[test]
fn hostile_json_keeps_every_character_typed_text_keeps() {
    let json = render(&hostile(), Format::Json, today(), now());
    let back = convene::storage::parse(std::path::Path::new("hostile.json"), &json).unwrap();
    assert!(
        back == hostile_as_typed(),
        "the JSON export differs from the session"
    );
}
