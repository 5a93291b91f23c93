//! Exports of a plan with several tables: rows under their parent, tables of the whole
//! session, the session's fields and the groups the room formed. (The golden files of
//! each template's example session cover the exact bytes; these check what a reader
//! of each format must find.)

use chrono::{NaiveDate, TimeZone, Utc};
use convene::domain::groups::{Groups, Method};
use convene::domain::plan::PlanRow;
use convene::domain::session::Session;
use convene::domain::template::{GroupWork, Template};
use convene::export::{self, Format, render};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn add(s: &mut Session, table: &str, row: PlanRow) -> u64 {
    let id = row.id;
    s.tables.table_mut(table).rows.push(row);
    id
}

/// An OGP plan: two commitments, milestones under both, a roadmap step, the vision.
fn ogp() -> Session {
    let mut s = Session::new(
        Template::built_in("ogp-roadmap").unwrap(),
        "Riverton open government 2027",
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
    );
    s.set_field(
        "vision",
        "Residents see and shape\nhow the city spends".into(),
    );
    s.set_field("forum", "Open Riverton Forum".into());
    let budget = s.new_id();
    add(
        &mut s,
        "commitments",
        PlanRow::new(
            budget,
            None,
            &[
                ("commitment", "Publish the budget as open data"),
                ("lead", "Ana Lopez"),
                ("due", "2027-06-30"),
            ],
        ),
    );
    let assembly = s.new_id();
    add(
        &mut s,
        "commitments",
        PlanRow::new(
            assembly,
            None,
            &[("commitment", "Hold a participatory budget assembly")],
        ),
    );
    for (parent, text, due) in [
        (budget, "Choose an open licence", "2027-01-31"),
        (assembly, "Book the first assembly hall", ""),
        (budget, "Release the first data set", "2027-03-31"),
    ] {
        let id = s.new_id();
        add(
            &mut s,
            "milestones",
            PlanRow::new(id, None, &[("milestone", text), ("due", due)]).under(parent),
        );
    }
    let id = s.new_id();
    add(
        &mut s,
        "roadmap",
        PlanRow::new(id, None, &[("step", "Consult residents online")]),
    );
    s
}

#[test]
fn markdown_nests_milestones_under_their_commitment_and_opens_with_the_fields() {
    let md = render(&ogp(), Format::Md, today(), Utc::now());
    let at = |text: &str| md.find(text).unwrap_or_else(|| panic!("{text:?} in\n{md}"));
    assert!(at("**Strategic vision:** Residents see and shape<br>how") < at("## Agenda"));
    assert!(at("**Forum:** Open Riverton Forum") < at("## Agenda"));
    assert!(at("## Commitments") < at("### Milestones of “Publish the budget as open data”"));
    let under_budget = &md[at("### Milestones of “Publish the budget")..];
    let next = under_budget[3..].find("###").unwrap_or(under_budget.len());
    let budget_part = &under_budget[..next];
    assert!(budget_part.contains("Choose an open licence"));
    assert!(budget_part.contains("Release the first data set"));
    assert!(!budget_part.contains("Book the first assembly hall"));
    assert!(at("### Milestones of “Hold a participatory budget assembly”") < at("## Roadmap"));
    assert!(
        md.contains("2 commitments · 3 milestones · 1 roadmap step"),
        "{md}"
    );
    assert!(
        md.contains("| ○ Not started |"),
        "an empty status exports as the app shows it"
    );
    assert!(
        md.contains("(milestone of “Hold a participatory budget assembly”)"),
        "the check says whose milestone has no date:\n{md}"
    );
}

#[test]
fn html_puts_milestones_inside_their_commitment_s_row() {
    let html = render(&ogp(), Format::Html, today(), Utc::now());
    let commitment = html.find("Publish the budget as open data</td>").unwrap();
    let nested = html[commitment..].find("<table class=\"nested\">").unwrap() + commitment;
    let next = html
        .find("Hold a participatory budget assembly</td>")
        .unwrap();
    assert!(
        nested < next,
        "the milestones follow their commitment's row"
    );
    assert!(html[nested..next].contains("Choose an open licence"));
    assert!(html.contains("<dt>Strategic vision</dt><dd>Residents see and shape\nhow"));
    assert!(html.contains("<a href=\"#table-roadmap\">Roadmap</a>"));
}

#[test]
fn the_csv_lists_each_commitment_then_its_milestones() {
    let csv = render(&ogp(), Format::Csv, today(), Utc::now());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[0], "Parent",
        "a table of the whole plan has no initiative"
    );
    assert_eq!(header[1], "Commitment");
    assert!(header.contains(&"Milestone".to_string()));
    assert!(
        header.contains(&"Milestones: Status".to_string()),
        "a title used twice says whose: {header:?}"
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let milestone = header.iter().position(|h| h == "Milestone").unwrap();
    let firsts: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[milestone].as_str()))
        .collect();
    assert_eq!(
        firsts,
        [
            ("", "Publish the budget as open data", ""),
            (
                "Publish the budget as open data",
                "",
                "Choose an open licence"
            ),
            (
                "Publish the budget as open data",
                "",
                "Release the first data set"
            ),
            ("", "Hold a participatory budget assembly", ""),
            (
                "Hold a participatory budget assembly",
                "",
                "Book the first assembly hall"
            ),
        ]
    );
    let roadmap = export::csv_table(&ogp(), "roadmap").unwrap();
    assert!(roadmap.starts_with("\u{feff}Roadmap step,"), "{roadmap}");
    assert!(roadmap.contains("Consult residents online"));
    assert!(export::csv_table(&ogp(), "nothing").is_none());
}

#[test]
fn the_calendar_has_the_dated_milestones_with_their_commitment() {
    let ics = render(&ogp(), Format::Ics, today(), Utc::now()).replace("\r\n ", "");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3, "{ics}");
    let licence = ics.find("SUMMARY:Choose an open licence").unwrap();
    let description = &ics[licence..ics[licence..].find("END:VEVENT").unwrap() + licence];
    assert!(
        description.contains("Commitment: Publish the budget as open data"),
        "{description}"
    );
}

#[test]
fn every_table_gets_a_file_when_everything_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("riverton.json");
    let written = export::write_all(&ogp(), &session, today(), Utc::now()).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // Every format, then the further tables.
    let formats = export::Format::all().len();
    assert_eq!(names[formats..], ["riverton-roadmap.csv"], "{names:?}");
    let roadmap = std::fs::read_to_string(&written[formats]).unwrap();
    assert!(roadmap.contains("Consult residents online"));
}

#[test]
fn groups_are_named_with_their_members_and_work() {
    let mut s = Session::new(
        Template::built_in("un-desa-action-planning").unwrap(),
        "Digital ID plan",
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
    );
    let enrol = s.add_initiative("Online enrolment", "");
    let mut groups = Groups::new(2, 1, &s.workshop, GroupWork::Initiatives, &[enrol]);
    groups.method = Method::CountOff;
    groups.participants = ["Ana", "Ben", "Chen"].map(String::from).to_vec();
    groups.reassign();
    s.groups = Some(groups);
    let md = render(&s, Format::Md, today(), Utc::now());
    assert!(md.contains("_2 groups, formed by counting off._"), "{md}");
    assert!(md.contains("| 1 | Ana, Chen | Online enrolment |"), "{md}");
    assert!(md.contains("| 2 | Ben | Online enrolment |"), "{md}");
    let html = render(&s, Format::Html, today(), Utc::now());
    assert!(html.contains("<td>Ana, Chen</td><td>Online enrolment</td>"));
}
