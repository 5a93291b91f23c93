//! The template format's JSON Schema (assets/template.schema.json), which editors use
//! to complete and check a template as it is typed: generated from the types, so it
//! must be regenerated when they change; it accepts every template convene accepts
//! in shape, and refuses what convene refuses.

use convene::domain::template::{Template, built_in_names, built_in_text};
use serde_json::{Value, json};

const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/template.schema.json");
const GUIDE_EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-template.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA_FILE).unwrap())
        .expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("a valid draft-7 schema")
}

fn errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_the_one_the_types_make() {
    assert_eq!(
        std::fs::read_to_string(SCHEMA_FILE).unwrap(),
        Template::json_schema(),
        "regenerate it: cargo run -- templates schema > assets/template.schema.json"
    );
}

#[test]
fn every_built_in_template_and_the_guides_example_pass() {
    for name in built_in_names() {
        let template: Value = serde_json::from_str(built_in_text(name).unwrap()).unwrap();
        assert_eq!(errors(&template), Vec::<String>::new(), "{name}");
    }
    let example: Value =
        serde_json::from_str(&std::fs::read_to_string(GUIDE_EXAMPLE).unwrap()).unwrap();
    assert_eq!(
        errors(&example),
        Vec::<String>::new(),
        "the guide's example"
    );
}

#[test]
fn a_broken_template_is_refused_where_it_is_broken() {
    let good: Value = serde_json::from_str(built_in_text("action-planning").unwrap()).unwrap();
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut template = good.clone();
        change(&mut template);
        errors(&template)
    };
    let missing = broken(&|t| {
        t.as_object_mut().unwrap().remove("total_minutes");
    });
    assert!(
        missing
            .iter()
            .any(|e| e.contains("\"total_minutes\" is a required property")),
        "{missing:?}"
    );
    let misspelt = broken(&|t| t["steps"][2]["minuts"] = json!(5));
    assert!(
        misspelt
            .iter()
            .any(|e| e.starts_with("/steps/2:") && e.contains("minuts")),
        "{misspelt:?}"
    );
    let kind = broken(&|t| t["tables"][0]["columns"][1]["kind"] = json!("money"));
    assert!(
        kind.iter()
            .any(|e| e.starts_with("/tables/0/columns/1/kind")),
        "{kind:?}"
    );
    let activity = broken(&|t| t["steps"][0]["activity"] = json!({"poll": {}}));
    assert!(!activity.is_empty(), "an unknown activity");
    let minutes = broken(&|t| t["steps"][0]["minutes"] = json!(-5));
    assert!(!minutes.is_empty(), "negative minutes");
}

#[test]
fn the_guides_example_is_a_valid_template() {
    let example = convene::storage::templates::load(std::path::Path::new(GUIDE_EXAMPLE))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        example
            .schema
            .as_deref()
            .is_some_and(|s| s.ends_with("template.schema.json")),
        "the example shows how to point an editor at the schema"
    );
}

#[test]
fn the_guide_shows_its_example_file_as_it_is() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/templates.md")).unwrap();
    let section = &guide[guide.find("## A complete small example").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let end = start + section[start..].find("```").unwrap();
    assert_eq!(
        &section[start..end],
        std::fs::read_to_string(GUIDE_EXAMPLE).unwrap()
    );
}
