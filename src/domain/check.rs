//! The plan check: the method's common challenges turned into live hints. Hints point
//! at rows; they never block anything.

use super::dates;
use super::plan::{PlanRow, Roles, StatusTone, status_value};
use super::session::Session;
use super::template::{Per, TableDef, Template};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    NoOwner,
    /// Several people in the owner cell: one answers for it, the others support.
    SharedOwner,
    NoDate,
    InvalidDate,
    PastDate,
    BeyondHorizon,
    VagueAction,
    NoKpi,
    /// More rows than the template allows (OGP: five commitments in a plan).
    OverCap,
}

impl ProblemKind {
    /// For the summary line: "3 actions need an owner", "1 commitment is past the
    /// limit (5 in the plan)".
    pub fn summary(self, count: usize, table: &TableDef) -> String {
        let over_cap;
        let what = match self {
            ProblemKind::NoOwner => "need an owner",
            ProblemKind::SharedOwner => "have more than one owner",
            ProblemKind::NoDate => "need a date",
            ProblemKind::InvalidDate => "have a date that is not a date",
            ProblemKind::PastDate => "are due in the past",
            ProblemKind::BeyondHorizon => "are due beyond the plan's horizon",
            ProblemKind::VagueAction => "are too vague to act on",
            ProblemKind::NoKpi => "have no measure of success",
            ProblemKind::OverCap => {
                over_cap = format!("are past the limit ({})", limit(table));
                &over_cap
            }
        };
        let what = if count == 1 {
            what.replacen("need ", "needs ", 1)
                .replacen("have ", "has ", 1)
                .replacen("are ", "is ", 1)
        } else {
            what.to_string()
        };
        format!("{} {what}", table.count(count))
    }
}

