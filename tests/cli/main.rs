//! The command line, run as a real process against a temporary sessions folder, and
//! never the user's own config (a config is given with `--config` where a test wants one).

mod config;
mod shell;
mod status;
mod templates;

use std::path::Path;
use std::process::{Command, Output};

fn convene(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("CONVENE_DIR")
        .env_remove("CONVENE_CONFIG")
        .env_remove("CONVENE_NOW")
        // The platform config folder, where the user's config.toml and templates are.
        .env("XDG_CONFIG_HOME", dir.join("no-config-here"))
        .output()
        .expect("run convene")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-workshop.json"
);

#[test]
fn templates_lists_the_built_in_workshops() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["templates"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("action-planning "))
        .expect("default listed");
    assert!(
        line.contains(" 6 steps") && line.contains(" 45 min"),
        "{line}"
    );
    assert_eq!(text.lines().count(), 6, "{text}");
    let review = text
        .lines()
        .find(|l| l.starts_with("plan-review "))
        .unwrap();
    assert!(
        review.contains(" 30 min") && review.contains("convene review"),
        "{review}"
    );
}

#[test]
fn list_shows_saved_sessions_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    assert!(stdout(&convene(dir.path(), &["list"])).contains("No sessions"));
    std::fs::copy(EXAMPLE, dir.path().join("example.json")).unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    let out = convene(dir.path(), &["list"]);
    let text = stdout(&out);
    let example = text
        .lines()
        .find(|l| l.starts_with("example "))
        .expect("example listed");
    assert!(
        example.contains("action-planning") && example.contains("step "),
        "{example}"
    );
    let broken = text
        .lines()
        .find(|l| l.starts_with("broken "))
        .expect("broken listed");
    assert!(broken.contains("cannot be read"), "{broken}");
}

#[test]
fn the_sessions_folder_can_come_from_convene_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("from-env.json")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_convene"))
        .arg("list")
        .env("CONVENE_DIR", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("no-config-here"))
        .output()
        .unwrap();
    assert!(stdout(&out).contains("from-env"), "{}", stdout(&out));
}

#[test]
fn corrupt_and_newer_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.json");
    std::fs::write(&corrupt, "{\"schema_version\": 1, \"title\": \"half").unwrap();
    let mut newer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    newer["schema_version"] = 7.into();
    let newer_path = dir.path().join("newer.json");
    std::fs::write(&newer_path, serde_json::to_string_pretty(&newer).unwrap()).unwrap();

    for (path, reason) in [(&corrupt, "not valid JSON"), (&newer_path, "newer convene")] {
        let before = std::fs::read(path).unwrap();
        let out = convene(dir.path(), &["open", path.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains(path.to_str().unwrap()) && err.contains(reason),
            "{err}"
        );
        assert_eq!(std::fs::read(path).unwrap(), before, "never overwritten");
        assert!(!convene::storage::backup_path(path).exists());
    }
}

#[test]
fn open_by_name_that_does_not_exist_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["open", "nothing-here"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(dir.path().to_str().unwrap()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_template_is_reported_with_file_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mine.json");
    std::fs::write(
        &template,
        "{\n  \"name\": \"mine\",\n  \"title\": \"Mine\"\n}\n",
    )
    .unwrap();
    let out = convene(
        dir.path(),
        &["new", "--template", template.to_str().unwrap()],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("mine.json") && err.contains("line 4") && err.contains("missing field"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no session was created"
    );
}

#[test]
fn interactive_commands_need_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("needs a terminal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    let cli = <convene::cli::Cli as clap::CommandFactory>::command();
    for cmd in cli.get_subcommands().map(|c| c.get_name()) {
        let out = convene(dir.path(), &[cmd, "--help"]);
        assert!(out.status.success(), "{cmd}");
        assert!(stdout(&out).contains("--dir"), "{cmd} accepts --dir");
    }
}

#[test]
fn export_writes_beside_the_session_or_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("example.json");
    std::fs::copy(EXAMPLE, &session).unwrap();
    let out = convene(dir.path(), &["export", "example", "--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("exports/example.html")).unwrap();
    assert!(html.contains("<html") && html.contains("<h1>City digital services 2027</h1>"));

    let out = convene(
        dir.path(),
        &["export", session.to_str().unwrap(), "-f", "md", "-o", "-"],
    );
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("# "), "{}", stdout(&out));
}

#[test]
fn export_table_writes_one_table_of_the_plan_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let ogp = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/example-ogp-roadmap.json"
    );
    std::fs::copy(ogp, dir.path().join("ogp.json")).unwrap();
    let out = convene(
        dir.path(),
        &["export", "ogp", "-f", "csv", "--table", "milestones"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(dir.path().join("exports/ogp-milestones.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("Parent") && header.contains("Milestone"),
        "{header}"
    );
    assert!(csv.contains("Stream the first hearing"), "{csv}");

    let out = convene(
        dir.path(),
        &["export", "ogp", "-f", "csv", "--table", "budget"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no table \"budget\" (tables: commitments, milestones, roadmap)"),
        "{}",
        stderr(&out)
    );
    let out = convene(
        dir.path(),
        &["export", "ogp", "-f", "md", "--table", "roadmap"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--format csv"), "{}", stderr(&out));
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("example.json")).unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    let target = blocker.join("out.csv");
    let out = convene(
        dir.path(),
        &[
            "export",
            "example",
            "-f",
            "csv",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("out.csv"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "a file");

    std::fs::write(dir.path().join("corrupt.json"), "[1, 2").unwrap();
    let out = convene(dir.path(), &["export", "corrupt", "-f", "json"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("corrupt.json") && stderr(&out).contains("not valid JSON"));
}

#[test]
fn the_exit_status_is_what_help_says() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&convene(dir.path(), &["--help"]));
    let footer = &help[help.find("Exit status:").expect("a footer on exit status")..];
    for (code, meaning) in convene::cli::EXIT_STATUS {
        assert!(footer.contains(&format!("{code}  ")), "{footer}");
        assert!(
            footer.contains(&meaning[..meaning.len().min(20)]),
            "{footer}"
        );
    }

    let status = |args: &[&str]| convene(dir.path(), args).status.code();
    assert_eq!(status(&["list"]), Some(0), "success");
    assert_eq!(status(&["templates", "show", "action-planning"]), Some(0));
    assert_eq!(status(&["open", "no-such-session"]), Some(1), "an error");
    assert_eq!(status(&["templates", "show", "no-such-template"]), Some(1));
    assert_eq!(
        status(&["export", "x", "--format", "pdf"]),
        Some(2),
        "usage"
    );
    assert_eq!(status(&["no-such-command"]), Some(2));
    assert_eq!(status(&["export", "x"]), Some(2), "--format is required");
}
