//! The rules a template must keep beyond its shape: what the JSON Schema cannot say
//! (minutes adding up, tables, columns and fields that exist, boards that agree with
//! each other). Every broken rule is reported, each naming the step, table or column
//! it is about.

use super::{
    Activity, BoardSpec, ColumnKind, GroupWork, PaneSource, Per, StepSpec, TableDef, Template,
};
use crate::domain::groups::MAX_GROUPS;
use crate::domain::plan::StatusTone;
use std::collections::{BTreeMap, HashSet};

pub fn problems(t: &Template) -> Vec<String> {
    let mut found = Vec::new();
    if t.name.trim().is_empty() {
        found.push("the template has no name".to_string());
    }
    agenda(t, &mut found);
    if t.review {
        review(t, &mut found);
        return found;
    }
    twice(
        "field key",
        t.fields.iter().map(|f| f.key.as_str()),
        &mut found,
    );
    tables(t, &mut found);
    for (i, step) in t.steps.iter().enumerate() {
        let mut here = Vec::new();
        self::step(t, step, &mut here);
        let name = step_name(i, step);
        found.extend(here.into_iter().map(|p| format!("{name}: {p}")));
    }
    boards(t, &mut found);
    found
}

/// A review's agenda works on the tables of the session it reviews, which it cannot
/// know: it has none of its own, nor boards, groups or fields to fill.
fn review(t: &Template, found: &mut Vec<String>) {
    if !t.tables.is_empty() || !t.fields.is_empty() {
        found.push(
            "a review template has no tables or fields of its own: it reviews the session's".into(),
        );
    }
    for (i, step) in t.steps.iter().enumerate() {
        let own = step.board().is_some()
            || !step.fields().is_empty()
            || matches!(step.activity, Activity::Groups(_));
        if own {
            found.push(format!(
                "{}: a review step shows a briefing, the plan's table or a summary (no board, groups or fields)",
                step_name(i, step)
            ));
        }
    }
}

/// "step 3 (Define tasks)", the way a person finds it in the file.
fn step_name(i: usize, step: &StepSpec) -> String {
    format!("step {} ({})", i + 1, step.title)
}

fn agenda(t: &Template, found: &mut Vec<String>) {
    if t.steps.is_empty() {
        found.push("the workshop has no steps".into());
        return;
    }
    let sum: u32 = t.steps.iter().map(|s| s.minutes).sum();
    if sum != t.total_minutes {
        found.push(format!(
            "total_minutes is {} but the steps add up to {sum}",
            t.total_minutes
        ));
    }
    for (i, step) in t.steps.iter().enumerate() {
        if step.minutes == 0 {
            found.push(format!("{} has 0 minutes", step_name(i, step)));
        }
    }
}

/// Reports each key that comes a second time.
fn twice<'a>(what: &str, keys: impl Iterator<Item = &'a str>, found: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for key in keys {
        if key.trim().is_empty() {
            found.push(format!("a {what} is empty"));
        } else if !seen.insert(key) {
            found.push(format!("{what} {key:?} is used twice"));
        }
    }
}

fn tables(t: &Template, found: &mut Vec<String>) {
    if t.tables.is_empty() {
        found.push("the template has no tables".into());
    }
    twice("table key", t.tables.iter().map(|t| t.key.as_str()), found);
    for (i, table) in t.tables.iter().enumerate() {
        let mut here = Vec::new();
        // Table keys name export files (`plan-terms.csv`).
        if !table
            .key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            here.push("use letters, digits, '-' and '_' only in its key".into());
        }
        columns(table, &mut here);
        parent(t, i, table, &mut here);
        found.extend(
            here.into_iter()
                .map(|p| format!("table {:?}: {p}", table.key)),
        );
    }
}

fn columns(table: &TableDef, found: &mut Vec<String>) {
    if table.columns.is_empty() {
        found.push("no columns".into());
    }
    if table.max_rows == Some(0) {
        found.push("max_rows is 0: leave it out for no limit".into());
    }
    twice(
        "column key",
        table.columns.iter().map(|c| c.key.as_str()),
        found,
    );
    for column in &table.columns {
        let values = column.statuses();
        if let ColumnKind::Status(_) = column.kind {
            if values.is_empty() {
                found.push(format!("status column {:?} has no values", column.key));
            }
            let mut seen = HashSet::new();
            for value in values {
                if !seen.insert(value.to_lowercase()) {
                    found.push(format!(
                        "status column {:?} lists {value:?} twice",
                        column.key
                    ));
                }
            }
        }
        match &column.default {
            Some(_) if values.is_empty() => found.push(format!(
                "column {:?} has a default, which only status columns take",
                column.key
            )),
            Some(default) if !values.contains(default) => found.push(format!(
                "the default {default:?} of column {:?} is not one of its values ({})",
                column.key,
                values.join(", ")
            )),
            // A new row must not look as if it had already failed.
            _ if !values.is_empty()
                && StatusTone::of(column.default_status()) == StatusTone::Stuck =>
            {
                found.push(format!(
                    "a new row of column {:?} would start as {:?}, which reads as a \
                     failure: put a neutral value first or give a \"default\"",
                    column.key,
                    column.default_status()
                ))
            }
            _ => {}
        }
    }
}