/// "5 in the plan", "5 per initiative".
fn limit(table: &TableDef) -> String {
    let max = table.max_rows.unwrap_or(0);
    match table.per {
        Per::Session => format!("{max} in the plan"),
        Per::Initiative => format!("{max} per initiative"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: u64,
    /// The key of the row's table.
    pub table: String,
    pub kind: ProblemKind,
    /// Column key the problem is about, to put the cursor there.
    pub column: String,
    pub message: String,
}

/// The plan check's problems by row, to look a row's or a cell's up at once.
#[derive(Debug, Default)]
pub struct ByRow<'a>(HashMap<u64, Vec<&'a Problem>>);

impl<'a> ByRow<'a> {
    pub fn new(problems: &'a [Problem]) -> ByRow<'a> {
        let mut map: HashMap<u64, Vec<&Problem>> = HashMap::new();
        for p in problems {
            map.entry(p.row).or_default().push(p);
        }
        ByRow(map)
    }

    pub fn row(&self, row: u64) -> &[&'a Problem] {
        self.0.get(&row).map_or(&[], Vec::as_slice)
    }

    /// The problem of one cell, by the row's id and the column's key.
    pub fn cell(&self, row: u64, key: &str) -> Option<&'a Problem> {
        self.row(row).iter().find(|p| p.column == key).copied()
    }
}

/// Words that make an action step sound busy without saying what will be done.
const VAGUE_WORDS: &[&str] = &[
    "improve",
    "support",
    "look into",
    "work on",
    "consider",
    "explore",
    "discuss",
    "address",
    "handle",
    "tbd",
    "etc",
    "enhance",
    "strengthen",
    "ensure",
    "think about",
    "try to",
    "continue",
];

/// Owner entries that name no one person: "a group is not an owner".
const NOBODY: &[&str] = &[
    "tbd",
    "tbc",
    "?",
    "??",
    "-",
    "n/a",
    "none",
    "nobody",
    "all",
    "everyone",
    "everybody",
    "team",
    "the team",
    "we",
    "us",
    "someone",
    "anyone",
];

/// Problems of every row, table by table in the template's order, rows in their
/// stored order.
pub fn check(session: &Session, today: NaiveDate) -> Vec<Problem> {
    let mut problems = Vec::new();
    for table in &session.workshop.tables {
        check_table(session, table, today, &mut problems);
    }
    problems
}

fn check_table(session: &Session, table: &TableDef, today: NaiveDate, out: &mut Vec<Problem>) {
    let columns = &table.columns;
    let roles = Roles::of(columns);
    let key = |i: Option<usize>| i.map(|i| columns[i].key.as_str());
    let (action, owner, date, kpi) = (
        key(roles.action),
        key(roles.owner),
        key(roles.due),
        key(roles.kpi),
    );
    let horizon = table
        .horizon_days
        .map(|d| session.created_at.date_naive() + Duration::days(i64::from(d)));
    let rows = session.tables.rows(&table.key);
    for row in rows {
        let done = roles.status.is_some_and(|i| {
            StatusTone::of(status_value(row.cell(&columns[i].key), &columns[i])) == StatusTone::Done
        });
        let mut add = |kind: ProblemKind, column: &str, message: String| {
            out.push(Problem {
                row: row.id,
                table: table.key.clone(),
                kind,
                column: column.to_string(),
                message,
            })
        };
        if let Some(i) = roles.action
            && let Some(why) = vague(row.cell(&columns[i].key), &columns[i].title)
        {
            add(ProblemKind::VagueAction, action.unwrap_or_default(), why);
        }
        if let Some(key) = owner {
            let who = row.cell(key).trim();
            if who.is_empty() {
                add(
                    ProblemKind::NoOwner,
                    key,
                    "no owner: who answers for this?".into(),
                );
            } else if names_nobody(who) {
                add(
                    ProblemKind::NoOwner,
                    key,
                    format!("{who:?} is not an owner: name one person who answers for it"),
                );
            } else if let n @ 2.. = owners(who) {
                add(
                    ProblemKind::SharedOwner,
                    key,
                    format!("{n} owners: one person answers for it (the others can support)"),
                );
            }
        }
        if let Some(key) = date {
            date_problem(row, key, today, horizon, done, &mut add);
        }
        if let Some(key) = kpi
            && row.cell(key).trim().is_empty()
        {
            add(
                ProblemKind::NoKpi,
                key,
                "no KPI: how will we know it is done?".into(),
            );
        }
    }
    if let Some(max) = table.max_rows {
        over_cap(session, table, rows, max as usize, out);
    }
}

/// The rows past a table's cap, each pointed at: "6 commitments: the plan holds at
/// most 5". Per initiative, each initiative's rows are counted on their own.
fn over_cap(
    session: &Session,
    table: &TableDef,
    rows: &[PlanRow],
    max: usize,
    out: &mut Vec<Problem>,
) {
    let mut groups: Vec<(Option<u64>, Vec<&PlanRow>)> = Vec::new();
    for row in rows {
        let group = match table.per {
            Per::Session => None,
            Per::Initiative => row.initiative,
        };
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(row),
            None => groups.push((group, vec![row])),
        }
    }
    for (group, members) in groups.into_iter().filter(|(_, m)| m.len() > max) {
        let whose = match group.and_then(|id| session.initiative(id)) {
            Some(i) => format!("{} for “{}”", table.count(members.len()), i.name),
            None => table.count(members.len()),
        };
        let message = match table.per {
            Per::Session => format!("{whose}: the plan holds at most {max}"),
            Per::Initiative => format!("{whose}: at most {max} per initiative"),
        };
        for row in &members[max..] {
            out.push(Problem {
                row: row.id,
                table: table.key.clone(),
                kind: ProblemKind::OverCap,
                column: table.columns[0].key.clone(),
                message: message.clone(),
            });
        }
    }
}

/// An owner cell that names no one person: "TBD", "the team", "The whole team.".
fn names_nobody(who: &str) -> bool {
    let lower = who.trim().to_lowercase();
    let mut rest = lower.trim_end_matches(['.', '!']).trim();
    if rest.is_empty() {
        // Only punctuation ("?", "-", "...").
        return true;
    }
    while let Some(r) = ["the ", "whole ", "entire ", "all of ", "our "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        rest = r.trim_start();
    }
    NOBODY.contains(&rest) || NOBODY.contains(&lower.as_str())
}

/// How many people an owner cell names: "Ana, Ben", "Ana and Ben", "Ana & Ben",
/// "Ana / Ben" are two.
fn owners(who: &str) -> usize {
    who.split([',', ';', '&', '/', '+'])
        .flat_map(|part| part.split(" and "))
        .filter(|name| !name.trim().is_empty())
        .count()
}

