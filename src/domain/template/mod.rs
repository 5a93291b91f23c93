//! Workshop templates: the agenda, its activities, the session's fields and the plan's
//! tables, as data. Reading a template file is storage's job; this module parses text
//! and checks it.

mod check;
mod legacy;
mod table;

pub use legacy::PLAN_KEY;
pub use table::{ColumnKind, ColumnSpec, Per, TableDef};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Templates compiled into the binary, so `convene` needs no set-up file.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "action-planning",
        include_str!("../../../assets/templates/action-planning.json"),
    ),
    (
        "un-desa-action-planning",
        include_str!("../../../assets/templates/un-desa-action-planning.json"),
    ),
    (
        "planning-for-success",
        include_str!("../../../assets/templates/planning-for-success.json"),
    ),
    (
        "ogp-roadmap",
        include_str!("../../../assets/templates/ogp-roadmap.json"),
    ),
    (
        "implementation-sequence",
        include_str!("../../../assets/templates/implementation-sequence.json"),
    ),
    (
        REVIEW_TEMPLATE,
        include_str!("../../../assets/templates/plan-review.json"),
    ),
];

/// The review meeting `convene review` runs unless told otherwise.
pub const REVIEW_TEMPLATE: &str = "plan-review";

pub const DEFAULT_TEMPLATE: &str = "action-planning";

/// A workshop template: a timed agenda, the session's fields and the tables it fills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The schema an editor checks this file against; convene ignores it and never
    /// copies it into a session.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Short identifier, shown by `convene templates` and stored in each session.
    pub name: String,
    /// The workshop's name, as the room and the report see it.
    pub title: String,
    /// What the workshop is for, in a sentence or two.
    pub description: String,
    /// The whole workshop in minutes: the steps' minutes must add up to it.
    pub total_minutes: u32,
    /// What to bring or prepare.
    #[serde(default)]
    pub materials: Vec<String>,
    /// A review meeting's agenda (`convene review`), run on a session's plan weeks
    /// after its workshop: it has no tables of its own, its table steps show the
    /// session's, and it has no boards or groups.
    #[serde(default, skip_serializing_if = "is_false")]
    pub review: bool,
    /// Short texts the session asks for (the strategic objective, the vision).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// The tables the room fills in, in the order reports show them. A template of the
    /// first format has one `plan` object instead; it is read as one table.
    #[serde(default, alias = "plan", deserialize_with = "legacy::tables_or_plan")]
    #[schemars(with = "Vec<TableDef>")]
    pub tables: Vec<TableDef>,
    /// The agenda, in order.
    pub steps: Vec<StepSpec>,
}

/// A short text of the whole session, typed on the set-up screen or in a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Stable key under which the text is stored in the session.
    pub key: String,
    pub title: String,
    /// What to write, shown while the field is empty or being edited.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    /// Several lines (a vision, notes) rather than one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub long: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One timed step of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// Shown at the top of the projector and on the agenda strip (no number of its own).
    pub title: String,
    /// Planned minutes (at least 1).
    pub minutes: u32,
    /// What the room does now, shown on the projector.
    pub instruction: String,
    /// Advice for the facilitator, shown in the facilitator panel.
    #[serde(default)]
    pub tips: Vec<String>,
    /// What often goes wrong in this step, and what to do about it.
    #[serde(default)]
    pub challenges: Vec<Challenge>,
    /// What fills the screen under the countdown.
    pub activity: Activity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    pub challenge: String,
    pub remedy: String,
}

/// What the step shows: {"briefing": …}, {"board": …}, {"table": …}, {"summary": …} or
/// {"groups": …}.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Text for the room to read, with optional bullets and session fields.
    Briefing(Briefing),
    /// Sticky notes in panes.
    Board(BoardSpec),
    /// One of the template's tables.
    Table(TableSpec),
    /// The session so far, with an optional board beside it.
    Summary(SummarySpec),
    /// The room splits into groups, each with its work.
    Groups(GroupsSpec),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    pub text: String,
    #[serde(default)]
    pub bullets: Vec<String>,
    /// List the session's initiatives under the text (the review step).
    #[serde(default)]
    pub show_initiatives: bool,
    /// Session fields shown (and edited) on this step, by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardSpec {
    /// Boards are stored by this id, so two steps naming the same id share one board.
    pub board: String,
    /// "initiatives" (one pane per initiative) or {"fixed": [pane names]}.
    pub panes: PaneSource,
    /// Where a promoted note goes; without it, the first table's first column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promote: Option<Promote>,
    /// Dots each participant spends from a phone on this board (3 when not given;
    /// the facilitator may change it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dots: Option<u32>,
}

