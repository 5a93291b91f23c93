//! Leaving without `q`: a hang-up, terminate or interrupt signal, or the terminal
//! closed under convene, saves what was typed (an open editor included), releases the
//! session's lock, restores the terminal where there still is one, and exits, without
//! spinning on a terminal that is gone.
#![cfg(unix)]

mod common;

use common::pty::{Run, convene};
use nix::sys::termios::LocalFlags;
use portable_pty::CommandBuilder;
use std::path::Path;

/// A new session in `dir`, with an initiative's name typed but not yet kept with
/// Enter: only the final save can write it.
fn typing_an_initiative(run: &mut Run) {
    run.wait_for("STEP 1 OF 6");
    run.keys(b"i");
    run.wait_for("Initiatives");
    run.keys(b"a");
    run.keys(b"Digital front desk");
    run.wait_for("Digital front desk");
}

/// The session file is saved with the typed name, and its lock file is gone.
fn saved_and_unlocked(dir: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["left.json", "left.json.bak"],
        "no lock file, no temporary file"
    );
    let session = convene::storage::load(&dir.join("left.json")).unwrap();
    let names: Vec<&str> = session
        .initiatives
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Digital front desk"],
        "what was being typed is saved"
    );
}

fn leaves_cleanly_on(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(dir.path(), &["new", "--title", "Left"]);
    typing_an_initiative(&mut run);
    run.signal(signal);
    let status = run.wait_exit();
    assert!(
        status.success(),
        "a clean exit, not death by signal: {status:?}"
    );
    saved_and_unlocked(dir.path());
    let out = run.text();
    let left = out.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(out.rfind("\x1b[?1049h").unwrap() < left);
    assert!(
        run.termios()
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    );
}

#[test]
fn sigterm_saves_unlocks_and_restores_the_terminal() {
    leaves_cleanly_on(libc::SIGTERM);
}

#[test]
fn sigint_saves_unlocks_and_restores_the_terminal() {
    leaves_cleanly_on(libc::SIGINT);
}

#[test]
fn sighup_saves_unlocks_and_restores_the_terminal() {
    leaves_cleanly_on(libc::SIGHUP);
}

#[test]
fn closing_the_terminal_window_saves_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(dir.path(), &["new", "--title", "Left"]);
    typing_an_initiative(&mut run);
    run.close_terminal();
    run.wait_exit();
    saved_and_unlocked(dir.path());
}

/// A terminal can disappear without a hang-up signal reaching convene: here a shell
/// that ignores hang-ups is the terminal's session leader, so the kernel signals it,
/// not convene, which only finds its input gone. With the clock paused nothing else
/// wakes it; it must notice, save and exit rather than spin on read() forever.
#[test]
fn a_terminal_gone_without_a_hangup_signal_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let program = convene(dir.path(), &["new", "--title", "Left"]);
    let mut cmd = CommandBuilder::new("sh");
    // Not the last command of the script, so the shell does not exec convene.
    cmd.args(["-c", "trap '' HUP; \"$@\"; exit $?", "sh"]);
    cmd.args(program.get_argv());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CONVENE_DIR");
    cmd.env_remove("CONVENE_CONFIG");
    let mut run = Run::spawn(cmd);
    typing_an_initiative(&mut run);
    run.close_terminal();
    run.wait_exit();
    saved_and_unlocked(dir.path());
}
