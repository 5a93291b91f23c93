//! The real binary in a pseudo-terminal: it starts, takes keys, quits, saves, and
//! leaves the terminal as it found it.

mod common;

use common::pty::Run;
use nix::sys::termios::LocalFlags;
use std::path::Path;

fn only_session(dir: &Path) -> convene::domain::session::Session {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    convene::storage::load(&files[0]).unwrap()
}

#[test]
fn start_step_quit_restore_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(dir.path(), &["new", "--title", "Pty run"]);
    run.wait_for("STEP 1 OF 6");
    run.keys(b" ");
    run.wait_for("running");
    run.keys(b"n");
    run.wait_for("STEP 2 OF 6");

    // A second convene in another terminal must not open (and overwrite) it.
    let mut second = Run::start(dir.path(), &["open", "pty-run"]);
    assert!(!second.wait_exit().success(), "the second convene refuses");
    assert!(
        second.text().contains("already open in another convene"),
        "{}",
        second.text()
    );
    // Nor does a review of it.
    let mut review = Run::start(dir.path(), &["review", "pty-run"]);
    assert!(!review.wait_exit().success(), "a review is refused too");
    assert!(
        review.text().contains("already open in another convene"),
        "{}",
        review.text()
    );

    run.keys(b"q");
    run.wait_for("Quit convene?");
    run.keys(b"y");
    assert!(run.wait_exit().success(), "exit status 0");

    let out = run.text();
    let last_leave = out.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(out.rfind("\x1b[?1049h").unwrap() < last_leave);
    assert!(
        out.rfind("\x1b[?25h").expect("cursor shown again") > out.rfind("\x1b[?25l").unwrap_or(0)
    );
    let termios = run.termios();
    assert!(
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "raw mode is off again"
    );

    let session = only_session(dir.path());
    assert_eq!(session.title, "Pty run");
    assert_eq!(session.timing.current, 1);
    assert!(
        session.timing.is_running(),
        "the clock keeps running while the app is closed"
    );

    // Reopened by name, it comes back on the same step.
    let mut again = Run::start(dir.path(), &["open", "pty-run"]);
    again.wait_for("STEP 2 OF 6");
    again.keys(b"\x03"); // Ctrl-C saves and leaves at once
    assert!(again.wait_exit().success());
    assert!(again.text().contains("\x1b[?1049l"));

    // Four weeks later, its review meeting.
    let later = (chrono::Local::now() + chrono::Duration::weeks(4)).format("%Y-%m-%d");
    let later = later.to_string();
    let mut review = Run::start(dir.path(), &["--now", &later, "review", "pty-run"]);
    review.wait_for("Celebrate what is done");
    review.keys(b"\x03");
    assert!(review.wait_exit().success());
    assert_eq!(only_session(dir.path()).reviews.len(), 1);
}

/// A new session in `dir` with this config (in a folder of its own).
fn start_with_config(dir: &Path, config: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let run = Run::start(dir, &["--config", path.to_str().unwrap(), "new"]);
    run.wait_for("STEP 1 OF 6");
    run
}

#[test]
fn a_broken_config_still_opens_the_workshop_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    // Line 2 is wrong; line 1 and 3 still count for the new session.
    let mut run = start_with_config(
        dir.path(),
        "theme = \"dark\"\nbell = \"yes\"\npanel = false\n",
    );
    run.wait_for("config.toml: line 2: bell must be true or false");
    run.keys(b"q");
    run.wait_for("Quit convene?");
    run.keys(b"y");
    assert!(run.wait_exit().success(), "a broken config is no failure");
    let out = run.text();
    let said = out
        .find("line 2: bell must be true or false")
        .expect("said on standard error");
    assert!(
        said < out.find("\x1b[?1049h").unwrap(),
        "before the terminal opens"
    );
    let session = only_session(dir.path());
    assert_eq!(
        session.settings,
        convene::domain::session::Settings {
            bell: false,
            theme: convene::domain::session::ThemeName::Dark,
            show_panel: false,
            console: false,
            share: Default::default(),
        },
        "a new session starts with the config's settings"
    );
}

#[test]
fn a_final_save_that_fails_is_the_reason_given_at_exit() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("sessions");
    std::fs::create_dir(&dir).unwrap();
    let mut run = Run::start(&dir, &["new", "--title", "Lost folder"]);
    run.wait_for("STEP 1 OF 6");
    // The sessions folder is replaced by a file under the running app: every save
    // now fails.
    std::fs::rename(&dir, root.path().join("moved")).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    run.keys(b" ");
    run.wait_for("NOT SAVED");
    run.keys(b"q");
    run.wait_for("Quit convene?");
    run.keys(b"y");
    assert_eq!(run.wait_exit().exit_code(), 1, "a lost save is an error");
    let out = run.text();
    assert!(out.contains("convene: NOT SAVED:"), "{out}");
    assert!(!out.contains("terminal error"), "{out}");
}