/// Where a note of a board goes when promoted, and what it is set to there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Promote {
    pub table: String,
    /// Cells the new row starts with, by column key (the note's text goes in the
    /// table's first column).
    #[serde(default)]
    pub set: BTreeMap<String, String>,
    /// A column that takes the title of the note's pane: a note under "Transparency"
    /// becomes a commitment whose principle is Transparency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pane_column: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaneSource {
    /// One pane per initiative of the session.
    Initiatives,
    /// These panes, whatever the initiatives.
    Fixed(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// The table shown, by key; the template's first table when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Column keys to show first; empty shows every column in template order.
    #[serde(default)]
    pub focus_columns: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SummarySpec {
    /// An optional board beside the summary (takeaways, next steps).
    #[serde(default)]
    pub board: Option<BoardSpec>,
    /// Session fields shown (and edited) on this step, by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Each group's result side by side (the plenary after group work).
    #[serde(default, skip_serializing_if = "is_false")]
    pub plenary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupsSpec {
    /// How many groups the room forms unless the facilitator changes it.
    pub count: u32,
    /// What each group is given to work on.
    #[serde(default)]
    pub work: GroupWork,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupWork {
    /// An initiative each (several groups may share one).
    #[default]
    Initiatives,
    /// A table of the template each (key terms, resources...).
    Tables,
}

impl StepSpec {
    /// The board this step shows, if any.
    pub fn board(&self) -> Option<&BoardSpec> {
        match &self.activity {
            Activity::Board(spec) => Some(spec),
            Activity::Summary(summary) => summary.board.as_ref(),
            Activity::Briefing(_) | Activity::Table(_) | Activity::Groups(_) => None,
        }
    }

    /// The session fields this step shows.
    pub fn fields(&self) -> &[String] {
        match &self.activity {
            Activity::Briefing(b) => &b.fields,
            Activity::Summary(s) => &s.fields,
            _ => &[],
        }
    }
}

/// Why a template could not be used, with enough detail to fix the file: every
/// problem found, each with its line and column when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The file (or built-in name) the template came from.
    pub source: String,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when the problem is about the template as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl TemplateError {
    pub fn new(source: &str, message: impl Into<String>) -> TemplateError {
        TemplateError {
            source: source.to_string(),
            problems: vec![Problem {
                line: 0,
                column: 0,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        f.write_str(&self.message)
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "template {}: {one}", self.source),
            many => {
                write!(f, "template {}: {} problems", self.source, many.len())?;
                for problem in many {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parses and checks a template; `source` names it in error messages. A file that
    /// does not parse reports where; one that parses reports every rule it breaks.
    pub fn parse(source: &str, json: &str) -> Result<Template, TemplateError> {
        let template: Template = serde_json::from_str(json).map_err(|e| TemplateError {
            source: source.to_string(),
            problems: vec![Problem {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            }],
        })?;
        let problems = check::problems(&template);
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(TemplateError {
                source: source.to_string(),
                problems: problems
                    .into_iter()
                    .map(|message| Problem {
                        line: 0,
                        column: 0,
                        message,
                    })
                    .collect(),
            })
        }
    }

    pub fn built_in(name: &str) -> Option<Template> {
        built_in_text(name)
            .map(|json| Template::parse(name, json).expect("built-in templates are valid"))
    }

    pub fn all_built_in() -> Vec<Template> {
        BUILT_IN
            .iter()
            .map(|(n, json)| Template::parse(n, json).expect("built-in templates are valid"))
            .collect()
    }

    pub fn default_template() -> Template {
        Template::built_in(DEFAULT_TEMPLATE).expect("the default template is built in")
    }

    /// The JSON Schema of the template format, generated from the types above, for
    /// editors to complete and check a template as it is typed (draft 7: the one
    /// editors know best).
    pub fn json_schema() -> String {
        let schema = schemars::generate::SchemaSettings::draft07()
            .into_generator()
            .into_root_schema_for::<Template>();
        let mut json = serde_json::to_string_pretty(&schema).expect("a schema serializes");
        json.push('\n');
        json
    }
    pub fn table(&self, key: &str) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.key == key)
    }

    /// The first table: where a note goes when its board names no other.
    pub fn plan(&self) -> &TableDef {
        &self.tables[0]
    }

    /// The table a table step shows (the first one unless it names another).
    pub fn step_table(&self, spec: &TableSpec) -> &TableDef {
        spec.table
            .as_deref()
            .and_then(|key| self.table(key))
            .unwrap_or_else(|| self.plan())
    }

    /// The tables whose rows belong to rows of table `key`.
    pub fn children(&self, key: &str) -> impl Iterator<Item = &TableDef> {
        self.tables
            .iter()
            .filter(move |t| t.parent.as_deref() == Some(key))
    }

    /// Whether anything of the workshop is per initiative: a table, a board's panes,
    /// a briefing that lists them, groups given one each. OGP Local plans for the
    /// whole city and needs none.
    pub fn uses_initiatives(&self) -> bool {
        self.tables.iter().any(|t| t.per == Per::Initiative)
            || self.steps.iter().any(|s| match &s.activity {
                Activity::Briefing(b) => b.show_initiatives,
                Activity::Groups(g) => g.work == GroupWork::Initiatives,
                _ => s
                    .board()
                    .is_some_and(|b| b.panes == PaneSource::Initiatives),
            })
    }

    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// The names of the built-in templates, in the order `convene templates` lists them.
pub fn built_in_names() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(name, _)| *name)
}

/// A built-in template's file, as written (to start a template of one's own from).
pub fn built_in_text(name: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, json)| *json)
}

/// serde_json appends " at line L column C"; the error already carries those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests;
