//! `convene config`, and what a config file changes for the other commands.

use super::{EXAMPLE, convene, stderr, stdout};
use std::path::Path;

fn write_config(folder: &Path, text: &str) -> String {
    let path = folder.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn with_no_config_file_it_says_where_one_would_be_and_shows_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let expected = dir.path().join("no-config-here/convene/config.toml");
    assert!(
        text.contains(&format!(
            "# config file: {} (none there",
            expected.display()
        )),
        "{text}"
    );
    for line in [
        "template = \"action-planning\"",
        "theme = \"light\"",
        "bell = false",
        "panel = true",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in:\n{text}");
    }
    assert!(
        text.contains(&format!("sessions = \"{}\"", dir.path().display())),
        "--dir is the sessions folder in effect:\n{text}"
    );
}

#[test]
fn the_config_names_the_sessions_folder_and_the_new_sessions_settings() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("workshops")).unwrap();
    std::fs::copy(EXAMPLE, home.path().join("workshops/city.json")).unwrap();
    let config = write_config(
        home.path(),
        "sessions = \"workshops\"\ntheme = \"dark\"\npanel = false\n\n[keys.board]\nadd = \"n\"\n",
    );
    // Without --dir, the config's folder (beside the config file) holds the sessions.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .args(["--config", &config, "list"])
        .env_remove("CONVENE_DIR")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("city "), "{}", stdout(&out));

    let shown = stdout(&convene(dir.path(), &["--config", &config, "config"]));
    assert!(shown.contains("theme = \"dark\"\n"), "{shown}");
    let from_env = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("config")
        .env("CONVENE_CONFIG", &config)
        .output()
        .unwrap();
    let from_env = stdout(&from_env);
    let workshops = home.path().join("workshops");
    assert!(
        from_env.contains("theme = \"dark\"\n")
            && from_env.contains(&format!("sessions = \"{}\"\n", workshops.display())),
        "CONVENE_CONFIG names it too:\n{from_env}"
    );
    assert!(shown.contains("panel = false\n"), "{shown}");
    assert!(
        shown.contains("\n[keys.board]\nadd = [\"n\"]\n"),
        "only what the user changed:\n{shown}"
    );
}

#[test]
fn a_broken_config_is_reported_with_path_and_line_and_commands_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let config = write_config(folder.path(), "bell = true\ntheme = \"blue\"\n");

    let out = convene(dir.path(), &["--config", &config, "config"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "config fails so a script can tell"
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{config}: line 2: theme must be \"light\" or \"dark\""
        )),
        "{err}"
    );
    let shown = stdout(&out);
    assert!(
        shown.contains("bell = true\n") && shown.contains("theme = \"light\"\n"),
        "the good line counts, the bad one is the default:\n{shown}"
    );

    let out = convene(dir.path(), &["--config", &config, "list"]);
    assert!(
        out.status.success(),
        "a broken config never stops a command"
    );
    assert!(stderr(&out).contains("line 2: theme"), "{}", stderr(&out));

    let not_toml = write_config(folder.path(), "bell = true\ntheme = dark\n");
    let out = convene(dir.path(), &["--config", &not_toml, "config"]);
    let err = stderr(&out);
    assert!(
        err.contains("line 2, column 9: not valid TOML") && err.contains("defaults"),
        "{err}"
    );
    assert!(stdout(&out).contains("bell = false\n"), "ignored whole");
}

#[test]
fn a_config_named_but_missing_is_said_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.toml");
    let out = convene(dir.path(), &["--config", missing.to_str().unwrap(), "list"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains(&format!("{}: no such file", missing.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_default_file_is_a_working_config_that_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["config", "--default"]);
    assert!(out.status.success());
    let default = stdout(&out);
    assert!(default.contains("# theme = \"light\""), "{default}");
    assert!(
        default.contains("\n# [keys.board]\n")
            && default.contains("\n# add = [\"a\", \"Insert\"]\n"),
        "every key, commented out: {default}"
    );
    let folder = tempfile::tempdir().unwrap();
    let config = write_config(folder.path(), &default);
    let with_it = convene(dir.path(), &["--config", &config, "config"]);
    assert!(with_it.status.success(), "{}", stderr(&with_it));
    let without = stdout(&convene(dir.path(), &["config"]));
    let settings = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(settings(&stdout(&with_it)), settings(&without));
}

#[test]
fn a_key_change_the_keymap_refuses_is_reported_by_line_and_the_others_take() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        "[keys.board]\nadd = \"n\"\npaint = \"x\"\n\n[keys.table]\nsort = \"d\"\n",
    );
    let out = convene(dir.path(), &["--config", &config, "config"]);
    assert!(!out.status.success(), "problems make config fail");
    let (shown, errors) = (stdout(&out), stderr(&out));
    assert!(
        shown.contains("\n[keys.board]\nadd = [\"n\"]\n") && !shown.contains("sort"),
        "what the keymap took, and only that:\n{shown}"
    );
    assert!(
        errors.contains(&format!(
            "{config}: line 3: [keys.board] paint: no such action"
        )),
        "{errors}"
    );
    assert!(
        errors.contains("line 6: [keys.table] sort: d is bound to delete here"),
        "{errors}"
    );
}
