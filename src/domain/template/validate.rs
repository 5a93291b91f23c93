//! What a template must hold together: the checks run when one is loaded (and by
//! `templates check`), each failing with a message that says where and what to fix.

use super::{Activity, ColumnKind, GroupWork, PaneSource, Per, StepSpec, TableDef, Template};
use crate::domain::groups::MAX_GROUPS;
use crate::domain::plan::StatusTone;
use std::collections::HashSet;

pub fn template(t: &Template) -> Result<(), String> {
    agenda(t)?;
    unique("field key", t.fields.iter().map(|f| f.key.as_str()))?;
    if t.tables.is_empty() {
        return Err("the template has no tables".into());
    }
    unique("table key", t.tables.iter().map(|t| t.key.as_str()))?;
    // Table keys name export files (`plan-terms.csv`).
    if let Some(table) = t.tables.iter().find(|t| {
        t.key.is_empty()
            || !t
                .key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    }) {
        return Err(format!(
            "table key {:?}: use letters, digits, '-' and '_' only",
            table.key
        ));
    }
    for (i, table) in t.tables.iter().enumerate() {
        self::table(table).map_err(|e| format!("table {:?}: {e}", table.key))?;
        parent(t, i, table).map_err(|e| format!("table {:?}: {e}", table.key))?;
    }
    for (i, step) in t.steps.iter().enumerate() {
        self::step(t, step).map_err(|e| format!("step {} ({:?}): {e}", i + 1, step.title))?;
    }
    Ok(())
}

fn agenda(t: &Template) -> Result<(), String> {
    if t.steps.is_empty() {
        return Err("the workshop has no steps".into());
    }
    let sum: u32 = t.steps.iter().map(|s| s.minutes).sum();
    if sum != t.total_minutes {
        return Err(format!(
            "total_minutes is {} but the steps add up to {sum}",
            t.total_minutes
        ));
    }
    if let Some((i, _)) = t.steps.iter().enumerate().find(|(_, s)| s.minutes == 0) {
        return Err(format!("step {} has 0 minutes", i + 1));
    }
    Ok(())
}

fn unique<'a>(what: &str, keys: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = HashSet::new();
    for key in keys {
        if !seen.insert(key) {
            return Err(format!("{what} {key:?} is used twice"));
        }
    }
    Ok(())
}

fn table(table: &TableDef) -> Result<(), String> {
    if table.columns.is_empty() {
        return Err("no columns".into());
    }
    if table.max_rows == Some(0) {
        return Err("max_rows is 0: leave it out for no limit".into());
    }
    unique("column key", table.columns.iter().map(|c| c.key.as_str()))?;
    for column in &table.columns {
        let values = column.statuses();
        if let ColumnKind::Status(_) = column.kind
            && values.is_empty()
        {
            return Err(format!("status column {:?} has no values", column.key));
        }
        let Some(default) = &column.default else {
            continue;
        };
        if values.is_empty() {
            return Err(format!(
                "column {:?} has a default, which only status columns take",
                column.key
            ));
        }
        if !values.contains(default) {
            return Err(format!(
                "the default {default:?} of column {:?} is not one of its values ({})",
                column.key,
                values.join(", ")
            ));
        }
    }
    // A new row must not look as if it had already failed.
    if let Some(column) = table.columns.iter().find(|c| {
        !c.statuses().is_empty() && StatusTone::of(c.default_status()) == StatusTone::Stuck
    }) {
        return Err(format!(
            "a new row of column {:?} would start as {:?}, which reads as a failure: \
             put a neutral value first or give a \"default\"",
            column.key,
            column.default_status()
        ));
    }
    Ok(())
}

/// A parent is an earlier table with no parent of its own (one level of nesting), and
/// its rows belong to the same initiative or session as the children's.
fn parent(t: &Template, index: usize, table: &TableDef) -> Result<(), String> {
    let Some(key) = &table.parent else {
        return Ok(());
    };
    let Some(parent) = t.tables[..index].iter().find(|p| &p.key == key) else {
        return Err(format!(
            "its parent {key:?} is not a table listed before it"
        ));
    };
    if parent.parent.is_some() {
        return Err(format!(
            "its parent {key:?} has a parent itself: one level of nesting only"
        ));
    }
    if parent.per != table.per {
        let per = |p: Per| match p {
            Per::Initiative => "initiative",
            Per::Session => "session",
        };
        return Err(format!(
            "it is per {} but its parent {key:?} is per {}",
            per(table.per),
            per(parent.per)
        ));
    }
    Ok(())
}

fn table_named<'a>(t: &'a Template, key: &str) -> Result<&'a TableDef, String> {
    t.table(key).ok_or_else(|| {
        let keys: Vec<&str> = t.tables.iter().map(|t| t.key.as_str()).collect();
        format!("no table {key:?} (tables: {})", keys.join(", "))
    })
}

fn step(t: &Template, step: &StepSpec) -> Result<(), String> {
    for key in step.fields() {
        if t.field(key).is_none() {
            return Err(format!("no field {key:?} among the template's fields"));
        }
    }
    if let Some(board) = step.board() {
        if let PaneSource::Fixed(panes) = &board.panes
            && panes.is_empty()
        {
            return Err("a board with no panes".into());
        }
        if let Some(promote) = &board.promote {
            let table = table_named(t, &promote.table)?;
            if table.parent.is_some() {
                return Err(format!(
                    "notes cannot be promoted into table {:?}: its rows belong to rows of {:?}",
                    table.key,
                    table.parent.as_deref().unwrap_or_default()
                ));
            }
            if let Some(key) = &promote.pane_column {
                let column = table
                    .column(key)
                    .ok_or_else(|| format!("table {:?} has no column {key:?}", table.key))?;
                let values = column.statuses();
                let panes = match &board.panes {
                    PaneSource::Fixed(panes) => panes.as_slice(),
                    PaneSource::Initiatives => &[],
                };
                if !values.is_empty() {
                    if let Some(pane) = panes.iter().find(|p| !values.contains(p)) {
                        return Err(format!(
                            "pane {pane:?} is not a value of column {key:?} ({})",
                            values.join(", ")
                        ));
                    }
                    if panes.is_empty() {
                        return Err(format!(
                            "initiative panes cannot fill status column {key:?}"
                        ));
                    }
                }
            }
            for (key, value) in &promote.set {
                let column = table
                    .column(key)
                    .ok_or_else(|| format!("table {:?} has no column {key:?}", table.key))?;
                let values = column.statuses();
                if !values.is_empty() && !values.contains(value) {
                    return Err(format!(
                        "{value:?} is not a value of column {key:?} ({})",
                        values.join(", ")
                    ));
                }
            }
        }
    }
    match &step.activity {
        Activity::Table(spec) => {
            let table = match &spec.table {
                Some(key) => table_named(t, key)?,
                None => t.plan(),
            };
            for key in &spec.focus_columns {
                if table.column(key).is_none() {
                    return Err(format!(
                        "focus column {key:?} is not a column of table {:?}",
                        table.key
                    ));
                }
            }
        }
        Activity::Groups(groups) => {
            if !(1..=MAX_GROUPS).contains(&groups.count) {
                return Err(format!(
                    "{} groups: a room forms between 1 and {MAX_GROUPS}",
                    groups.count
                ));
            }
            if groups.work == GroupWork::Tables && t.tables.len() < 2 {
                return Err("groups work on tables, but the template has only one".into());
            }
        }
        _ => {}
    }
    Ok(())
}
