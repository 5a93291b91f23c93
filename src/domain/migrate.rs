//! Session files of an older schema, brought up to date in memory as they are read.
//! The file itself is rewritten in the new schema only when the session is saved (and
//! the save keeps the old file as `.bak`).

use super::session::Session;
use serde_json::Value;

/// Schema 1 had one action plan: `"plan": { "rows": [...] }`, and its template a
/// `plan` object. Schema 2 has tables by key; the template's `plan` is read as the
/// table keyed `plan` (see `template::legacy`), so its rows go under that key.
fn from_1_to_2(file: &mut serde_json::Map<String, Value>) {
    if let Some(plan) = file.remove("plan") {
        let mut tables = serde_json::Map::new();
        tables.insert(super::template::PLAN_KEY.into(), plan);
        file.insert("tables".into(), Value::Object(tables));
    }
    file.insert("schema_version".into(), 2.into());
}

/// Reads a session of any schema up to the current one (the caller has refused newer
/// ones: they may hold what this version would drop). Schema 3 only adds what a file of
/// schema 2 has none of (reviews, rows' history, the next review, the roster), so a
/// schema 2 file reads as it is.
pub fn session(mut value: Value) -> Result<Session, serde_json::Error> {
    if let Some(file) = value.as_object_mut()
        && file.get("schema_version").and_then(Value::as_u64) == Some(1)
    {
        from_1_to_2(file);
    }
    let mut session: Session = serde_json::from_value(value)?;
    session.schema_version = super::session::SCHEMA_VERSION;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SCHEMA_VERSION;

    #[test]
    fn a_schema_1_plan_becomes_the_table_keyed_plan() {
        let file = serde_json::json!({
            "schema_version": 1,
            "title": "Budget 2027",
            "created_at": "2026-11-21T09:00:00Z",
            "saved_at": "2026-11-21T09:00:00Z",
            "workshop": {
                "name": "mini", "title": "Mini", "description": "", "total_minutes": 5,
                "plan": { "horizon_days": 90, "columns": [
                    { "key": "action", "title": "Action step", "kind": "text" },
                    { "key": "owner", "title": "Owner", "kind": "person" }
                ] },
                "steps": [ { "title": "Plan", "minutes": 5, "instruction": "Write",
                    "activity": { "table": { "focus_columns": [] } } } ]
            },
            "initiatives": [ { "id": 1, "name": "Open data" } ],
            "timing": { "current": 0, "running_since": null, "spent_ms": [0],
                        "adjust_secs": [0], "log": [] },
            "plan": { "rows": [
                { "id": 2, "initiative": 1, "cells": { "action": "Publish the budget" } }
            ] },
            "next_id": 3
        });
        let s = session(file).unwrap();
        assert_eq!(s.schema_version, SCHEMA_VERSION);
        let table = s.workshop.plan();
        assert_eq!(
            (table.key.as_str(), table.noun.as_str(), table.horizon_days),
            ("plan", "action", Some(90))
        );
        let rows = s.tables.rows("plan");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].initiative, Some(1));
        assert_eq!(rows[0].cell("action"), "Publish the budget");
        let written = serde_json::to_value(&s).unwrap();
        assert!(written.get("plan").is_none());
        assert!(written["workshop"].get("plan").is_none());
        assert_eq!(written["workshop"]["tables"][0]["key"], "plan");
    }
}
