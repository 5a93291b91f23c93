//! Workshop templates: the agenda, its activities and the action plan's columns, as data.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Templates compiled into the binary, so `convene` needs no set-up file.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "action-planning",
        include_str!("../../assets/templates/action-planning.json"),
    ),
    (
        "un-desa-action-planning",
        include_str!("../../assets/templates/un-desa-action-planning.json"),
    ),
    (
        "planning-for-success",
        include_str!("../../assets/templates/planning-for-success.json"),
    ),
    (
        "ogp-roadmap",
        include_str!("../../assets/templates/ogp-roadmap.json"),
    ),
];

pub const DEFAULT_TEMPLATE: &str = "action-planning";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Short identifier, used on the command line.
    pub name: String,
    pub title: String,
    pub description: String,
    pub total_minutes: u32,
    #[serde(default)]
    pub materials: Vec<String>,
    pub plan: PlanSpec,
    pub steps: Vec<StepSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// Dates later than this many days after the workshop are flagged by the plan check.
    #[serde(default)]
    pub horizon_days: Option<u32>,
    pub columns: Vec<ColumnSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Stable key under which cells are stored in the session.
    pub key: String,
    pub title: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    LongText,
    Person,
    Date,
    /// A closed list of values, cycled with one key; the first is the default.
    Status(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub title: String,
    pub minutes: u32,
    /// What the room does now, shown on the projector.
    pub instruction: String,
    #[serde(default)]
    pub tips: Vec<String>,
    #[serde(default)]
    pub challenges: Vec<Challenge>,
    pub activity: Activity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    pub challenge: String,
    pub remedy: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Briefing(Briefing),
    Board(BoardSpec),
    Table(TableSpec),
    Summary(SummarySpec),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    pub text: String,
    #[serde(default)]
    pub bullets: Vec<String>,
    /// List the session's initiatives under the text (the review step).
    #[serde(default)]
    pub show_initiatives: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardSpec {
    /// Boards are stored by this id, so two steps naming the same id share one board.
    pub board: String,
    pub panes: PaneSource,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaneSource {
    /// One pane per initiative of the session.
    Initiatives,
    Fixed(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Column keys to show first; empty shows every column in template order.
    #[serde(default)]
    pub focus_columns: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// Why a template could not be used, with enough detail to fix the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "template {}: line {}, column {}: {}",
                self.source, self.line, self.column, self.message
            )
        } else {
            write!(f, "template {}: {}", self.source, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parses and validates a template; `source` names it in error messages.
    pub fn parse(source: &str, json: &str) -> Result<Template, TemplateError> {
        let template: Template = serde_json::from_str(json).map_err(|e| TemplateError {
            source: source.to_string(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        template.validate().map_err(|message| TemplateError {
            source: source.to_string(),
            line: 0,
            column: 0,
            message,
        })?;
        Ok(template)
    }

    pub fn load(path: &Path) -> Result<Template, TemplateError> {
        let source = path.display().to_string();
        let json = std::fs::read_to_string(path).map_err(|e| TemplateError {
            source: source.clone(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        Template::parse(&source, &json)
    }

    pub fn built_in(name: &str) -> Option<Template> {
        BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, json)| Template::parse(n, json).expect("built-in templates are valid"))
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

    /// A built-in name, or else a path to a template file.
    pub fn resolve(name_or_path: &str) -> Result<Template, TemplateError> {
        if let Some(t) = Template::built_in(name_or_path) {
            return Ok(t);
        }
        let path = Path::new(name_or_path);
        if path.exists() {
            return Template::load(path);
        }
        let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
        Err(TemplateError {
            source: name_or_path.to_string(),
            line: 0,
            column: 0,
            message: format!(
                "no built-in template or file by that name (built-in: {})",
                names.join(", ")
            ),
        })
    }

    fn validate(&self) -> Result<(), String> {
        if self.steps.is_empty() {
            return Err("the workshop has no steps".into());
        }
        let sum: u32 = self.steps.iter().map(|s| s.minutes).sum();
        if sum != self.total_minutes {
            return Err(format!(
                "total_minutes is {} but the steps add up to {sum}",
                self.total_minutes
            ));
        }
        if let Some((i, _)) = self.steps.iter().enumerate().find(|(_, s)| s.minutes == 0) {
            return Err(format!("step {} has 0 minutes", i + 1));
        }
        if self.plan.columns.is_empty() {
            return Err("the plan has no columns".into());
        }
        let mut keys = std::collections::HashSet::new();
        for column in &self.plan.columns {
            if !keys.insert(column.key.as_str()) {
                return Err(format!("plan column key {:?} is used twice", column.key));
            }
            if let ColumnKind::Status(values) = &column.kind
                && values.is_empty()
            {
                return Err(format!("status column {:?} has no values", column.key));
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            if let Some(PaneSource::Fixed(panes)) = step.board().map(|b| &b.panes)
                && panes.is_empty()
            {
                return Err(format!("step {} has a board with no panes", i + 1));
            }
        }
        Ok(())
    }
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
        assert_eq!(err.line, 4);
        let text = err.to_string();
        assert!(text.contains("broken.json"), "{text}");
        assert!(text.contains("line 4"), "{text}");
        assert!(text.contains("missing field `description`"), "{text}");
    }

    #[test]
    fn syntax_error_reports_its_position() {
        let err = Template::parse("t.json", "{\n  \"name\": \"x\",,\n}").unwrap_err();
        assert_eq!((err.line, err.column), (2, 15));
    }

    #[test]
    fn step_minutes_must_add_up_to_the_total() {
        let mut t = Template::default_template();
        t.total_minutes = 50;
        let json = serde_json::to_string(&t).unwrap();
        let err = Template::parse("t.json", &json).unwrap_err();
        assert!(err.message.contains("add up to 45"), "{err}");
    }

    #[test]
    fn unknown_template_name_lists_the_built_in_ones() {
        let err = Template::resolve("no-such-workshop").unwrap_err();
        assert!(err.message.contains("action-planning"), "{err}");
    }
}
