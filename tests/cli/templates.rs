//! `convene templates`: the user's folder beside the config, show, check and schema.

use super::{convene, stderr, stdout};
use std::path::Path;

/// A config folder with a templates folder beside the config file; returns the config.
fn config_with_templates(folder: &Path, templates: &[(&str, &str)]) -> String {
    let config = folder.join("config.toml");
    std::fs::write(&config, "").unwrap();
    std::fs::create_dir(folder.join("templates")).unwrap();
    for (name, text) in templates {
        std::fs::write(folder.join("templates").join(name), text).unwrap();
    }
    config.to_str().unwrap().to_string()
}

/// The default workshop renamed, as a user's copy would be.
fn retro() -> String {
    let text = convene::domain::template::built_in_text("action-planning").unwrap();
    text.replace(
        "\"title\": \"Action Planning for Implementation\"",
        "\"title\": \"Team retro\"",
    )
}

#[test]
fn show_prints_a_built_in_template_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["templates", "show", "ogp-roadmap"]);
    assert!(out.status.success());
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/templates/ogp-roadmap.json"
    ))
    .unwrap();
    assert_eq!(stdout(&out), file);
}

#[test]
fn your_templates_are_listed_with_the_built_in_ones_and_found_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let config = config_with_templates(
        folder.path(),
        &[
            ("retro.json", &retro()),
            ("broken.json", "{\n  \"name\": \"broken\"\n}\n"),
            ("notes.txt", "not a template"),
        ],
    );
    let out = convene(dir.path(), &["--config", &config, "templates"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 8, "6 built in, 2 of yours:\n{text}");
    let retro = text.lines().find(|l| l.starts_with("retro ")).unwrap();
    assert!(
        retro.contains(" 6 steps") && retro.contains("Team retro") && retro.contains("retro.json"),
        "{retro}"
    );
    let broken = text.lines().find(|l| l.starts_with("broken ")).unwrap();
    assert!(
        broken.contains("cannot be used") && broken.contains("line 3"),
        "{broken}"
    );

    let out = convene(
        dir.path(),
        &["--config", &config, "templates", "check", "retro"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"Team retro\", 6 steps, 45 min"));
}

#[test]
fn check_names_the_line_of_a_broken_template() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    std::fs::write(
        &file,
        "{\n  \"name\": \"mine\",\n  \"titel\": \"Mine\"\n}\n",
    )
    .unwrap();
    let out = convene(dir.path(), &["templates", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}: line 3, column 9: unknown field `titel`",
            file.display()
        )),
        "{err}"
    );
}

#[test]
fn check_lists_every_rule_a_template_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let broken = retro()
        .replace("\"total_minutes\": 45", "\"total_minutes\": 50")
        .replace(
            "[\"Not started\", \"In progress\", \"Done\", \"Blocked\"]",
            "[]",
        );
    std::fs::write(&file, broken).unwrap();
    let out = convene(dir.path(), &["templates", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("mine.json: 2 problems"), "{err}");
    assert!(err.contains("the steps add up to 45"), "{err}");
    assert!(
        err.contains("status column \"status\" has no values"),
        "{err}"
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["templates", "schema"]);
    assert!(out.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/template.schema.json"
    ))
    .unwrap();
    assert_eq!(stdout(&out), committed);
}