fn date_problem(
    row: &PlanRow,
    key: &str,
    today: NaiveDate,
    horizon: Option<NaiveDate>,
    done: bool,
    add: &mut impl FnMut(ProblemKind, &str, String),
) {
    let text = row.cell(key).trim();
    if text.is_empty() {
        add(ProblemKind::NoDate, key, "no date: by when?".into());
        return;
    }
    match dates::stored(text) {
        None => {
            let why = match dates::parse_date(text, today) {
                Err(why) => why,
                Ok(d) => format!("reads as {}: edit the cell to store it", dates::long(d)),
            };
            add(
                ProblemKind::InvalidDate,
                key,
                format!("{text:?} is not a date: {why}"),
            )
        }
        // A finished action may well have been due before today.
        Some(d) if d < today && !done => add(
            ProblemKind::PastDate,
            key,
            format!(
                "{} is already past: set a date still to come",
                dates::long(d)
            ),
        ),
        Some(d) if horizon.is_some_and(|h| d > h) => add(
            ProblemKind::BeyondHorizon,
            key,
            format!(
                "{} is beyond the plan's horizon ({}): split it into nearer steps",
                dates::long(d),
                horizon.map(dates::long).unwrap_or_default()
            ),
        ),
        Some(_) => {}
    }
}

/// Why an action step is not one yet; `title` is its column's ("Action step").
fn vague(action: &str, title: &str) -> Option<String> {
    let text = action.trim();
    if text.is_empty() {
        return Some(format!("no {} written", title.to_lowercase()));
    }
    let words = text.split_whitespace().count();
    if words < 3 {
        return Some("too short to act on: say what will be done, with a verb".into());
    }
    let lower = text.to_lowercase();
    VAGUE_WORDS
        .iter()
        .find(|w| lower.starts_with(*w))
        .map(|w| format!("starts with {w:?}: name a concrete result instead"))
}

