//! A table of the plan: its columns, what a row is called, whose rows it holds, its
//! limits and its parent table.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One table of the plan: its columns, what a row is called, whose it is, its limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableDef {
    /// Stable key under which rows are stored in the session.
    pub key: String,
    pub title: String,
    /// What one row is, singular, for hints: "2 commitments need an owner".
    #[serde(default = "row_noun")]
    pub noun: String,
    /// The plural when adding an "s" is wrong ("entries"); else left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<String>,
    #[serde(default)]
    pub per: Per,
    /// At most this many rows (per initiative, or in the session): passing it is a
    /// hint of the plan check, never a refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u32>,
    /// Dates later than this many days after the workshop are flagged by the plan check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_days: Option<u32>,
    /// The table whose rows this table's rows belong to (milestones under commitments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub columns: Vec<ColumnSpec>,
}

fn row_noun() -> String {
    "row".into()
}

/// Whose rows a table holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// A table for each initiative.
    #[default]
    Initiative,
    /// One table for the whole session (key terms, the plan's resources).
    Session,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Stable key under which cells are stored in the session.
    pub key: String,
    /// The column's heading.
    pub title: String,
    /// What the column holds.
    pub kind: ColumnKind,
    /// The value an empty status cell shows and exports; else the first value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

/// What a column holds: "text", "long_text", "person", "date", or {"status": [values]}.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// One line of text.
    Text,
    /// Text that may run to several lines.
    LongText,
    /// Names, offered for completion from the other person cells.
    Person,
    /// A date, typed as the room says it and stored as an ISO date.
    Date,
    /// A closed list of values, cycled with one key.
    Status(Vec<String>),
}

impl TableDef {
    /// "commitments": the plural of the noun.
    pub fn nouns(&self) -> String {
        self.plural.clone().unwrap_or_else(|| plural(&self.noun))
    }

    /// "1 commitment", "6 commitments".
    pub fn count(&self, n: usize) -> String {
        if n == 1 {
            format!("1 {}", self.noun)
        } else {
            format!("{n} {}", self.nouns())
        }
    }

    pub fn column(&self, key: &str) -> Option<&ColumnSpec> {
        self.columns.iter().find(|c| c.key == key)
    }
}

/// English plurals of the nouns tables use: "entry" → "entries", "box" → "boxes".
fn plural(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix('y')
        && !stem.is_empty()
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| noun.ends_with(e))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

impl ColumnSpec {
    /// The values of a status column, none for other kinds.
    pub fn statuses(&self) -> &[String] {
        match &self.kind {
            ColumnKind::Status(values) => values,
            _ => &[],
        }
    }

    /// What an empty status cell stands for: the declared default, else the first value.
    pub fn default_status(&self) -> &str {
        self.default
            .as_deref()
            .or(self.statuses().first().map(String::as_str))
            .unwrap_or("")
    }
}
