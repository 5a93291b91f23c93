//! The rules a template must keep beyond its shape: what the JSON Schema cannot say
//! (minutes adding up, column keys that exist, boards that agree with each other).
//! Every broken rule is reported, each naming the step or column it is about.

use super::{Activity, BoardSpec, ColumnKind, PaneSource, StepSpec, Template};
use std::collections::{BTreeMap, HashSet};

pub fn problems(t: &Template) -> Vec<String> {
    let mut found = Vec::new();
    if t.name.trim().is_empty() {
        found.push("the template has no name".to_string());
    }
    steps(t, &mut found);
    columns(t, &mut found);
    boards(t, &mut found);
    found
}

/// "step 3 (Define tasks)", the way a person finds it in the file.
fn step_name(i: usize, step: &StepSpec) -> String {
    format!("step {} ({})", i + 1, step.title)
}

fn steps(t: &Template, found: &mut Vec<String>) {
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
    let keys: Vec<&str> = t.plan.columns.iter().map(|c| c.key.as_str()).collect();
    for (i, step) in t.steps.iter().enumerate() {
        if step.minutes == 0 {
            found.push(format!("{} has 0 minutes", step_name(i, step)));
        }
        // With no columns at all, `columns` says so once.
        if let Activity::Table(table) = &step.activity
            && !keys.is_empty()
        {
            for key in &table.focus_columns {
                if !keys.contains(&key.as_str()) {
                    found.push(format!(
                        "{}: focus column {key:?} is not a plan column (columns: {})",
                        step_name(i, step),
                        keys.join(", ")
                    ));
                }
            }
        }
    }
}

fn columns(t: &Template, found: &mut Vec<String>) {
    if t.plan.columns.is_empty() {
        let table_step = t
            .steps
            .iter()
            .position(|s| matches!(s.activity, Activity::Table(_)));
        found.push(match table_step {
            Some(i) => format!(
                "{} shows the plan's table, but the plan has no columns",
                step_name(i, &t.steps[i])
            ),
            None => "the plan has no columns".into(),
        });
    }
    let mut keys = HashSet::new();
    for column in &t.plan.columns {
        if column.key.trim().is_empty() {
            found.push(format!("plan column {:?} has an empty key", column.title));
        } else if !keys.insert(column.key.as_str()) {
            found.push(format!("plan column key {:?} is used twice", column.key));
        }
        if let ColumnKind::Status(values) = &column.kind {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::{TableSpec, Template};

    fn default() -> Template {
        Template::default_template()
    }

    #[test]
    fn the_built_in_templates_break_no_rule() {
        for t in Template::all_built_in() {
            assert_eq!(problems(&t), Vec::<String>::new(), "{}", t.name);
        }
    }

    #[test]
    fn step_minutes_must_add_up_to_the_total() {
        let mut t = default();
        t.total_minutes = 50;
        assert_eq!(
            problems(&t),
            ["total_minutes is 50 but the steps add up to 45"]
        );
    }

    #[test]
    fn a_step_of_no_minutes_is_named() {
        let mut t = default();
        t.steps[1].minutes = 0;
        t.total_minutes -= 5;
        assert_eq!(
            problems(&t),
            ["step 2 (Hand out the action-plan template) has 0 minutes"]
        );
    }

    #[test]
    fn a_table_step_needs_columns_and_its_focus_columns_must_exist() {
        let mut t = default();
        t.steps[3].activity = Activity::Table(TableSpec {
            focus_columns: vec!["action".into(), "who".into()],
        });
        let found = problems(&t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("step 4 (")
                && found[0].contains("focus column \"who\" is not a plan column")
                && found[0].contains("columns: action, owner"),
            "{found:?}"
        );

        t.plan.columns.clear();
        let found = problems(&t);
        assert!(
            found[0].contains("shows the plan's table, but the plan has no columns"),
            "{found:?}"
        );
    }

    #[test]
    fn status_columns_need_distinct_values() {
        let with_statuses = |values: &[&str]| {
            let mut t = default();
            let status = t.plan.columns.iter_mut().find(|c| c.key == "status");
            status.unwrap().kind =
                ColumnKind::Status(values.iter().map(|v| v.to_string()).collect());
            problems(&t)
        };
        assert_eq!(
            with_statuses(&[]),
            ["status column \"status\" has no values"]
        );
        assert_eq!(
            with_statuses(&["Done", "done"]),
            ["status column \"status\" lists \"done\" twice"]
        );
    }

    #[test]
    fn boards_sharing_an_id_must_agree_and_panes_be_distinct() {
        let mut t = default();
        let resources = t.steps[4].board().unwrap().clone();
        let Activity::Summary(summary) = &mut t.steps[5].activity else {
            panic!("the last step is a summary")
        };
        summary.board = Some(BoardSpec {
            board: resources.board.clone(),
            panes: PaneSource::Fixed(vec!["Money".into(), "Money".into()]),
        });
        let found = problems(&t);
        assert!(
            found
                .iter()
                .any(|p| p.contains("pane \"Money\" is listed twice")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|p| p.starts_with("step 5 (")
                && p.contains("and step 6 (")
                && p.contains("share board \"resources\"")),
            "{found:?}"
        );
    }
}
