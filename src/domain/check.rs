//! The plan check: the method's common challenges turned into live hints. Hints point
//! at rows; they never block anything.

use super::dates;
use super::plan::{PlanRow, Roles, StatusTone, status_value};
use super::session::Session;
use super::template::ColumnKind;
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
}

impl ProblemKind {
    /// For the summary line: "3 actions need an owner".
    pub fn summary(self, count: usize) -> String {
        let actions = if count == 1 { "action" } else { "actions" };
        let what = match self {
            ProblemKind::NoOwner => "need an owner",
            ProblemKind::SharedOwner => "have more than one owner",
            ProblemKind::NoDate => "need a date",
            ProblemKind::InvalidDate => "have a date that is not a date",
            ProblemKind::PastDate => "are due in the past",
            ProblemKind::BeyondHorizon => "are due beyond the plan's horizon",
            ProblemKind::VagueAction => "are too vague to act on",
            ProblemKind::NoKpi => "have no measure of success",
        };
        let what = if count == 1 {
            what.replacen("need ", "needs ", 1)
                .replacen("have ", "has ", 1)
                .replacen("are ", "is ", 1)
        } else {
            what.to_string()
        };
        format!("{count} {actions} {what}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: u64,
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

/// Problems of every row, in plan order.
pub fn check(session: &Session, today: NaiveDate) -> Vec<Problem> {
    let columns = &session.workshop.plan.columns;
    let roles = Roles::of(columns);
    let key = |i: Option<usize>| i.map(|i| columns[i].key.as_str());
    let (action, owner, date, kpi) = (
        key(roles.action),
        key(roles.owner),
        key(roles.due),
        key(roles.kpi),
    );
    let statuses: &[String] = match roles.status.map(|i| &columns[i].kind) {
        Some(ColumnKind::Status(values)) => values,
        _ => &[],
    };
    let horizon = session
        .workshop
        .plan
        .horizon_days
        .map(|d| session.created_at.date_naive() + Duration::days(i64::from(d)));

    let mut problems = Vec::new();
    for row in &session.plan.rows {
        let done = roles.status.is_some_and(|i| {
            StatusTone::of(status_value(row.cell(&columns[i].key), statuses)) == StatusTone::Done
        });
        let mut add = |kind: ProblemKind, column: &str, message: String| {
            problems.push(Problem {
                row: row.id,
                kind,
                column: column.to_string(),
                message,
            })
        };
        if let Some(key) = action
            && let Some(why) = vague(row.cell(key))
        {
            add(ProblemKind::VagueAction, key, why);
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
    problems
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

fn vague(action: &str) -> Option<String> {
    let text = action.trim();
    if text.is_empty() {
        return Some("no action step written".into());
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

/// Summary lines, most frequent problem first: "3 actions need an owner".
pub fn summary(problems: &[Problem]) -> Vec<String> {
    counts(problems)
        .into_iter()
        .map(|(kind, n)| kind.summary(n))
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
        s.plan.rows.push(PlanRow::new(id, initiative, cells));
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

    #[test]
    fn other_templates_get_their_own_checks() {
        let mut s = session_with(&[]);
        s.workshop = Template::built_in("planning-for-success").unwrap();
        s.plan.rows[0].cells = [
            (
                "benchmark".to_string(),
                "Train all grade 3 teachers in reading".to_string(),
            ),
            ("responsible".to_string(), "M. Edwards".to_string()),
            ("date".to_string(), "2026-10-01".to_string()),
            ("status".to_string(), "Met".to_string()),
        ]
        .into();
        assert!(
            kinds(&s).is_empty(),
            "{:?}: met in the past is fine, no KPI column",
            kinds(&s)
        );
    }

    #[test]
    fn summary_counts_and_agrees_in_number() {
        let mut s = session_with(&[("action", "Do it")]);
        let initiative = s.initiatives[0].id;
        let id = s.new_id();
        s.plan.rows.push(PlanRow::new(
            id,
            initiative,
            &[("action", "Train the front-desk staff")],
        ));
        let lines = summary(&check(&s, today()));
        assert_eq!(lines[0], "2 actions need an owner");
        assert!(
            lines.contains(&"1 action is too vague to act on".to_string()),
            "{lines:?}"
        );
    }
}
