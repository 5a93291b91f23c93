//! The plan check: the method's common challenges turned into live hints. Hints point
//! at rows; they never block anything.

use super::plan::PlanRow;
use super::session::Session;
use super::template::ColumnKind;
use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    NoOwner,
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
];

/// Problems of every row, in plan order.
pub fn check(session: &Session, today: NaiveDate) -> Vec<Problem> {
    let columns = &session.workshop.plan.columns;
    let action = columns.first().map(|c| c.key.as_str());
    let owner = columns
        .iter()
        .find(|c| c.kind == ColumnKind::Person)
        .map(|c| c.key.as_str());
    let date = columns
        .iter()
        .find(|c| c.kind == ColumnKind::Date)
        .map(|c| c.key.as_str());
    let kpi = columns
        .iter()
        .find(|c| c.key == "kpi" || c.title.to_lowercase().contains("kpi"))
        .map(|c| c.key.as_str());
    let horizon = session
        .workshop
        .plan
        .horizon_days
        .map(|d| session.created_at.date_naive() + Duration::days(i64::from(d)));

    let mut problems = Vec::new();
    for row in &session.plan.rows {
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
        if let Some(key) = owner
            && row.cell(key).trim().is_empty()
        {
            add(
                ProblemKind::NoOwner,
                key,
                "no owner: who answers for this?".into(),
            );
        }
        if let Some(key) = date {
            date_problem(row, key, today, horizon, &mut add);
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

fn date_problem(
    row: &PlanRow,
    key: &str,
    today: NaiveDate,
    horizon: Option<NaiveDate>,
    add: &mut impl FnMut(ProblemKind, &str, String),
) {
    let text = row.cell(key).trim();
    if text.is_empty() {
        add(ProblemKind::NoDate, key, "no date: by when?".into());
        return;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Err(_) => add(
            ProblemKind::InvalidDate,
            key,
            format!("{text:?} is not a date"),
        ),
        Ok(d) if d < today => add(ProblemKind::PastDate, key, format!("{d} is already past")),
        Ok(d) if horizon.is_some_and(|h| d > h) => add(
            ProblemKind::BeyondHorizon,
            key,
            format!("{d} is beyond the plan's horizon ({})", horizon.unwrap()),
        ),
        Ok(_) => {}
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

/// Summary lines, most frequent problem first: "3 actions need an owner".
pub fn summary(problems: &[Problem]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<ProblemKind, usize> = Default::default();
    for p in problems {
        *counts.entry(p.kind).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by_key(|(kind, n)| (std::cmp::Reverse(*n), *kind));
    counts
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
        let mut row = PlanRow {
            id,
            initiative,
            cells: Default::default(),
            from_note: None,
        };
        for (k, v) in cells {
            row.set(k, v.to_string());
        }
        s.plan.rows.push(row);
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
    }

    #[test]
    fn summary_counts_and_agrees_in_number() {
        let mut s = session_with(&[("action", "Do it")]);
        let initiative = s.initiatives[0].id;
        let id = s.new_id();
        s.plan.rows.push(PlanRow {
            id,
            initiative,
            cells: [(
                "action".to_string(),
                "Train the front-desk staff".to_string(),
            )]
            .into(),
            from_note: None,
        });
        let lines = summary(&check(&s, today()));
        assert_eq!(lines[0], "2 actions need an owner");
        assert!(
            lines.contains(&"1 action is too vague to act on".to_string()),
            "{lines:?}"
        );
    }
}
