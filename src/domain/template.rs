//! Workshop templates: the agenda, its activities, the session's fields and the plan's
//! tables, as data.

mod legacy;
mod validate;

pub use legacy::PLAN_KEY;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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
    /// Short texts the session asks for (the strategic objective, the vision).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSpec>,
    /// The tables the room fills in, in the order reports show them. A template of the
    /// first format has one `plan` object instead; it is read as one table.
    #[serde(alias = "plan", deserialize_with = "legacy::tables_or_plan")]
    pub tables: Vec<TableDef>,
    pub steps: Vec<StepSpec>,
}

/// A short text of the whole session, typed on the set-up screen or in a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// One table of the plan: its columns, what a row is called, whose it is, its limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// A table for each initiative.
    #[default]
    Initiative,
    /// One table for the whole session (key terms, the plan's resources).
    Session,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Stable key under which cells are stored in the session.
    pub key: String,
    pub title: String,
    pub kind: ColumnKind,
    /// The value an empty status cell shows and exports; else the first value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    LongText,
    Person,
    Date,
    /// A closed list of values, cycled with one key.
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
    /// The room splits into groups, each with its work.
    Groups(GroupsSpec),
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
    /// Session fields shown (and edited) on this step, by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardSpec {
    /// Boards are stored by this id, so two steps naming the same id share one board.
    pub board: String,
    pub panes: PaneSource,
    /// Where a promoted note goes; without it, the first table's first column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promote: Option<Promote>,
}

