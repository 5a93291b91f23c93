//! The action plan: rows of cells keyed by the template's column keys.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Rows of every initiative, in the order the room wrote them.
    pub rows: Vec<PlanRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    pub id: u64,
    /// The initiative this row belongs to.
    pub initiative: u64,
    /// Cell text by column key. Date cells hold an ISO date once parsed, or the text
    /// as typed when it could not be read as a date (the plan check flags it).
    #[serde(default)]
    pub cells: BTreeMap<String, String>,
    /// The board note this row was promoted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_note: Option<u64>,
}

impl PlanRow {
    pub fn cell(&self, key: &str) -> &str {
        self.cells.get(key).map(String::as_str).unwrap_or("")
    }

    /// Sets a cell; an empty value removes it so the file stays small and readable.
    pub fn set(&mut self, key: &str, value: String) {
        if value.is_empty() {
            self.cells.remove(key);
        } else {
            self.cells.insert(key.to_string(), value);
        }
    }
}

impl Plan {
    pub fn rows_of(&self, initiative: u64) -> impl Iterator<Item = &PlanRow> {
        self.rows.iter().filter(move |r| r.initiative == initiative)
    }
}