/// How many rows have each kind of problem, most frequent first.
pub fn counts(problems: &[Problem]) -> Vec<(ProblemKind, usize)> {
    let mut counts: std::collections::BTreeMap<ProblemKind, usize> = Default::default();
    for p in problems {
        *counts.entry(p.kind).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by_key(|(kind, n)| (std::cmp::Reverse(*n), *kind));
    counts
}

/// Summary lines, most frequent problem first, each in its table's words: "3 actions
/// need an owner", "2 milestones need a date".
pub fn summary(problems: &[Problem], template: &Template) -> Vec<String> {
    let mut counts: Vec<((&str, ProblemKind), usize)> = Vec::new();
    for p in problems {
        let key = (p.table.as_str(), p.kind);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by_key(|((_, kind), n)| (std::cmp::Reverse(*n), *kind));
    counts
        .into_iter()
        .filter_map(|((table, kind), n)| Some(kind.summary(n, template.table(table)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::{TimeZone, Utc};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn session_with(cells: &[(&str, &str)]) -> Session {
        let mut s = Session::new(
            Template::default_template(),
            "T",
            Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
        );
        let initiative = s.add_initiative("Permits online", "");
        let id = s.new_id();
        s.plan_mut().rows.push(PlanRow::new(id, initiative, cells));
        s
    }

    fn kinds(s: &Session) -> Vec<ProblemKind> {
        check(s, today()).into_iter().map(|p| p.kind).collect()
    }

    const GOOD: &[(&str, &str)] = &[
        ("action", "Publish the permit form online"),
        ("owner", "Ana"),
        ("due", "2026-12-15"),
        ("kpi", "100 permits filed online"),
    ];

    #[test]
    fn a_complete_row_has_no_problem() {
        assert!(kinds(&session_with(GOOD)).is_empty());
    }

    #[test]
    fn each_missing_piece_is_pointed_out() {
        let s = session_with(&[("action", "Improve communication with citizens")]);
        assert_eq!(
            kinds(&s),
            [
                ProblemKind::VagueAction,
                ProblemKind::NoOwner,
                ProblemKind::NoDate,
                ProblemKind::NoKpi
            ]
        );
    }

    #[test]
    fn dates_past_invalid_and_beyond_the_horizon() {
        let with_due = |due: &str| {
            let mut cells = GOOD.to_vec();
            cells[2] = ("due", due);
            kinds(&session_with(&cells))
        };
        assert_eq!(with_due("2026-11-20"), [ProblemKind::PastDate]);
        assert_eq!(with_due("someday"), [ProblemKind::InvalidDate]);
        assert_eq!(with_due("2028-01-01"), [ProblemKind::BeyondHorizon]);
        assert_eq!(with_due("2026-11-21"), [], "due today is fine");
        let s = session_with(&[("due", "someday")]);
        let p = check(&s, today());
        let invalid = p
            .iter()
            .find(|p| p.kind == ProblemKind::InvalidDate)
            .unwrap();
        assert!(
            invalid.message.contains("agree on a real one"),
            "{}",
            invalid.message
        );
    }

    #[test]
    fn a_finished_action_may_be_in_the_past() {
        let mut cells = GOOD.to_vec();
        cells[2] = ("due", "2026-11-02");
        cells.push(("status", "Done"));
        assert!(kinds(&session_with(&cells)).is_empty());
        cells.pop();
        let s = session_with(&cells);
        assert_eq!(
            check(&s, today())[0].message,
            "Mon 2 Nov 2026 is already past: set a date still to come"
        );
    }

    #[test]
    fn a_group_is_not_an_owner() {
        let mut cells = GOOD.to_vec();
        cells[1] = ("owner", "Everyone");
        let s = session_with(&cells);
        let p = check(&s, today());
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, ProblemKind::NoOwner);
        assert!(p[0].message.contains("name one person"));
    }

    fn session_of(template: &str) -> Session {
        Session::new(
            Template::built_in(template).unwrap(),
            "T",
            Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn every_table_is_checked_in_its_own_words() {
        let mut s = session_of("planning-for-success");
        let reading = s.add_initiative("Reading", "");
        let rows = [
            (
                "benchmarks",
                vec![
                    ("benchmark", "Train all grade 3 teachers in reading"),
                    ("responsible", "M. Edwards"),
                    ("date", "2026-10-01"),
                    ("status", "Met"),
                ],
            ),
            ("benchmarks", vec![("benchmark", "Coaching cycles")]),
            ("terms", vec![("term", "Equity")]),
            ("resources", vec![("resource", "Coaches")]),
        ];
        for (table, cells) in rows {
            let id = s.new_id();
            s.tables
                .table_mut(table)
                .rows
                .push(PlanRow::new(id, reading, &cells));
        }
        let problems = check(&s, today());
        assert!(
            problems
                .iter()
                .all(|p| p.table == "benchmarks" && p.row == 3),
            "met in the past is fine, and a term or a resource is no action: {problems:?}"
        );
        assert_eq!(
            summary(&problems, &s.workshop),
            [
                "1 benchmark needs an owner",
                "1 benchmark needs a date",
                "1 benchmark is too vague to act on"
            ]
        );
    }

    #[test]
    fn a_sixth_commitment_is_flagged_and_still_kept() {
        let mut s = session_of("ogp-roadmap");
        for n in 1..=6 {
            let id = s.new_id();
            let text = format!("Open the data of service {n}");
            s.tables.table_mut("commitments").rows.push(PlanRow::new(
                id,
                None,
                &[("commitment", &text)],
            ));
        }
        let over: Vec<Problem> = check(&s, today())
            .into_iter()
            .filter(|p| p.kind == ProblemKind::OverCap)
            .collect();
        assert_eq!(over.len(), 1);
        assert_eq!(over[0].row, 6, "the one past the cap");
        assert_eq!(over[0].message, "6 commitments: the plan holds at most 5");
        assert_eq!(s.tables.rows("commitments").len(), 6);
        assert!(
            summary(&over, &s.workshop)
                .contains(&"1 commitment is past the limit (5 in the plan)".to_string())
        );
    }

    #[test]
    fn a_cap_per_initiative_counts_each_initiative_apart() {
        let mut s = session_of("planning-for-success");
        s.workshop.tables[0].max_rows = Some(2);
        let a = s.add_initiative("Reading", "");
        let b = s.add_initiative("Families", "");
        for initiative in [a, b, a, a] {
            let id = s.new_id();
            s.tables.table_mut("benchmarks").rows.push(PlanRow::new(
                id,
                initiative,
                &[("benchmark", "Observe every reading lesson")],
            ));
        }
        let over: Vec<Problem> = check(&s, today())
            .into_iter()
            .filter(|p| p.kind == ProblemKind::OverCap)
            .collect();
        assert_eq!(over.len(), 1);
        assert_eq!(
            over[0].message,
            "3 benchmarks for “Reading”: at most 2 per initiative"
        );
    }

    #[test]
    fn summary_counts_and_agrees_in_number() {
        let mut s = session_with(&[("action", "Do it")]);
        let initiative = s.initiatives[0].id;
        let id = s.new_id();
        s.plan_mut().rows.push(PlanRow::new(
            id,
            initiative,
            &[("action", "Train the front-desk staff")],
        ));
        let lines = summary(&check(&s, today()), &s.workshop);
        assert_eq!(lines[0], "2 actions need an owner");
        assert!(
            lines.contains(&"1 action is too vague to act on".to_string()),
            "{lines:?}"
        );
    }
}
