//! Completions and the man page, generated from the clap definition.

use super::{convene, stdout};
use std::process::Command;

/// Whether a program is installed; a test that needs it says so when it is not.
fn have(program: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {program} is not installed");
    }
    found
}

#[test]
fn bash_completes_commands_and_their_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["completions", "bash"]);
    assert!(out.status.success());
    let script = dir.path().join("convene.bash");
    std::fs::write(&script, stdout(&out)).unwrap();
    if !have("bash") {
        return;
    }
    // What bash offers after `convene te<Tab>` and `convene templates <Tab>`.
    let complete = |words: &str, current: usize| {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!(
                "source {}; COMP_WORDS=({words}); COMP_CWORD={current}; \
                 COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}; \
                 _convene convene \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; \
                 printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                script.display()
            ))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(complete("convene te", 1).trim(), "templates");
    let sub = complete("convene templates ''", 2);
    for name in ["show", "check", "schema"] {
        assert!(sub.lines().any(|l| l == name), "{name} in {sub:?}");
    }
    let formats = complete("convene export x --format ''", 4);
    for format in ["md", "csv", "html", "ics", "json"] {
        assert!(
            formats.lines().any(|l| l == format),
            "{format} in {formats:?}"
        );
    }
}

#[test]
fn zsh_and_fish_scripts_know_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let cli = <convene::cli::Cli as clap::CommandFactory>::command();
    for shell in ["zsh", "fish"] {
        let out = convene(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        for cmd in cli.get_subcommands() {
            assert!(
                script.contains(cmd.get_name()),
                "{shell}: {}",
                cmd.get_name()
            );
        }
        if have(shell) {
            let path = dir.path().join(format!("convene.{shell}"));
            std::fs::write(&path, &script).unwrap();
            let check = Command::new(shell).arg("-n").arg(&path).output().unwrap();
            assert!(check.status.success(), "{shell} -n: {check:?}");
        }
    }
}

#[test]
fn the_man_page_has_every_command_and_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH convene 1"), "{page}");
    if !have("groff") {
        return;
    }
    let path = dir.path().join("convene.1");
    std::fs::write(&path, &page).unwrap();
    let rendered = Command::new("groff")
        // Plain text (no overstriking), lines long enough that nothing wraps or hyphenates.
        .args(["-man", "-Tutf8", "-P-cbu", "-ww", "-rLL=250n", "-rHY=0"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&rendered.stdout);
    let warnings = String::from_utf8_lossy(&rendered.stderr);
    assert!(warnings.trim().is_empty(), "groff warns: {warnings}");
    for heading in [
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "FILES",
        "ENVIRONMENT",
    ] {
        assert!(text.contains(heading), "{heading} in:\n{text}");
    }
    for usage in [
        "convene new [--template <NAME|PATH>] [--title <TITLE>]",
        "convene templates check <FILE>",
        "convene config [--default]",
    ] {
        assert!(text.contains(usage), "{usage} in:\n{text}");
    }
    for (code, _) in convene::cli::EXIT_STATUS {
        assert!(
            text.contains(&format!("\n       {code}")),
            "{code} in:\n{text}"
        );
    }
}