/// A parent is an earlier table with no parent of its own (one level of nesting), and
/// its rows belong to the same initiative or session as the children's.
fn parent(t: &Template, index: usize, table: &TableDef, found: &mut Vec<String>) {
    let Some(key) = &table.parent else {
        return;
    };
    let Some(parent) = t.tables[..index].iter().find(|p| &p.key == key) else {
        found.push(format!(
            "its parent {key:?} is not a table listed before it"
        ));
        return;
    };
    if parent.parent.is_some() {
        found.push(format!(
            "its parent {key:?} has a parent itself: one level of nesting only"
        ));
    }
    if parent.per != table.per {
        let per = |p: Per| match p {
            Per::Initiative => "initiative",
            Per::Session => "session",
        };
        found.push(format!(
            "it is per {} but its parent {key:?} is per {}",
            per(table.per),
            per(parent.per)
        ));
    }
}

fn table_named<'a>(t: &'a Template, key: &str, found: &mut Vec<String>) -> Option<&'a TableDef> {
    let table = t.table(key);
    if table.is_none() {
        let keys: Vec<&str> = t.tables.iter().map(|t| t.key.as_str()).collect();
        found.push(format!("no table {key:?} (tables: {})", keys.join(", ")));
    }
    table
}

fn step(t: &Template, step: &StepSpec, found: &mut Vec<String>) {
    for key in step.fields() {
        if t.field(key).is_none() {
            found.push(format!("no field {key:?} among the template's fields"));
        }
    }
    if let Some(board) = step.board() {
        promote(t, board, found);
    }
    match &step.activity {
        Activity::Table(spec) => {
            let table = match &spec.table {
                Some(key) => table_named(t, key, found),
                None => t.tables.first(),
            };
            // With no columns at all, the table's own check says so once.
            let Some(table) = table.filter(|t| !t.columns.is_empty()) else {
                return;
            };
            for key in &spec.focus_columns {
                if table.column(key).is_none() {
                    let keys: Vec<&str> = table.columns.iter().map(|c| c.key.as_str()).collect();
                    found.push(format!(
                        "focus column {key:?} is not a column of table {:?} (columns: {})",
                        table.key,
                        keys.join(", ")
                    ));
                }
            }
        }
        Activity::Groups(groups) => {
            if !(1..=MAX_GROUPS).contains(&groups.count) {
                found.push(format!(
                    "{} groups: a room forms between 1 and {MAX_GROUPS}",
                    groups.count
                ));
            }
            if groups.work == GroupWork::Tables && t.tables.len() < 2 {
                found.push("groups work on tables, but the template has only one".into());
            }
        }
        _ => {}
    }
}

/// A board's promotion names a table without a parent, its columns and their values.
fn promote(t: &Template, board: &BoardSpec, found: &mut Vec<String>) {
    let Some(promote) = &board.promote else {
        return;
    };
    let Some(table) = table_named(t, &promote.table, found) else {
        return;
    };
    if let Some(parent) = &table.parent {
        found.push(format!(
            "notes cannot be promoted into table {:?}: its rows belong to rows of {parent:?}",
            table.key
        ));
    }
    let column = |key: &str, found: &mut Vec<String>| {
        let column = table.column(key);
        if column.is_none() {
            found.push(format!("table {:?} has no column {key:?}", table.key));
        }
        column
    };
    if let Some(key) = &promote.pane_column
        && let Some(spec) = column(key, found)
    {
        let values = spec.statuses();
        match &board.panes {
            _ if values.is_empty() => {}
            PaneSource::Initiatives => found.push(format!(
                "initiative panes cannot fill status column {key:?}"
            )),
            PaneSource::Fixed(panes) => {
                for pane in panes.iter().filter(|p| !values.contains(p)) {
                    found.push(format!(
                        "pane {pane:?} is not a value of column {key:?} ({})",
                        values.join(", ")
                    ));
                }
            }
        }
    }
    for (key, value) in &promote.set {
        let Some(spec) = column(key, found) else {
            continue;
        };
        let values = spec.statuses();
        if !values.is_empty() && !values.contains(value) {
            found.push(format!(
                "{value:?} is not a value of column {key:?} ({})",
                values.join(", ")
            ));
        }
    }
}

/// Boards are stored by id: steps that share one must agree on its panes, and a
/// board's fixed panes are stored by name, so each name must be its own.
fn boards(t: &Template, found: &mut Vec<String>) {
    let mut first: BTreeMap<&str, (usize, &BoardSpec)> = BTreeMap::new();
    for (i, step) in t.steps.iter().enumerate() {
        let Some(board) = step.board() else { continue };
        if let PaneSource::Fixed(panes) = &board.panes {
            if panes.is_empty() {
                found.push(format!("{} has a board with no panes", step_name(i, step)));
            }
            let mut seen = HashSet::new();
            for pane in panes {
                if !seen.insert(pane.as_str()) {
                    found.push(format!(
                        "{}: pane {pane:?} is listed twice",
                        step_name(i, step)
                    ));
                }
            }
        }
        match first.get(board.board.as_str()) {
            Some((j, earlier)) if earlier.panes != board.panes => found.push(format!(
                "{} and {} share board {:?} but list different panes",
                step_name(*j, &t.steps[*j]),
                step_name(i, step),
                board.board
            )),
            Some(_) => {}
            None => {
                first.insert(&board.board, (i, board));
            }
        }
    }
}