/// Where a note of a board goes when promoted, and what it is set to there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The table shown, by key; the template's first table when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
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
    /// Session fields shown (and edited) on this step, by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Each group's result side by side (the plenary after group work).
    #[serde(default, skip_serializing_if = "is_false")]
    pub plenary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupsSpec {
    /// How many groups the room forms unless the facilitator changes it.
    pub count: u32,
    /// What each group is given to work on.
    #[serde(default)]
    pub work: GroupWork,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        validate::template(&template).map_err(|message| TemplateError {
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

    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
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
    fn a_first_format_plan_is_read_as_one_table() {
        let mut value = serde_json::to_value(Template::default_template()).unwrap();
        let table = value["tables"][0].take();
        value.as_object_mut().unwrap().remove("tables");
        value["plan"] = serde_json::json!({
            "horizon_days": table["horizon_days"],
            "columns": table["columns"],
        });
        let legacy = Template::parse("old.json", &value.to_string()).unwrap();
        assert_eq!(legacy, Template::default_template());
        let bad = r#"{"name": "x", "title": "X", "description": "", "total_minutes": 5,
            "plan": {"columns": [{"key": "a", "title": "A", "kind": "txt"}]},
            "steps": []}"#;
        let err = Template::parse("old.json", bad).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.message.contains("unknown variant `txt`"), "{err}");
    }

    /// The default template changed by `edit`, and why it is refused.
    fn refused(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value = serde_json::to_value(Template::default_template()).unwrap();
        edit(&mut value);
        Template::parse("t.json", &value.to_string())
            .expect_err("refused")
            .message
    }

    fn table(key: &str, parent: Option<&str>) -> serde_json::Value {
        serde_json::json!({ "key": key, "title": key, "parent": parent,
            "columns": [{ "key": "what", "title": "What", "kind": "text" }] })
    }

    fn add(v: &mut serde_json::Value, table: serde_json::Value) {
        v["tables"].as_array_mut().unwrap().push(table);
    }

    #[test]
    fn tables_must_hold_together() {
        let e = refused(|v| add(v, table("plan", None)));
        assert_eq!(e, "table key \"plan\" is used twice");
        let e = refused(|v| add(v, table("../terms", None)));
        assert!(e.contains("letters, digits"), "{e}");
        let e = refused(|v| add(v, table("milestones", Some("nowhere"))));
        assert!(
            e.contains("parent \"nowhere\" is not a table listed before it"),
            "{e}"
        );
        let e = refused(|v| {
            add(v, table("milestones", Some("plan")));
            add(v, table("tasks", Some("milestones")));
        });
        assert!(e.contains("one level of nesting only"), "{e}");
        let e = refused(|v| {
            add(v, table("milestones", Some("plan")));
            v["tables"][1]["per"] = "session".into();
        });
        assert!(
            e.contains("per session but its parent \"plan\" is per initiative"),
            "{e}"
        );
        let e = refused(|v| v["steps"][3]["activity"]["table"]["table"] = "budget".into());
        assert!(
            e.starts_with("step 4 (\"Assign owners and set timelines\"): no table \"budget\""),
            "{e}"
        );
        let e = refused(|v| {
            v["steps"][3]["activity"]["table"]["focus_columns"] = serde_json::json!(["who"])
        });
        assert!(e.contains("focus column \"who\""), "{e}");
    }

    #[test]
    fn statuses_must_not_start_a_row_as_failed() {
        let e = refused(|v| {
            v["tables"][0]["columns"][8]["kind"]["status"] =
                serde_json::json!(["Not met", "Met", "Partially met"]);
        });
        assert!(
            e.contains("would start as \"Not met\", which reads as a failure"),
            "{e}"
        );
        let e = refused(|v| v["tables"][0]["columns"][8]["default"] = "Blocked".into());
        assert!(e.contains("reads as a failure"), "{e}");
        let e = refused(|v| v["tables"][0]["columns"][8]["default"] = "Maybe".into());
        assert!(
            e.contains("default \"Maybe\" of column \"status\" is not one of its values"),
            "{e}"
        );
        let e = refused(|v| v["tables"][0]["columns"][0]["default"] = "x".into());
        assert!(e.contains("only status columns take"), "{e}");
    }

    #[test]
    fn promotions_and_fields_name_what_exists() {
        let e = refused(|v| {
            v["steps"][2]["activity"]["board"]["promote"] =
                serde_json::json!({ "table": "plan", "set": { "status": "Finished" } });
        });
        assert!(
            e.contains("\"Finished\" is not a value of column \"status\""),
            "{e}"
        );
        let e = refused(|v| {
            v["steps"][2]["activity"]["board"]["promote"] =
                serde_json::json!({ "table": "plan", "set": { "colour": "red" } });
        });
        assert!(e.contains("table \"plan\" has no column \"colour\""), "{e}");
        let e = refused(|v| {
            v["steps"][4]["activity"]["board"]["promote"] =
                serde_json::json!({ "table": "plan", "pane_column": "status" });
        });
        assert!(
            e.contains("pane \"Financial\" is not a value of column \"status\""),
            "{e}"
        );
        let e = refused(|v| {
            v["steps"][0]["activity"]["briefing"]["fields"] = serde_json::json!(["vision"])
        });
        assert!(e.contains("no field \"vision\""), "{e}");
        let e = refused(|v| {
            v["steps"][0]["activity"] = serde_json::json!({ "groups": { "count": 40 } });
        });
        assert!(e.contains("40 groups"), "{e}");
    }

    #[test]
    fn nouns_count_in_english() {
        let mut t = Template::default_template().plan().clone();
        assert_eq!(
            (t.count(1), t.count(2)),
            ("1 action".into(), "2 actions".into())
        );
        for (noun, plural) in [("entry", "entries"), ("day", "days"), ("box", "boxes")] {
            t.noun = noun.into();
            assert_eq!(t.nouns(), plural);
        }
        t.plural = Some("criteria".into());
        assert_eq!(t.count(3), "3 criteria");
    }

    fn columns(t: &Template, table: &str) -> Vec<String> {
        t.table(table)
            .unwrap_or_else(|| panic!("{} has a table {table}", t.name))
            .columns
            .iter()
            .map(|c| c.title.clone())
            .collect()
    }

    #[test]
    fn planning_for_success_has_the_guide_s_tables_fields_and_review() {
        let t = Template::built_in("planning-for-success").unwrap();
        assert_eq!(
            columns(&t, "benchmarks"),
            ["Benchmark", "Type", "Person responsible", "Date", "Status"]
        );
        assert_eq!(columns(&t, "resources").len(), 5);
        assert!(columns(&t, "resources")[3].contains("New resources"));
        assert_eq!(columns(&t, "terms"), ["Term", "Definition"]);
        assert!(t.field("objective").is_some());
        assert!((120..=180).contains(&t.total_minutes), "2-3 hours");
        assert!(t.steps.iter().any(|s| s.title.contains("Review protocol")));
        assert!(
            t.steps
                .iter()
                .any(|s| matches!(s.activity, Activity::Groups(_)))
        );
    }

    #[test]
    fn ogp_has_five_commitments_with_milestones_a_roadmap_and_a_vision() {
        let t = Template::built_in("ogp-roadmap").unwrap();
        let commitments = t.table("commitments").unwrap();
        assert_eq!(
            (commitments.max_rows, commitments.per),
            (Some(5), Per::Session)
        );
        assert_eq!(
            t.table("milestones").unwrap().parent.as_deref(),
            Some("commitments")
        );
        assert!(columns(&t, "roadmap").contains(&"Who takes part".to_string()));
        for field in ["vision", "team", "forum", "monitoring_body"] {
            assert!(t.field(field).is_some(), "{field}");
        }
    }

    #[test]
    fn un_desa_forms_six_groups_and_compares_their_plans() {
        let t = Template::built_in("un-desa-action-planning").unwrap();
        let groups = t.steps.iter().find_map(|s| match &s.activity {
            Activity::Groups(g) => Some(g),
            _ => None,
        });
        assert_eq!(groups.map(|g| g.count), Some(6));
        assert!(
            t.steps
                .iter()
                .any(|s| matches!(&s.activity, Activity::Summary(s) if s.plenary))
        );
        let titles = columns(&t, "plan");
        for wanted in [
            "leads",
            "Supported by",
            "Owner",
            "milestones",
            "available",
            "needed",
        ] {
            assert!(
                titles.iter().any(|c| c.contains(wanted)),
                "{wanted}: {titles:?}"
            );
        }
    }

    #[test]
    fn step_titles_carry_no_number_of_their_own() {
        for t in Template::all_built_in() {
            for step in &t.steps {
                let first = step.title.split_whitespace().next().unwrap_or("");
                assert!(
                    !first
                        .trim_end_matches(['.', ')', ':'])
                        .chars()
                        .all(|c| c.is_ascii_digit()),
                    "{}: {:?}",
                    t.name,
                    step.title
                );
            }
        }
    }

    #[test]
    fn unknown_template_name_lists_the_built_in_ones() {
        let err = Template::resolve("no-such-workshop").unwrap_err();
        assert!(err.message.contains("action-planning"), "{err}");
    }
}
