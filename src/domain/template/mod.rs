//! Workshop templates: the agenda, its activities and the action plan's columns, as data.
//! Reading a template file is storage's job; this module parses text and checks it.

mod check;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
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
];

pub const DEFAULT_TEMPLATE: &str = "action-planning";

/// A workshop template: a timed agenda and the columns of the action plan it fills.
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
    /// The action plan the room fills in.
    pub plan: PlanSpec,
    /// The agenda, in order.
    pub steps: Vec<StepSpec>,
}

/// The action plan's columns, one table per initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// Dates later than this many days after the workshop are flagged by the plan check.
    #[serde(default)]
    pub horizon_days: Option<u32>,
    /// The plan's columns, in order; the first one names the action.
    pub columns: Vec<ColumnSpec>,
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
}

/// What a plan column holds: "text", "long_text", "person", "date", or
/// {"status": [values]}.
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
    /// A closed list of values, cycled with one key; the first is the default.
    Status(Vec<String>),
}

/// One timed step of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// Shown at the top of the projector and on the agenda strip.
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

/// What the step shows: {"briefing": …}, {"board": …}, {"table": …} or {"summary": …}.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Text for the room to read, with optional bullets.
    Briefing(Briefing),
    /// Sticky notes in panes.
    Board(BoardSpec),
    /// The action-plan table.
    Table(TableSpec),
    /// The session so far, with an optional board beside it.
    Summary(SummarySpec),
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardSpec {
    /// Boards are stored by this id, so two steps naming the same id share one board.
    pub board: String,
    /// "initiatives" (one pane per initiative) or {"fixed": [pane names]}.
    pub panes: PaneSource,
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
}

impl StepSpec {
    /// The board this step shows, if any.
    pub fn board(&self) -> Option<&BoardSpec> {
        match &self.activity {
            Activity::Board(spec) => Some(spec),
            Activity::Summary(summary) => summary.board.as_ref(),
            Activity::Briefing(_) | Activity::Table(_) => None,
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
mod tests {
    use super::*;

    #[test]
    fn default_template_is_the_45_minute_workshop() {
        let t = Template::default_template();
        let minutes: Vec<u32> = t.steps.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![5, 5, 15, 10, 5, 5]);
        assert_eq!(t.total_minutes, 45);
        let challenges: usize = t.steps.iter().map(|s| s.challenges.len()).sum();
        assert_eq!(challenges, 4, "all four common challenges of the method");
        let tips: usize = t.steps.iter().map(|s| s.tips.len()).sum();
        assert!(tips >= 5, "every tip of the method");
    }

    #[test]
    fn every_built_in_template_parses() {
        let all = Template::all_built_in();
        assert_eq!(all.len(), BUILT_IN.len());
        for t in all {
            assert_eq!(Template::built_in(&t.name).unwrap().name, t.name);
        }
    }

    #[test]
    fn missing_field_names_file_line_and_field() {
        let json = "{\n  \"name\": \"x\",\n  \"title\": \"X\"\n}";
        let err = Template::parse("broken.json", json).unwrap_err();
        assert_eq!(err.problems[0].line, 4);
        let text = err.to_string();
        assert!(text.contains("broken.json"), "{text}");
        assert!(text.contains("line 4"), "{text}");
        assert!(text.contains("missing field `description`"), "{text}");
    }

    #[test]
    fn syntax_error_reports_its_position() {
        let err = Template::parse("t.json", "{\n  \"name\": \"x\",,\n}").unwrap_err();
        let p = &err.problems[0];
        assert_eq!((p.line, p.column), (2, 15));
    }

    #[test]
    fn every_rule_broken_is_reported_at_once() {
        let mut t = Template::default_template();
        t.total_minutes = 50;
        t.plan.columns[0].key = t.plan.columns[1].key.clone();
        let json = serde_json::to_string(&t).unwrap();
        let err = Template::parse("t.json", &json).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("template t.json: 2 problems"), "{text}");
        assert!(
            text.contains("\n  ") && text.contains("add up to 45"),
            "{text}"
        );
        assert!(text.contains("used twice"), "{text}");
    }

    #[test]
    fn an_editors_schema_line_is_accepted_and_never_saved() {
        let json = built_in_text(DEFAULT_TEMPLATE).unwrap().replacen(
            '{',
            "{\"$schema\": \"template.schema.json\",",
            1,
        );
        let t = Template::parse("t.json", &json).unwrap();
        assert_eq!(t.schema.as_deref(), Some("template.schema.json"));
        let saved = serde_json::to_string(&t).unwrap();
        assert!(!saved.contains("schema"), "{saved}");
    }
}
